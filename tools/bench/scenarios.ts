import type { Actor } from '@api/common/auth/actor';
import { DashboardService } from '@api/modules/dashboard/dashboard.service';
import { CalendarService } from '@api/modules/events/calendar.service';
import { EventsService } from '@api/modules/events/events.service';
import { OrganizationsService } from '@api/modules/organizations/organizations.service';
import { PeopleService } from '@api/modules/people/people.service';
import { PledgesService } from '@api/modules/pledges/pledges.service';
import type { SqlCapture } from './capture';
import type { Picks } from './database';
import type { StatementRows } from './load';

/** Which target applies: list/show (p99, throughput vs SQL), progress (p95), dashboard (p95), login (none). */
export type ScenarioKind = 'list' | 'show' | 'progress' | 'dashboard' | 'login';
export type Who = 'admin' | 'coordinator' | 'public';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface Scenario {
  name: string;
  title: string;
  kind: ScenarioKind;
  who: Who;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Seconds of load at least (a slow request needs time for a few answers in a quick run). */
  minDuration?: number;
  /**
   * At most this many connections: argon2 runs on libuv's 4 threads, so 32 sign-ins at once only
   * queue (each would wait longer than the run) and measure the queue, not a sign-in.
   */
  maxConnections?: number;
  /** The service call that answers this request, so the direct-SQL side is the code's own SQL. */
  serve?: (s: SqlCapture, actor: Actor) => Promise<unknown>;
  /** Differences between the API's answer and the direct SQL's (empty when they agree). */
  check?: (api: ApiAnswer, sql: StatementRows) => string[];
}

const json = (v: unknown) => JSON.stringify(v);

interface ListRequest {
  filter: Record<string, unknown>;
  range: [number, number];
  sort: [string, 'ASC' | 'DESC'];
}

/** ra-data-simple-rest's getList, as the admin sends it. */
function listQuery(q: ListRequest): { raw: { filter: string; range: string; sort: string }; qs: string } {
  const raw = { filter: json(q.filter), range: json(q.range), sort: json(q.sort) };
  const qs = Object.entries(raw)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return { raw, qs };
}

/**
 * Rows of the first statement whose SQL matches and whose rows have `column`; a matching statement
 * that answered no rows counts when its SQL names the column.
 */
function statement(sql: StatementRows, match: (text: string) => boolean, column: string): Record<string, unknown>[] | null {
  const withRows = sql.find((s) => match(s.sql) && s.rows.length > 0 && column in s.rows[0]);
  if (withRows) return withRows.rows;
  const empty = sql.find((s) => match(s.sql) && s.rows.length === 0 && new RegExp(`\\b${column}\\b`).test(s.sql));
  return empty ? [] : null;
}

/**
 * The statement that gives a list its total: TypeORM's `AS "cnt"`, the lists' `count(*)::int AS "n"`
 * (apps/api/src/common/list/list-query.ts countRows), or an organization's maintained people count.
 */
const isCount = (text: string) =>
  /AS "cnt"/.test(text) || /^SELECT count\(\*\)::int AS "n"/i.test(text.trim()) || /FROM person_count WHERE organization_id/.test(text);
const isPage = (text: string) => /\bLIMIT\b/i.test(text) && !isCount(text);

/** A list: Content-Range's total and the page's ids, in order, equal the count and page statements. */
function listCheck(alias: string) {
  return (api: ApiAnswer, sql: StatementRows): string[] => {
    const problems: string[] = [];
    const range = /\/(\d+)$/.exec(api.headers.get('content-range') ?? '');
    if (!range) return ['the API sent no Content-Range total'];
    const column = statement(sql, isCount, 'cnt') ? 'cnt' : 'n';
    const count = statement(sql, isCount, column);
    if (!count) problems.push('no COUNT statement in the captured SQL');
    else if (Number(count[0]?.[column]) !== Number(range[1]))
      problems.push(`total: API ${range[1]}, SQL ${String(count[0]?.[column])}`);
    const page = statement(sql, isPage, `${alias}_id`);
    const apiIds = (api.json as { id: string }[]).map((r) => r.id);
    if (!page) problems.push('no page statement in the captured SQL');
    else {
      const sqlIds = page.map((r) => r[`${alias}_id`]);
      if (json(apiIds) !== json(sqlIds)) problems.push(`page ids differ: API ${json(apiIds.slice(0, 3))}…, SQL ${json(sqlIds.slice(0, 3))}…`);
    }
    if (apiIds.length === 0) problems.push('the page is empty: the scenario measures nothing');
    return problems;
  };
}

const num = (v: unknown) => Number(v ?? 0);

export interface FeedTarget {
  path: string;
  signature: string;
}

export function buildScenarios(p: Picks, feed: FeedTarget, loginEmail: string, password: string): Scenario[] {
  const directory = listQuery({ filter: { q: p.searchTerm, membershipStatus: 'active' }, range: [0, 24], sort: ['name', 'ASC'] });
  const people = listQuery({ filter: {}, range: [0, 24], sort: ['displayName', 'ASC'] });
  const pledges = listQuery({ filter: { organizationId: p.largestOrgId }, range: [0, 24], sort: ['dueOn', 'ASC'] });
  const upcoming = listQuery({ filter: { when: 'upcoming' }, range: [0, 24], sort: ['startsAt', 'ASC'] });
  const month = listQuery({ filter: { from: p.monthFrom, to: p.monthTo }, range: [0, 99], sort: ['startsAt', 'ASC'] });
  return [
    {
      name: 'directory',
      title: `Organization directory: search "${p.searchTerm}" + active + by name, page of 25 + total`,
      kind: 'list',
      who: 'admin',
      method: 'GET',
      path: `/api/organizations?${directory.qs}`,
      serve: (s, a) => s.get(OrganizationsService).list(a, directory.raw),
      check: listCheck('o'),
    },
    {
      name: 'organization',
      title: 'One organization (with its public contacts)',
      kind: 'show',
      who: 'admin',
      method: 'GET',
      path: `/api/organizations/${p.largestOrgId}`,
      serve: (s, a) => s.get(OrganizationsService).findOne(a, p.largestOrgId),
      check: (api, sql) => {
        const o = api.json as { id: string; name: string };
        const row = sql.find((s) => s.rows.some((r) => Object.values(r).includes(o.id)))?.rows.find((r) => Object.values(r).includes(o.id));
        if (!row) return ['the organization is not in the SQL answer'];
        return Object.values(row).includes(o.name) ? [] : ['name differs between API and SQL'];
      },
    },
    {
      name: 'people',
      title: "People of the largest organization, by name, page of 25 + total (its coordinator)",
      kind: 'list',
      who: 'coordinator',
      method: 'GET',
      path: `/api/people?${people.qs}`,
      serve: (s, a) => s.get(PeopleService).list(a, people.raw),
      check: listCheck('p'),
    },
    {
      name: 'campaign-progress',
      title: 'Campaign progress page of the busiest campaign (per goal, organization, region; overdue)',
      kind: 'progress',
      who: 'admin',
      method: 'GET',
      path: `/api/campaigns/${p.busiestCampaignId}/progress`,
      serve: (s, a) => s.get(PledgesService).progress(a, p.busiestCampaignId),
      check: (api, sql) => {
        const goals = (api.json as { goals: { metric: string; pledged: number; reported: number }[] }).goals;
        const rows = statement(sql, () => true, 'pledged');
        const byMetric = rows?.filter((r) => 'metric' in r && !('organization_id' in r) && !('region_id' in r));
        if (!byMetric) return ['no per-goal statement in the captured SQL'];
        const problems: string[] = [];
        for (const g of goals) {
          const r = byMetric.find((x) => x.metric === g.metric);
          if (!r || num(r.pledged) !== g.pledged || num(r.reported) !== g.reported) problems.push(`goal ${g.metric}: API ${g.pledged}/${g.reported}, SQL ${r ? `${String(r.pledged)}/${String(r.reported)}` : 'missing'}`);
        }
        if (goals.length === 0) problems.push('the campaign has no goals: the scenario measures nothing');
        return problems;
      },
    },
    {
      name: 'pledges',
      title: "The largest organization's pledges, by due date, page of 25 + total (its coordinator)",
      kind: 'list',
      who: 'coordinator',
      method: 'GET',
      path: `/api/pledges?${pledges.qs}`,
      serve: (s, a) => s.get(PledgesService).list(a, pledges.raw),
      check: listCheck('p'),
    },
    {
      name: 'events-upcoming',
      title: 'Upcoming events, by start, page of 25 + total (a coordinator)',
      kind: 'list',
      who: 'coordinator',
      method: 'GET',
      path: `/api/events?${upcoming.qs}`,
      serve: (s, a) => s.get(EventsService).list(a, upcoming.raw),
      check: listCheck('e'),
    },
    {
      name: 'calendar-month',
      title: "The calendar's month view: this month's events, up to 100 (a coordinator)",
      kind: 'list',
      who: 'coordinator',
      method: 'GET',
      path: `/api/events?${month.qs}`,
      serve: (s, a) => s.get(EventsService).list(a, month.raw),
      check: listCheck('e'),
    },
    {
      name: 'calendar-feed',
      title: 'The coalition iCalendar feed (subscribed calendars poll it; up to 2,000 events)',
      kind: 'list',
      who: 'public',
      method: 'GET',
      path: feed.path,
      serve: (s) => s.get(CalendarService).feed('coalition', feed.signature, 'http://127.0.0.1'),
      check: (api, sql) => {
        const events = (api.text.match(/BEGIN:VEVENT/g) ?? []).length;
        const rows = statement(sql, () => true, 'e_id');
        if (!rows) return ['no event statement in the captured SQL'];
        return events === rows.length ? [] : [`events: API ${events}, SQL ${rows.length}`];
      },
    },
    {
      name: 'event-totals',
      title: "One event's totals (the upcoming event with the most RSVPs)",
      kind: 'show',
      who: 'coordinator',
      method: 'GET',
      path: `/api/events/${p.busiestEventId}/totals`,
      serve: (s, a) => s.get(EventsService).totals(a, p.busiestEventId),
      check: (api, sql) => {
        const t = api.json as { goingCount: number; hosts: { id: string }[] };
        const event = statement(sql, () => true, 'e_going_count');
        const hosts = statement(sql, (text) => /event_host/.test(text) && /"h"/.test(text), 'h_id');
        const problems: string[] = [];
        if (!event || num(event[0]?.e_going_count) !== t.goingCount) problems.push(`going: API ${t.goingCount}, SQL ${String(event?.[0]?.e_going_count)}`);
        const sqlHosts = (hosts ?? []).filter((h) => h.h_status !== 'declined').map((h) => h.h_id);
        if (json(sqlHosts) !== json(t.hosts.map((h) => h.id))) problems.push('hosts differ between API and SQL');
        return problems;
      },
    },
    {
      name: 'dashboard-alliance',
      title: "The alliance's dashboard (#7)",
      kind: 'dashboard',
      who: 'admin',
      method: 'GET',
      path: '/api/dashboard/alliance',
      serve: (s, a) => s.get(DashboardService).alliance(a),
      check: (api, sql) => {
        const byStatus = (api.json as { membership: { byStatus: Record<string, number> } }).membership.byStatus;
        const rows = statement(sql, () => true, 's');
        const fromSql = Object.fromEntries((rows ?? []).filter((r) => 'n' in r).map((r) => [r.s, num(r.n)]));
        return json(Object.entries(byStatus).sort()) === json(Object.entries(fromSql).sort()) ? [] : ['members by status differ between API and SQL'];
      },
    },
    {
      name: 'dashboard-organization',
      title: "The largest organization's dashboard (#7, its coordinator)",
      kind: 'dashboard',
      who: 'coordinator',
      method: 'GET',
      path: '/api/dashboard/organization',
      serve: (s, a) => s.get(DashboardService).organization(a),
      check: (api, sql) => {
        const d = api.json as { people: { total: number }; openPledges: { id: string }[] };
        const counts = statement(sql, (text) => /person_count/.test(text), 'n');
        const total = (counts ?? []).reduce((s, r) => s + num(r.n), 0);
        const page = statement(sql, isPage, 'p_id');
        const problems: string[] = [];
        if (!counts || total !== d.people.total) problems.push(`people: API ${d.people.total}, SQL ${total}`);
        if (!page || json(page.map((r) => r.p_id)) !== json(d.openPledges.map((x) => x.id))) problems.push('open pledges differ between API and SQL');
        return problems;
      },
    },
    {
      name: 'login',
      title: 'Sign-in (argon2id on purpose: deliberately slow, no latency target)',
      kind: 'login',
      who: 'public',
      method: 'POST',
      path: '/api/auth/login',
      body: json({ email: loginEmail, password }),
      minDuration: 3,
      maxConnections: 4,
    },
  ];
}
