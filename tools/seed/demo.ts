import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { setContext } from '@api/common/database/tenant-transaction';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { slugify } from '@api/modules/organizations/slug';
import type { PeopleService } from '@api/modules/people/people.service';
import { RegionEntity } from '@api/modules/regions/entities/region.entity';
import { UserEntity } from '@api/modules/users/entities/user.entity';
import { DEMO_ORGANIZATIONS, DEMO_REGIONS } from './demo-data';

export const DEMO_COORDINATOR_EMAIL = 'coordinator@demo.unidos.local';
export const DEMO_VIEWER_EMAIL = 'viewer@demo.unidos.local';

const DAY = 86_400_000;

/**
 * Seeds the demo coalition in one transaction (with one audit row saying so). Dates are spread
 * over the past two years so lists and histories look like a living coalition.
 */
export async function seedDemo(
  m: EntityManager,
  people: PeopleService,
  adminUserId: string,
  demoPasswordHash: string,
  logger: Logger,
): Promise<void> {
  const regions = new Map<string, string>();
  for (const r of DEMO_REGIONS) {
    const region = await m.save(m.create(RegionEntity, r));
    for (const s of r.states) regions.set(s, region.id);
  }
  const now = Date.now();
  let firstActive: OrganizationEntity | null = null;
  for (const [i, o] of DEMO_ORGANIZATIONS.entries()) {
    const appliedAt = new Date(now - (700 - i * 30) * DAY);
    const decided = o.status !== 'applicant';
    const org = await m.save(
      m.create(OrganizationEntity, {
        name: o.name,
        slug: slugify(o.name),
        kind: o.kind,
        city: o.city,
        state: o.state,
        regionId: regions.get(o.state) ?? null,
        focusAreas: o.focusAreas,
        languages: o.languages,
        website: `https://${slugify(o.name)}.example.org`,
        publicEmail: o.contact.email ?? null,
        description: o.description,
        membershipStatus: o.status,
        appliedAt: decided ? appliedAt : new Date(now - (i % 5) * DAY),
        approvedAt: decided ? new Date(appliedAt.getTime() + 9 * DAY) : null,
        approvedBy: decided ? adminUserId : null,
        decidedAt: decided ? new Date(appliedAt.getTime() + 9 * DAY) : null,
        duesTier: o.duesTier ?? null,
        duesPaidThrough: decided ? new Date(now + ((i % 7) - 2) * 30 * DAY).toISOString().slice(0, 10) : null,
        principlesSignedAt: decided ? appliedAt : null,
      }),
    );
    await setContext(m, { organizationId: org.id, userId: null, role: null });
    await people.createPublicContact(m, org.id, { ...o.contact, role: 'primary_contact' });
    await setContext(m, { organizationId: null, userId: adminUserId, role: 'alliance_admin' });
    if (!firstActive && o.status === 'active') firstActive = org;
  }
  if (firstActive) {
    for (const [email, role, displayName] of [
      [DEMO_COORDINATOR_EMAIL, 'org_coordinator', 'Demo Coordinator'],
      [DEMO_VIEWER_EMAIL, 'org_viewer', 'Demo Viewer'],
    ] as const) {
      await m.save(
        m.create(UserEntity, { email, role, displayName, organizationId: firstActive.id, passwordHash: demoPasswordHash, preferredLanguage: 'es' }),
      );
    }
  }
  logger.info(`Demo coalition seeded: ${DEMO_REGIONS.length} regions, ${DEMO_ORGANIZATIONS.length} organizations`);
}
