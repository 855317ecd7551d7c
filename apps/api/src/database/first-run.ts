import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { seedDemo, DEMO_COORDINATOR_EMAIL, DEMO_VIEWER_EMAIL } from '@tools/seed/demo';
import { setContext } from '@api/common/database/tenant-transaction';
import type { AppConfig } from '@api/config/config';
import type { AuditService } from '@api/modules/audit/audit.service';
import { PeopleService } from '@api/modules/people/people.service';
import { UserEntity } from '@api/modules/users/entities/user.entity';
import { hashPassword } from '@api/modules/users/users.service';

const SYSTEM = { userId: null, organizationId: null, requestId: 'first-run' };

/**
 * On the first start: creates the first alliance admin (from UNIDOS_ADMIN_EMAIL / _PASSWORD, or
 * with a generated password printed once) and, when demo data is on, the demo coalition. Does
 * nothing once an alliance admin exists.
 */
export async function firstRun(
  dataSource: DataSource,
  config: AppConfig,
  logger: Logger,
  services: { people: PeopleService; audit: AuditService },
): Promise<void> {
  await dataSource.transaction(async (m) => {
    await setContext(m, { organizationId: null, userId: null, role: 'alliance_admin' });
    // One start at a time does this, however many replicas boot together.
    await m.query('SELECT pg_advisory_xact_lock(7242001)');
    const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM "user" WHERE role = 'alliance_admin'`)) as { n: number }[];
    if (n > 0) return;
    const email = config.adminEmail ?? 'admin@unidos.local';
    const generated = !config.adminPassword;
    const password = config.adminPassword ?? randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(password);
    const admin = await m.save(
      m.create(UserEntity, { email, displayName: 'Alliance Admin', role: 'alliance_admin', passwordHash, organizationId: null }),
    );
    await services.audit.record(m, SYSTEM, { action: 'user.create', entityType: 'user', entityId: admin.id, changedFields: ['role'], after: { role: 'alliance_admin' } });
    if (config.demoData) {
      await seedDemo(m, services.people, admin.id, passwordHash, logger);
      await services.audit.record(m, SYSTEM, { action: 'system.seed_demo', entityType: 'system', entityId: null });
    }
    // Printed once, to the terminal only (never to the structured log).
    const lines = [
      'Unidos first start: an alliance admin was created.',
      `  email:    ${email}`,
      generated ? `  password: ${password}   (generated: note it now, it is not shown again)` : '  password: the one in UNIDOS_ADMIN_PASSWORD',
    ];
    if (config.demoData) lines.push(`  demo users ${DEMO_COORDINATOR_EMAIL} and ${DEMO_VIEWER_EMAIL} have the same password.`);
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  });
}
