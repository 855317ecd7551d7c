import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Rate-limit counters live in PostgreSQL so that every API replica shares them. */
@Entity('rate_limit_bucket')
export class RateLimitBucketEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'integer', default: 0 })
  hits!: number;

  @Index('rate_limit_bucket_expires_at_idx')
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
