import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DomainError, notFound, staleVersion } from '@api/common/errors/domain-error';

/**
 * Reads a row for change: locks it (SELECT … FOR UPDATE) inside the caller's transaction and checks
 * the version the client last saw. A stale version is a 409 and nothing is written.
 */
export async function lockVersioned<T extends ObjectLiteral & { version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  expectedVersion: number | undefined,
): Promise<T> {
  const row = await manager
    .getRepository(entity)
    .createQueryBuilder('e')
    .setLock('pessimistic_write')
    .where('e.id = :id', { id })
    .getOne();
  if (!row) throw notFound();
  if (expectedVersion === undefined) throw new DomainError(422, 'error.versionRequired', {}, 'version');
  if (row.version !== expectedVersion) throw staleVersion();
  return row;
}

/** The fields of a DTO that were sent (undefined means "not sent"), limited to `fields`. */
export function sentFields<T extends object>(dto: T, fields: readonly (keyof T & string)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const f of fields) if (dto[f] !== undefined) out[f] = dto[f];
  return out;
}
