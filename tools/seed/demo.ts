import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { setContext } from '@api/common/database/tenant-transaction';
import { OrganizationEntity } from '@api/modules/organizations/entities/organization.entity';
import { slugify } from '@api/modules/organizations/slug';
import type { PeopleService } from '@api/modules/people/people.service';
import { RegionEntity } from '@api/modules/regions/entities/region.entity';
import { UserEntity } from '@api/modules/users/entities/user.entity';
import { CampaignGoalEntity } from '@api/modules/campaigns/entities/campaign-goal.entity';
import { CampaignEntity } from '@api/modules/campaigns/entities/campaign.entity';
import { DemandEntity } from '@api/modules/campaigns/entities/demand.entity';
import { EndorsementEntity } from '@api/modules/campaigns/entities/endorsement.entity';
import { PledgeReportEntity } from '@api/modules/pledges/entities/pledge-report.entity';
import { PledgeEntity } from '@api/modules/pledges/entities/pledge.entity';
import { EventHostEntity } from '@api/modules/events/entities/event-host.entity';
import { EventEntity } from '@api/modules/events/entities/event.entity';
import { RsvpEntity } from '@api/modules/events/entities/rsvp.entity';
import { DEMO_CAMPAIGNS, DEMO_ORGANIZATIONS, DEMO_REGIONS } from './demo-data';

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
  const members: OrganizationEntity[] = [];
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
    if (o.status === 'active') members.push(org);
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
  await seedCampaigns(m, members, adminUserId);
  if (firstActive) await seedPeopleAndEvents(m, people, members, firstActive, adminUserId);
  logger.info(`Demo coalition seeded: ${DEMO_REGIONS.length} regions, ${DEMO_ORGANIZATIONS.length} organizations`);
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/**
 * The Grassroots Migrants Agenda and a get-out-the-vote drive, with endorsements, pledges of
 * different sizes and reports spread over past weeks (some pledges fulfilled, some overdue).
 * Deterministic: the same demo every time.
 */
async function seedCampaigns(m: EntityManager, members: OrganizationEntity[], adminUserId: string): Promise<void> {
  for (const [ci, c] of DEMO_CAMPAIGNS.entries()) {
    const campaign = await m.save(
      m.create(CampaignEntity, {
        name: c.name,
        slug: slugify(c.name),
        summary: c.summary,
        status: c.status,
        startsOn: isoDay(c.startsInDays),
        endsOn: isoDay(c.startsInDays + c.lengthDays),
        leadOrganizationId: members[ci]?.id ?? null,
      }),
    );
    for (const g of c.goals) await m.insert(CampaignGoalEntity, { campaignId: campaign.id, metric: g.metric, target: String(g.target) });
    for (const [i, d] of c.demands.entries()) await m.insert(DemandEntity, { campaignId: campaign.id, position: i + 1, ...d });
    const pledging = members.filter((_, i) => (i + ci) % 3 !== 2);
    for (const [oi, org] of pledging.entries()) {
      await m.insert(EndorsementEntity, { campaignId: campaign.id, organizationId: org.id, role: org.id === campaign.leadOrganizationId ? 'lead' : oi % 4 === 0 ? 'partner' : 'endorser' });
      const goal = c.goals[oi % c.goals.length];
      // A few large organizations, most small.
      const quantity = goal.metric === 'turnout' ? 50 + (oi % 4) * 25 : oi < 3 ? 2500 - oi * 500 : 200 + (oi % 5) * 100;
      const share = [1.1, 0.8, 0.4, 0.25, 0][oi % 5];
      const dueOn = isoDay(oi % 6 === 5 ? -10 : 20 + oi * 3);
      const reports = share === 0 ? [] : [0.5, 0.3, 0.2].map((part) => Math.round(quantity * share * part));
      const reported = reports.reduce((a, b) => a + b, 0);
      const pledge = await m.save(
        m.create(PledgeEntity, {
          campaignId: campaign.id,
          organizationId: org.id,
          metric: goal.metric,
          quantity: String(quantity),
          reported: String(reported),
          status: reported >= quantity ? 'fulfilled' : 'open',
          dueOn,
          createdBy: adminUserId,
        }),
      );
      for (const [ri, q] of reports.entries()) {
        if (q === 0) continue;
        await m.insert(PledgeReportEntity, { pledgeId: pledge.id, quantity: String(q), reportedOn: isoDay(-7 * (3 - ri) - oi), reportedBy: adminUserId });
      }
    }
  }
}

const at = (offsetDays: number, utcHour: number) => {
  const d = new Date(Date.now() + offsetDays * DAY);
  d.setUTCHours(utcHour, 0, 0, 0);
  return d;
};

/**
 * The demo coordinator's organization keeps a few people (aliases), and co-hosts joint events
 * with others: an upcoming rally and training, and a past assembly with its attendance.
 */
async function seedPeopleAndEvents(
  m: EntityManager,
  people: PeopleService,
  members: OrganizationEntity[],
  home: OrganizationEntity,
  adminUserId: string,
): Promise<void> {
  await setContext(m, { organizationId: home.id, userId: null, role: 'org_coordinator' });
  const names: [string, 'delegate' | 'member' | 'spokesperson' | 'staff', string][] = [
    ['Lupe', 'delegate', 'es'],
    ['Don Chuy', 'member', 'es'],
    ['Mari R.', 'spokesperson', 'es'],
    ['Kevin', 'staff', 'en'],
    ['Doña Rosa', 'member', 'es'],
    ['Tomás', 'member', 'mam'],
  ];
  const ids: string[] = [];
  for (const [i, [displayName, role, language]] of names.entries()) {
    const p = await people.createPrivatePerson(m, home.id, {
      displayName,
      role,
      preferredLanguage: language,
      phone: `+1 312 555 01${String(10 + i)}`,
      okToText: i % 2 === 0,
      signalOnly: i === 2,
    });
    ids.push(p.id);
  }
  await setContext(m, { organizationId: null, userId: adminUserId, role: 'alliance_admin' });
  const [campaign] = (await m.query(`SELECT id FROM campaign WHERE slug = 'grassroots-migrants-agenda'`)) as { id: string }[];
  const coHosts = members.filter((o) => o.id !== home.id).slice(0, 2);
  const specs = [
    { title: 'Rally: Legalization for All', kind: 'rally' as const, start: at(10, 23), hours: 2, capacity: 300, status: 'published' as const, venue: 'Federal Plaza', city: 'Chicago', state: 'IL', languages: ['es', 'en'], interpretation: ['en'] },
    { title: 'Know Your Rights training', kind: 'kyr_training' as const, start: at(5, 0), hours: 2, capacity: 40, status: 'published' as const, venue: 'Parish hall', city: 'Chicago', state: 'IL', languages: ['es'], interpretation: ['en', 'mam'] },
    { title: 'Coalition assembly', kind: 'assembly' as const, start: at(-20, 22), hours: 3, capacity: null, status: 'completed' as const, venue: 'Union hall', city: 'Chicago', state: 'IL', languages: ['es', 'en'], interpretation: [] },
  ];
  for (const [ei, e] of specs.entries()) {
    const event = await m.save(
      m.create(EventEntity, {
        title: e.title,
        kind: e.kind,
        campaignId: campaign?.id ?? null,
        startsAt: e.start,
        endsAt: new Date(e.start.getTime() + e.hours * 3_600_000),
        timeZone: 'America/Chicago',
        venue: e.venue,
        city: e.city,
        state: e.state,
        capacity: e.capacity,
        languages: e.languages,
        interpretation: e.interpretation,
        accessibilityNotes: 'Step-free entrance; seating available.',
        status: e.status,
        leadOrganizationId: home.id,
        createdBy: adminUserId,
      }),
    );
    await m.insert(EventHostEntity, { eventId: event.id, organizationId: home.id, role: 'lead', status: 'accepted', turnoutGoal: 25, reportedAttendance: e.status === 'completed' ? 31 : null, walkIns: e.status === 'completed' ? 7 : 0 });
    for (const [ci, org] of coHosts.entries()) {
      await m.insert(EventHostEntity, { eventId: event.id, organizationId: org.id, role: 'co_host', status: ei === 0 && ci === 1 ? 'invited' : 'accepted', turnoutGoal: 15 + ci * 5, reportedAttendance: e.status === 'completed' ? 12 + ci * 4 : null });
    }
    await setContext(m, { organizationId: home.id, userId: null, role: 'org_coordinator' });
    for (const [pi, personId] of ids.entries()) {
      if (pi > 4) break;
      await m.insert(RsvpEntity, { eventId: event.id, hostOrganizationId: home.id, personId, status: e.status === 'completed' ? (pi < 4 ? 'attended' : 'no_show') : pi === 4 ? 'maybe' : 'going', checkedInAt: e.status === 'completed' && pi < 4 ? e.start : null });
    }
    await setContext(m, { organizationId: null, userId: adminUserId, role: 'alliance_admin' });
  }
}
