import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many open pledges fall due on each day: "overdue" and "due this week" are sums over a few
 * hundred rows instead of counts over every pledge. Kept exact by a trigger on `pledge` (running as
 * the owner) in the writer's transaction; read-only for the app role.
 */
@Entity('pledge_due_count')
export class PledgeDueCountEntity {
  @PrimaryColumn({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'integer', default: 0 })
  openPledges!: number;
}
