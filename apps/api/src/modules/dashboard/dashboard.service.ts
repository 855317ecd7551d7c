import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  AllianceDashboardDto,
  ChartSeriesDto,
  DashboardCampaignDto,
  DashboardEventDto,
  EventDto,
  GoalProgressDto,
  OrganizationDashboardDto,
} from '@unidos/contracts';
import { type Actor, isAllianceAdmin, isAllianceRole } from '@api/common/auth/actor';
import { TenantTransaction } from '@api/common/database/tenant-transaction';
import { DomainError } from '@api/common/errors/domain-error';
import { AuditService } from '@api/modules/audit/audit.service';
import { CampaignsService } from '@api/modules/campaigns/campaigns.service';
import { EventsService } from '@api/modules/events/events.service';
import { OrganizationsService } from '@api/modules/organizations/organizations.service';
import { PledgesService } from '@api/modules/pledges/pledges.service';

const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const json = (v: unknown) => JSON.stringify(v);

/**
 * The first screen after sign-in. Lists come from the same services (and so the same queries and
 * scoping) as the detailed pages, so the numbers agree with them exactly; the few aggregates that
 * exist only here are single grouped queries with the same rules (cancelled pledges left out).
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly organizations: OrganizationsService,
    private readonly campaigns: CampaignsService,
    private readonly pledges: PledgesService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  /** Goals with pledged and reported, for several campaigns in one query, from the roll-up campaign progress reads. */
  private async goals(m: EntityManager, campaignIds: string[]): Promise<Map<string, GoalProgressDto[]>> {
    const out = new Map<string, GoalProgressDto[]>(campaignIds.map((id) => [id, []]));
    if (campaignIds.length === 0) return out;
    const rows = (await m.query(
      `SELECT g.campaign_id, g.metric, g.target,
              COALESCE(t.pledged, 0) AS pledged, COALESCE(t.reported, 0) AS reported, COALESCE(t.n, 0)::int AS pledges
         FROM campaign_goal g
         LEFT JOIN (SELECT campaign_id, metric, sum(pledged) AS pledged, sum(reported) AS reported, sum(pledges) AS n
                      FROM campaign_region_progress WHERE campaign_id = ANY($1) GROUP BY campaign_id, metric) t
           ON t.campaign_id = g.campaign_id AND t.metric = g.metric
        WHERE g.campaign_id = ANY($1)
        ORDER BY g.campaign_id, g.metric`,
      [campaignIds],
    )) as { campaign_id: string; metric: GoalProgressDto['metric']; target: string; pledged: string; reported: string; pledges: number }[];
    for (const r of rows) {
      out.get(r.campaign_id)?.push({ metric: r.metric, target: Number(r.target), pledged: Number(r.pledged), reported: Number(r.reported), pledges: r.pledges });
    }
    return out;
  }

  private async campaignCards(m: EntityManager, list: { id: string; name: string }[]): Promise<DashboardCampaignDto[]> {
    const goals = await this.goals(m, list.map((c) => c.id));
    return list.map((c) => ({ id: c.id, name: c.name, goals: goals.get(c.id) ?? [] }));
  }

  private async eventCards(m: EntityManager, events: EventDto[]): Promise<DashboardEventDto[]> {
    const ids = events.map((e) => e.id);
    const goals = ids.length
      ? ((await m.query(
          `SELECT event_id, COALESCE(sum(turnout_goal), 0)::int AS goal FROM event_host WHERE event_id = ANY($1) AND status = 'accepted' GROUP BY event_id`,
          [ids],
        )) as { event_id: string; goal: number }[])
      : [];
    const byId = new Map(goals.map((g) => [g.event_id, g.goal]));
    return events.map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind,
      startsAt: e.startsAt,
      timeZone: e.timeZone,
      city: e.city,
      state: e.state,
      capacity: e.capacity,
      goingCount: e.goingCount,
      turnoutGoal: byId.get(e.id) ?? 0,
    }));
  }

  async alliance(actor: Actor): Promise<AllianceDashboardDto> {
    if (!isAllianceRole(actor)) throw new DomainError(403, 'error.forbidden');
    const [pending, overdue, dueSoon, activeCampaigns, upcoming] = await Promise.all([
      this.organizations.list(actor, { filter: json({ membershipStatus: 'applicant' }), range: '[0,4]', sort: json(['appliedAt', 'DESC']) }),
      this.pledges.listRows(actor, { filter: json({ overdue: true }), range: '[0,9]', sort: json(['dueOn', 'ASC']) }),
      this.pledges.listRows(actor, { filter: json({ status: 'open', dueFrom: day(0), dueTo: day(7) }), range: '[0,9]', sort: json(['dueOn', 'ASC']) }),
      this.campaigns.list(actor, { filter: json({ status: 'active' }), range: '[0,9]', sort: json(['name', 'ASC']) }),
      this.events.list(actor, { filter: json({ status: 'published', when: 'upcoming', to: new Date(Date.now() + 14 * 86_400_000).toISOString() }), range: '[0,19]', sort: json(['startsAt', 'ASC']) }, false),
    ]);
    const due = await this.pledges.dueCounts(actor, 7);
    const recent = isAllianceAdmin(actor) ? await this.audit.recentWork(15) : null;
    return this.tx.run(actor, async (m) => {
      const byStatus = (await m.query(`SELECT membership_status AS s, count(*)::int AS n FROM organization GROUP BY 1`)) as { s: string; n: number }[];
      const byState = (await m.query(
        `SELECT state, count(*) FILTER (WHERE membership_status = 'active')::int AS active,
                count(*) FILTER (WHERE membership_status = 'applicant')::int AS applicant
           FROM organization GROUP BY state
          HAVING count(*) FILTER (WHERE membership_status IN ('active', 'applicant')) > 0
          ORDER BY state`,
      )) as { state: string; active: number; applicant: number }[];
      const dues = (await m.query(
        `SELECT id, name, dues_paid_through::text AS dues_paid_through, dues_tier FROM organization
          WHERE membership_status = 'active' AND dues_tier IS DISTINCT FROM 'waived'
            AND (dues_paid_through IS NULL OR dues_paid_through < $1::date)
          ORDER BY dues_paid_through NULLS FIRST, name LIMIT 10`,
        [day(30)],
      )) as { id: string; name: string; dues_paid_through: string | null; dues_tier: AllianceDashboardDto['duesLapsing'][number]['duesTier'] }[];
      const activity = recent ? await this.resolveActivity(m, recent) : [];
      return {
        membership: { byStatus: Object.fromEntries(byStatus.map((r) => [r.s, r.n])), byState },
        pendingApplications: {
          total: pending.total,
          latest: pending.rows.map((o) => ({ id: o.id, name: o.name, state: o.state, appliedAt: o.appliedAt })),
        },
        campaigns: await this.campaignCards(m, activeCampaigns.rows),
        pledges: { overdue: due.overdue, dueThisWeek: due.dueSoon, overdueList: overdue, dueThisWeekList: dueSoon },
        upcomingEvents: await this.eventCards(m, upcoming.rows),
        duesLapsing: dues.map((d) => ({ id: d.id, name: d.name, duesPaidThrough: d.dues_paid_through, duesTier: d.dues_tier })),
        recentActivity: activity,
      };
    });
  }

  /** Audit rows with names for what the viewer may see: organizations, campaigns, events, regions, users. Never people. */
  private async resolveActivity(
    m: EntityManager,
    rows: { id: string; at: string; action: string; entityType: string; entityId: string | null; actorUserId: string | null }[],
  ): Promise<AllianceDashboardDto['recentActivity']> {
    const ids = (type: string) => rows.filter((r) => r.entityType === type && r.entityId).map((r) => r.entityId as string);
    const names = new Map<string, string>();
    const load = async (table: string, column: string, list: string[]) => {
      if (!list.length) return;
      const found = (await m.query(`SELECT id, ${column} AS name FROM "${table}" WHERE id = ANY($1)`, [list])) as { id: string; name: string }[];
      for (const f of found) names.set(f.id, f.name);
    };
    await load('organization', 'name', ids('organization'));
    await load('campaign', 'name', ids('campaign'));
    await load('event', 'title', ids('event'));
    await load('region', 'name', ids('region'));
    await load('user', 'display_name', [...ids('user'), ...rows.map((r) => r.actorUserId).filter((x): x is string => !!x)]);
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      entityName: r.entityId ? (names.get(r.entityId) ?? null) : null,
      actorUserId: r.actorUserId,
      actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null,
    }));
  }

  async organization(actor: Actor): Promise<OrganizationDashboardDto> {
    const own = actor.organizationId;
    if (!own) throw new DomainError(403, 'error.forbidden');
    const [pledges, events, endorsements] = await Promise.all([
      this.pledges.listRows(actor, { filter: json({ organizationId: own, status: 'open' }), range: '[0,19]', sort: json(['dueOn', 'ASC']) }),
      this.events.list(actor, { filter: json({ hostOrganizationId: own, when: 'upcoming' }), range: '[0,9]', sort: json(['startsAt', 'ASC']) }, false),
      this.campaigns.listEndorsements(actor, { filter: json({ organizationId: own }), range: '[0,19]', sort: json(['endorsedAt', 'DESC']) }),
    ]);
    return this.tx.run(actor, async (m) => {
      const [org] = (await m.query('SELECT name FROM organization WHERE id = $1', [own])) as { name: string }[];
      const hostRows = events.rows.length
        ? ((await m.query(`SELECT event_id, going, turnout_goal, status FROM event_host WHERE organization_id = $1 AND event_id = ANY($2)`, [
            own,
            events.rows.map((e) => e.id),
          ])) as { event_id: string; going: number; turnout_goal: number | null; status: OrganizationDashboardDto['upcomingEvents'][number]['hostStatus'] }[])
        : [];
      const hosts = new Map(hostRows.map((h) => [h.event_id, h]));
      const cards = await this.eventCards(m, events.rows);
      const endorsed = await m.query(`SELECT id, name FROM campaign WHERE id = ANY($1) ORDER BY name`, [endorsements.rows.map((e) => e.campaignId)]);
      const people = (await m.query(`SELECT role, preferred_language, n FROM person_count WHERE organization_id = $1`, [own])) as { role: string; preferred_language: string; n: number }[];
      const byRole: Record<string, number> = {};
      const byLanguage: Record<string, number> = {};
      for (const p of people) {
        byRole[p.role] = (byRole[p.role] ?? 0) + p.n;
        byLanguage[p.preferred_language] = (byLanguage[p.preferred_language] ?? 0) + p.n;
      }
      const contributions = (await m.query(
        `WITH ours AS (SELECT campaign_id, metric, reported FROM campaign_org_progress WHERE organization_id = $1)
         SELECT ours.campaign_id, c.name, ours.metric, ours.reported AS our_reported,
                (SELECT sum(t.reported) FROM campaign_region_progress t WHERE t.campaign_id = ours.campaign_id AND t.metric = ours.metric) AS coalition_reported,
                g.target
           FROM ours JOIN campaign c ON c.id = ours.campaign_id AND c.status <> 'draft'
           LEFT JOIN campaign_goal g ON g.campaign_id = ours.campaign_id AND g.metric = ours.metric
          ORDER BY c.name, ours.metric`,
        [own],
      )) as { campaign_id: string; name: string; metric: OrganizationDashboardDto['contributions'][number]['metric']; our_reported: string; coalition_reported: string; target: string | null }[];
      return {
        organizationId: own,
        organizationName: org?.name ?? '',
        openPledges: pledges,
        upcomingEvents: cards.map((c) => ({
          ...c,
          ourGoing: hosts.get(c.id)?.going ?? 0,
          ourTurnoutGoal: hosts.get(c.id)?.turnout_goal ?? null,
          hostStatus: hosts.get(c.id)?.status ?? 'accepted',
        })),
        endorsedCampaigns: await this.campaignCards(m, endorsed as { id: string; name: string }[]),
        people: { total: people.reduce((s, p) => s + p.n, 0), byRole, byLanguage },
        contributions: contributions.map((r) => ({
          campaignId: r.campaign_id,
          campaignName: r.name,
          metric: r.metric,
          ourReported: Number(r.our_reported),
          coalitionReported: Number(r.coalition_reported),
          target: r.target === null ? null : Number(r.target),
        })),
      };
    });
  }

  /** Reported progress over time for one campaign goal: cumulative by week. */
  async progressOverTime(actor: Actor, campaignId: string, metric: string): Promise<ChartSeriesDto> {
    return this.tx.run(actor, async (m) => {
      await this.campaigns.visibleCampaign(m, actor, campaignId);
      const rows = (await m.query(
        `SELECT to_char(date_trunc('week', r.reported_on), 'YYYY-MM-DD') AS x,
                sum(sum(r.quantity)) OVER (ORDER BY date_trunc('week', r.reported_on)) AS y
           FROM pledge_report r JOIN pledge p ON p.id = r.pledge_id
          WHERE p.campaign_id = $1 AND p.metric = $2 AND p.status <> 'cancelled'
          GROUP BY date_trunc('week', r.reported_on) ORDER BY 1`,
        [campaignId, metric],
      )) as { x: string; y: string }[];
      return { key: `${metric} reported, cumulative`, points: rows.map((r) => ({ x: r.x, y: Number(r.y) })) };
    });
  }

  /** Attendance per event over the last months (checked in + walk-ins, and reported). */
  async attendance(actor: Actor, months = 6): Promise<ChartSeriesDto[]> {
    return this.tx.run(actor, async (m) => {
      const rows = (await m.query(
        `SELECT e.title, to_char(e.starts_at, 'YYYY-MM-DD') AS x,
                COALESCE(sum(h.checked_in + h.walk_ins), 0)::int AS counted,
                COALESCE(sum(h.reported_attendance), 0)::int AS reported
           FROM event e JOIN event_host h ON h.event_id = e.id AND h.status = 'accepted'
          WHERE e.status IN ('published', 'completed') AND e.starts_at < now() AND e.starts_at > now() - make_interval(months => $1)
            ${isAllianceRole(actor) ? '' : 'AND EXISTS (SELECT 1 FROM event_host oh WHERE oh.event_id = e.id AND oh.organization_id = $2)'}
          GROUP BY e.id, e.title, e.starts_at ORDER BY e.starts_at`,
        isAllianceRole(actor) ? [months] : [months, actor.organizationId],
      )) as { title: string; x: string; counted: number; reported: number }[];
      return [
        { key: 'counted at the door', points: rows.map((r) => ({ x: `${r.x} ${r.title}`, y: r.counted })) },
        { key: 'reported by hosts', points: rows.map((r) => ({ x: `${r.x} ${r.title}`, y: r.reported })) },
      ];
    });
  }

  /** New member organizations per month (by approval date), the last 24 months. */
  async newMembers(actor: Actor): Promise<ChartSeriesDto> {
    return this.tx.run(actor, async (m) => {
      const rows = (await m.query(
        `SELECT to_char(months.m, 'YYYY-MM') AS x, count(o.id)::int AS y
           FROM generate_series(date_trunc('month', now()) - interval '23 months', date_trunc('month', now()), interval '1 month') AS months(m)
           LEFT JOIN organization o ON date_trunc('month', o.approved_at) = months.m AND o.membership_status IN ('active', 'lapsed', 'suspended', 'withdrawn')
          GROUP BY months.m ORDER BY months.m`,
      )) as { x: string; y: number }[];
      return { key: 'new member organizations', points: rows };
    });
  }
}
