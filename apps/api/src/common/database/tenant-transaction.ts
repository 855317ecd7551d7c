import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '@api/common/auth/actor';

/** The organization context a transaction runs under; row-level security policies read it. */
export interface TenantContext {
  organizationId: string | null;
  userId: string | null;
  role: string | null;
}

export const NO_CONTEXT: TenantContext = { organizationId: null, userId: null, role: null };

export function contextOf(actor: Actor): TenantContext {
  return { organizationId: actor.organizationId, userId: actor.userId, role: actor.role };
}

/**
 * Runs work in one transaction that first sets `app.org_id`, `app.user_id` and `app.role` with
 * `set_config(..., true)`: transaction-local, so a pooled connection never keeps a context after
 * COMMIT or ROLLBACK. The values come from the verified session, never from a header or body.
 */
@Injectable()
export class TenantTransaction {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(who: Actor | TenantContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const ctx = 'sessionId' in who ? contextOf(who) : who;
    return this.dataSource.transaction(async (manager) => {
      await setContext(manager, ctx);
      return work(manager);
    });
  }

  /**
   * The same in one REPEATABLE READ snapshot: an export that counts its rows (and audits the
   * count) before streaming them sees exactly the rows it counted.
   */
  snapshot<T>(who: Actor | TenantContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const ctx = 'sessionId' in who ? contextOf(who) : who;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await setContext(manager, ctx);
      return work(manager);
    });
  }
}

export async function setContext(manager: EntityManager, ctx: TenantContext): Promise<void> {
  await manager.query(
    `SELECT set_config('app.org_id', $1, true), set_config('app.user_id', $2, true), set_config('app.role', $3, true)`,
    [ctx.organizationId ?? '', ctx.userId ?? '', ctx.role ?? ''],
  );
}
