import { Client } from 'pg';
import { APP_ROLE } from './data-source';

export const OWNER_ROLE = 'unidos_owner';

export interface RoleSetup {
  database: string;
  ownerPassword: string;
  appPassword: string;
}

/**
 * With a superuser connection, makes sure the two roles and the database exist: the owner role
 * that runs migrations and owns every table, and the app role the API connects as, which owns
 * nothing and cannot bypass row-level security. Safe to run at every start.
 */
export async function ensureRolesAndDatabase(superuserUrl: string, setup: RoleSetup): Promise<void> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    for (const [role, password] of [
      [OWNER_ROLE, setup.ownerPassword],
      [APP_ROLE, setup.appPassword],
    ] as const) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
      }
      await client.query(`ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`);
    }
    const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [setup.database]);
    if (db.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(setup.database)} OWNER ${OWNER_ROLE}`);
    }
  } finally {
    await client.end();
  }
}

export function withCredentials(url: string, user: string, password: string, database?: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}
