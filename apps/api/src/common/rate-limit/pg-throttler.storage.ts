import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { DataSource } from 'typeorm';

/**
 * Keeps @nestjs/throttler's counters in PostgreSQL, so every API replica shares them and a restart
 * does not reset them. One atomic upsert per request; the key is already a hash (no raw address).
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const rows = (await this.dataSource.query(
      `INSERT INTO rate_limit_bucket AS b (key, hits, expires_at)
       VALUES ($1, 1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END,
         expires_at = CASE WHEN b.expires_at <= now() THEN EXCLUDED.expires_at ELSE b.expires_at END,
         blocked_until = CASE
           WHEN b.blocked_until > now() THEN b.blocked_until
           WHEN (CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END) > $3
             THEN now() + $4 * interval '1 millisecond'
           ELSE NULL END
       RETURNING hits,
         GREATEST(0, ceil(extract(epoch FROM (expires_at - now()))))::int AS expire_s,
         GREATEST(0, ceil(extract(epoch FROM (COALESCE(blocked_until, now()) - now()))))::int AS block_s`,
      [key, ttl, limit, blockDuration],
    )) as { hits: number; expire_s: number; block_s: number }[];
    const row = rows[0];
    return {
      totalHits: row.hits,
      timeToExpire: row.expire_s,
      isBlocked: row.block_s > 0,
      timeToBlockExpire: row.block_s,
    };
  }
}
