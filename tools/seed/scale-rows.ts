import type { FieldCrypto } from '@api/common/crypto/field-crypto';
import {
  AREA_CODES,
  CITIES,
  DEMAND_TEXTS,
  EVENT_TITLES,
  FOCUS,
  LANGUAGES,
  SCALE_REGIONS,
  VENUES,
  asciiWord,
  namesFor,
} from './scale-data';
import {
  CAMPAIGN_STATUSES,
  DAY,
  EVENT_STATUSES,
  HOST_STATUSES,
  HOUR,
  MAX_HOSTS,
  MEMBERSHIP,
  METRICS,
  type Plan,
} from './scale-plan';
import { Ids, Rng } from './scale-random';

/** One table's COPY: its columns and a generator of text-format lines, one per row. */
export interface TableLoad {
  table: string;
  columns: string[];
  rows: number;
  generate: () => Iterable<string>;
}

export interface SeedUser {
  email: string;
  displayName: string;
  role: 'alliance_admin' | 'alliance_organizer' | 'org_coordinator' | 'org_viewer';
  /** Index of the organization, for organization roles. */
  org: number | null;
}

export const SCALE_ADMIN_EMAIL = 'admin@scale.unidos.local';

/** Who can sign in: alliance staff, and coordinators of the largest and of a typical organization. */
export function seedUsers(plan: Plan): SeedUser[] {
  const users: SeedUser[] = [
    { email: SCALE_ADMIN_EMAIL, displayName: 'Scale Admin', role: 'alliance_admin', org: null },
    { email: 'organizer@scale.unidos.local', displayName: 'Scale Organizer', role: 'alliance_organizer', org: null },
    { email: 'coordinator@scale.unidos.local', displayName: 'Coordinator (largest organization)', role: 'org_coordinator', org: 0 },
    { email: 'viewer@scale.unidos.local', displayName: 'Viewer (largest organization)', role: 'org_viewer', org: 0 },
  ];
  for (let o = 1; o < Math.min(5, plan.orgs.n); o++) {
    users.push({ email: `coordinator-${o + 1}@scale.unidos.local`, displayName: `Coordinator (organization #${o + 1} by size)`, role: 'org_coordinator', org: o });
  }
  // An organization of median size (active, so its coordinator can sign in and work).
  let median = Math.floor(plan.orgs.n / 2);
  while (median < plan.orgs.n - 1 && plan.orgs.status[median] !== 0) median++;
  users.push({ email: 'coordinator-median@scale.unidos.local', displayName: 'Coordinator (median organization)', role: 'org_coordinator', org: median });
  return users;
}

const NULL = '\\N';

/** A text value for COPY's text format: backslash, tab and line breaks escaped. */
export function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return NULL;
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

const bool = (b: boolean) => (b ? 't' : 'f');
const arr = (items: readonly string[]) => `{${items.join(',')}}`;
const bytea = (b: Buffer | null) => (b ? `\\\\x${b.toString('hex')}` : NULL);
const ts = (ms: number) => new Date(ms).toISOString();
const line = (fields: string[]) => `${fields.join('\t')}\n`;

interface Context {
  plan: Plan;
  ids: Ids;
  crypto: FieldCrypto;
  passwordHash: string;
}

/** Every table the scale seed fills, in an order that satisfies the foreign keys. */
export function tableLoads(plan: Plan, crypto: FieldCrypto, passwordHash: string): TableLoad[] {
  const ctx: Context = { plan, ids: new Ids(plan.seed), crypto, passwordHash };
  return [
    regions(ctx),
    organizations(ctx),
    users(ctx),
    campaigns(ctx),
    campaignGoals(ctx),
    demands(ctx),
    endorsements(ctx),
    people(ctx),
    events(ctx),
    eventHosts(ctx),
    pledges(ctx),
    pledgeReports(ctx),
    rsvps(ctx),
  ];
}

function dayString(plan: Plan, day: number): string {
  return new Date(plan.anchor + day * DAY).toISOString().slice(0, 10);
}

function regions({ plan, ids }: Context): TableLoad {
  const at = ts(plan.anchor - 1600 * DAY);
  return {
    table: 'region',
    columns: ['id', 'name', 'states', 'created_at', 'updated_at'],
    rows: SCALE_REGIONS.length,
    *generate() {
      for (const [i, r] of SCALE_REGIONS.entries()) yield line([ids.id('region', i), r.name, arr(r.states), at, at]);
    },
  };
}

function regionOf(state: string): number {
  return SCALE_REGIONS.findIndex((r) => r.states.includes(state));
}

function organizations({ plan, ids }: Context): TableLoad {
  const { orgs } = plan;
  const adminId = ids.id('user', 0);
  return {
    table: 'organization',
    columns: [
      'id', 'name', 'slug', 'kind', 'focus_areas', 'languages', 'city', 'state', 'region_id', 'website', 'public_email',
      'public_phone', 'description', 'membership_status', 'applied_at', 'approved_at', 'approved_by', 'decided_at',
      'decision_reason', 'dues_tier', 'dues_paid_through', 'principles_signed_at', 'rsvp_retention_days', 'created_at', 'updated_at',
    ],
    rows: orgs.n,
    *generate() {
      const rng = new Rng(plan.seed, 'organization');
      for (let o = 0; o < orgs.n; o++) {
        const [city, state] = CITIES[orgs.city[o]];
        const status = MEMBERSHIP[orgs.status[o]];
        const focus = new Set<string>();
        const wantFocus = rng.int(1, 3);
        while (focus.size < wantFocus) focus.add(rng.pick(FOCUS));
        const languages = ['es', 'en'];
        if (rng.chance(0.35)) {
          const other = rng.weighted(LANGUAGES);
          if (!languages.includes(other)) languages.push(other);
        }
        const applicant = status === 'applicant';
        const applied = applicant ? plan.anchor - rng.int(1, 60) * DAY - rng.int(0, 23) * HOUR : plan.anchor - rng.int(60, 1500) * DAY;
        const decided = applicant ? null : applied + rng.int(3, 30) * DAY;
        const approved = status === 'rejected' ? null : decided;
        const member = approved !== null;
        const tier = member ? (o < orgs.n * 0.05 ? 'large' : rng.weighted([['waived', 20], ['small', 50], ['medium', 25], ['large', 5]] as const)) : null;
        const paidThrough = !member ? null : status === 'active' ? rng.int(-60, 330) : -rng.int(30, 400);
        const slug = orgs.slug[o];
        yield line([
          ids.id('organization', o),
          text(orgs.name[o]),
          slug,
          orgs.kind[o],
          arr([...focus].sort()),
          arr(languages),
          text(city),
          state,
          ids.id('region', regionOf(state)),
          `https://${slug}.example.org`,
          rng.chance(0.6) ? `info@${slug}.example.org` : NULL,
          rng.chance(0.4) ? `+1 ${AREA_CODES[state] ?? '555'} 555 01${String(rng.int(0, 99)).padStart(2, '0')}` : NULL,
          text(`${orgs.kind[o].replace(/_/g, ' ')} organizing migrant families in ${city}, ${state}.`),
          status,
          ts(applied),
          approved === null ? NULL : ts(approved),
          approved === null ? NULL : adminId,
          decided === null ? NULL : ts(decided),
          status === 'rejected' ? 'Does not share the coalition principles.' : NULL,
          tier ?? NULL,
          paidThrough === null ? NULL : dayString(plan, paidThrough),
          applicant && rng.chance(0.5) ? NULL : ts(applied),
          String(orgs.retentionDays[o]),
          ts(applied),
          ts(decided ?? applied),
        ]);
      }
    },
  };
}

function users({ plan, ids, passwordHash }: Context): TableLoad {
  const list = seedUsers(plan);
  const at = ts(plan.anchor - 30 * DAY);
  return {
    table: 'user',
    columns: ['id', 'email', 'display_name', 'password_hash', 'role', 'organization_id', 'preferred_language', 'password_changed_at', 'created_at', 'updated_at'],
    rows: list.length,
    *generate() {
      for (const [i, u] of list.entries()) {
        yield line([
          ids.id('user', i),
          u.email,
          text(u.displayName),
          text(passwordHash),
          u.role,
          u.org === null ? NULL : ids.id('organization', u.org),
          u.org === null ? 'en' : 'es',
          at,
          at,
          at,
        ]);
      }
    },
  };
}

function campaigns({ plan, ids }: Context): TableLoad {
  const c = plan.campaigns;
  return {
    table: 'campaign',
    columns: ['id', 'name', 'slug', 'summary', 'status', 'starts_on', 'ends_on', 'lead_organization_id', 'created_at', 'updated_at'],
    rows: c.n,
    *generate() {
      for (let i = 0; i < c.n; i++) {
        const created = plan.anchor + Math.min(c.startDay[i], 0) * DAY - 14 * DAY;
        yield line([
          ids.id('campaign', i),
          text(c.name[i]),
          c.slug[i],
          text(`${c.name[i]}: organizations of the coalition act together on shared demands.`),
          CAMPAIGN_STATUSES[c.status[i]],
          dayString(plan, c.startDay[i]),
          dayString(plan, c.endDay[i]),
          ids.id('organization', c.leadOrg[i]),
          ts(created),
          ts(created),
        ]);
      }
    },
  };
}

function campaignGoals({ plan, ids }: Context): TableLoad {
  const c = plan.campaigns;
  const rows = c.metrics.reduce((n, m) => n + m.length, 0);
  return {
    table: 'campaign_goal',
    columns: ['id', 'campaign_id', 'metric', 'target', 'created_at', 'updated_at'],
    rows,
    *generate() {
      // Goals are set a little above or below what organizations end up pledging.
      const pledged = new Float64Array(c.n * METRICS.length);
      const p = plan.pledges;
      for (let i = 0; i < p.n; i++) pledged[p.campaign[i] * METRICS.length + p.metric[i]] += p.quantity[i];
      const rng = new Rng(plan.seed, 'campaign_goal');
      let row = 0;
      for (let i = 0; i < c.n; i++) {
        const at = ts(plan.anchor + Math.min(c.startDay[i], 0) * DAY - 14 * DAY);
        for (const m of c.metrics[i]) {
          const sum = pledged[i * METRICS.length + m];
          const target = sum > 0 ? Math.max(10, Math.round(sum * (0.8 + rng.float() * 0.8))) : 100 * rng.int(1, 50);
          yield line([ids.id('campaign_goal', row++), ids.id('campaign', i), METRICS[m], String(target), at, at]);
        }
      }
    },
  };
}

function demands({ plan, ids }: Context): TableLoad {
  const c = plan.campaigns;
  return {
    table: 'demand',
    columns: ['id', 'campaign_id', 'position', 'text_en', 'text_es', 'target', 'status', 'created_at', 'updated_at'],
    rows: plan.demands,
    *generate() {
      const rng = new Rng(plan.seed, 'demand');
      for (let i = 0; i < c.n; i++) {
        const at = ts(plan.anchor + Math.min(c.startDay[i], 0) * DAY - 14 * DAY);
        const first = rng.int(0, DEMAND_TEXTS.length - 1);
        for (let k = 0; k < c.demandCount[i]; k++) {
          const [en, es, target] = DEMAND_TEXTS[(first + k) % DEMAND_TEXTS.length];
          const status = CAMPAIGN_STATUSES[c.status[i]] === 'won' ? 'won' : rng.weighted([['open', 80], ['partially_won', 10], ['won', 5], ['dropped', 5]] as const);
          yield line([ids.id('demand', c.demandStart[i] + k), ids.id('campaign', i), String(k + 1), text(en), text(es), text(target), status, at, at]);
        }
      }
    },
  };
}

/** Organizations that pledged to a campaign endorse it; so does its lead. */
function endorsementPairs(plan: Plan): Uint8Array {
  const { campaigns: c, orgs, pledges: p } = plan;
  const bits = new Uint8Array(Math.ceil((c.n * orgs.n) / 8));
  const set = (campaign: number, org: number) => {
    const k = campaign * orgs.n + org;
    bits[k >>> 3] |= 1 << (k & 7);
  };
  for (let i = 0; i < p.n; i++) set(p.campaign[i], p.org[i]);
  for (let i = 0; i < c.n; i++) set(i, c.leadOrg[i]);
  return bits;
}

function endorsements({ plan, ids }: Context): TableLoad {
  const { campaigns: c, orgs } = plan;
  const bits = endorsementPairs(plan);
  let rows = 0;
  for (const b of bits) for (let x = b; x; x &= x - 1) rows++;
  return {
    table: 'endorsement',
    columns: ['id', 'campaign_id', 'organization_id', 'role', 'endorsed_at'],
    rows,
    *generate() {
      const rng = new Rng(plan.seed, 'endorsement');
      let row = 0;
      for (let i = 0; i < c.n; i++) {
        const start = plan.anchor + Math.min(c.startDay[i], 0) * DAY;
        for (let o = 0; o < orgs.n; o++) {
          const k = i * orgs.n + o;
          if (!(bits[k >>> 3] & (1 << (k & 7)))) continue;
          const role = o === c.leadOrg[i] ? 'lead' : rng.chance(0.1) ? 'partner' : 'endorser';
          const at = Math.min(start + rng.int(0, 30) * DAY + rng.int(0, 23) * HOUR, plan.anchor - HOUR);
          yield line([ids.id('endorsement', row++), ids.id('campaign', i), ids.id('organization', o), role, ts(at)]);
        }
      }
    },
  };
}

const NOTES = ['Prefers evening calls.', 'Comes with the youth committee.', 'Can drive to actions.', 'Interpreter (Spanish/English).', 'Met at the spring assembly.'];

function people({ plan, ids, crypto }: Context): TableLoad {
  const { orgs } = plan;
  return {
    table: 'person',
    columns: [
      'id', 'organization_id', 'display_name', 'preferred_language', 'email_ciphertext', 'email_hash', 'phone_ciphertext',
      'phone_hash', 'ok_to_text', 'ok_to_call', 'ok_to_email', 'signal_only', 'no_voicemail', 'role', 'visibility', 'note',
      'created_at', 'updated_at',
    ],
    rows: plan.counts.people,
    *generate() {
      const rng = new Rng(plan.seed, 'person');
      const domains = ['example.org', 'example.net', 'example.com'];
      for (let o = 0; o < orgs.n; o++) {
        const orgId = ids.id('organization', o);
        const state = CITIES[orgs.city[o]][1];
        const area = AREA_CODES[state] ?? '555';
        const joinedFrom = plan.anchor - rng.int(60, 1400) * DAY;
        for (let j = 0; j < orgs.size[o]; j++) {
          const k = orgs.personStart[o] + j;
          const language = rng.weighted(LANGUAGES);
          const names = namesFor(language);
          const first = rng.pick(names.first);
          const last = rng.pick(names.last);
          const role = j === 0 ? 'primary_contact' : j === 1 && rng.chance(0.5) ? 'spokesperson' : rng.weighted([['member', 95], ['staff', 3], ['delegate', 2]] as const);
          const email = rng.chance(0.65) ? `${asciiWord(first)}.${asciiWord(last)}.${k}@${domains[k % 3]}` : null;
          const phone = rng.chance(0.75) ? `+1 ${area} 555 ${String(k % 10000).padStart(4, '0')}` : null;
          const created = joinedFrom + Math.floor(rng.float() * (plan.anchor - joinedFrom));
          yield line([
            ids.id('person', k),
            orgId,
            text(`${first} ${last}`),
            language,
            bytea(email ? crypto.encrypt(email, 'person.email') : null),
            bytea(email ? crypto.lookupHash('email', email) : null),
            bytea(phone ? crypto.encrypt(phone, 'person.phone') : null),
            bytea(phone ? crypto.lookupHash('phone', phone) : null),
            bool(phone !== null && rng.chance(0.7)),
            bool(phone !== null && rng.chance(0.5)),
            bool(email !== null && rng.chance(0.6)),
            bool(rng.chance(0.05)),
            bool(rng.chance(0.1)),
            role,
            role === 'primary_contact' || role === 'spokesperson' ? 'coalition' : 'organization',
            rng.chance(0.05) ? text(rng.pick(NOTES)) : NULL,
            ts(created),
            ts(created),
          ]);
        }
      }
    },
  };
}

const KINDS: readonly (readonly [string, number])[] = [
  ['meeting', 20], ['kyr_training', 14], ['forum', 10], ['rally', 10], ['canvass', 10], ['phonebank', 10],
  ['assembly', 8], ['political_education', 6], ['vigil', 5], ['march', 4], ['press_conference', 3],
];

function events({ plan, ids }: Context): TableLoad {
  const e = plan.events;
  const c = plan.campaigns;
  const organizerId = ids.id('user', 1);
  return {
    table: 'event',
    columns: [
      'id', 'title', 'description', 'kind', 'campaign_id', 'demand_id', 'starts_at', 'ends_at', 'time_zone', 'venue', 'address',
      'city', 'state', 'online_url', 'capacity', 'languages', 'interpretation', 'accessibility_notes', 'status', 'cancel_reason',
      'lead_organization_id', 'created_by', 'created_at', 'updated_at',
    ],
    rows: e.n,
    *generate() {
      const rng = new Rng(plan.seed, 'event');
      for (let i = 0; i < e.n; i++) {
        const kind = rng.weighted(KINDS);
        const [city, state, zone] = CITIES[e.city[i]];
        const campaign = e.campaign[i];
        const title = `${rng.pick(EVENT_TITLES[kind])}${campaign >= 0 ? `: ${c.name[campaign]}` : ` in ${city}`}`;
        const demand = campaign >= 0 && rng.chance(0.3) ? ids.id('demand', c.demandStart[campaign] + rng.int(0, c.demandCount[campaign] - 1)) : NULL;
        const online = (kind === 'phonebank' || kind === 'meeting') && rng.chance(0.5);
        const interpretation = rng.chance(0.5) ? ['en'] : rng.chance(0.3) ? ['en', rng.pick(['mam', 'ht', 'pt', 'vi', 'ar'])] : [];
        const status = EVENT_STATUSES[e.status[i]];
        yield line([
          ids.id('event', i),
          text(title),
          text(`${title}. Bring a friend; childcare and food provided.`),
          kind,
          campaign >= 0 ? ids.id('campaign', campaign) : NULL,
          demand,
          ts(e.startsAt[i]),
          ts(e.endsAt[i]),
          zone,
          online ? NULL : text(rng.pick(VENUES)),
          online ? NULL : `${rng.int(100, 9999)} ${rng.pick(['Main St', 'Oak Ave', 'Cesar Chavez Ave', 'Broadway', 'MLK Jr Blvd', '5th St'])}`,
          text(city),
          state,
          online ? `https://meet.example.org/${ids.id('event', i).slice(0, 8)}` : NULL,
          e.capacity[i] ? String(e.capacity[i]) : NULL,
          arr(rng.chance(0.7) ? ['es', 'en'] : ['es']),
          arr(interpretation),
          rng.chance(0.6) ? 'Step-free entrance; seating available.' : NULL,
          status,
          status === 'cancelled' ? rng.pick(['Weather', 'Venue unavailable', 'Moved to a joint action']) : NULL,
          ids.id('organization', e.leadOrg[i]),
          rng.chance(0.3) ? organizerId : NULL,
          ts(e.createdAt[i]),
          ts(e.createdAt[i]),
        ]);
      }
    },
  };
}

function eventHosts({ plan, ids }: Context): TableLoad {
  const e = plan.events;
  return {
    table: 'event_host',
    columns: ['id', 'event_id', 'organization_id', 'role', 'status', 'turnout_goal', 'reported_attendance', 'walk_ins', 'created_at', 'updated_at'],
    rows: plan.hosts,
    *generate() {
      const rng = new Rng(plan.seed, 'event_host');
      for (let i = 0; i < e.n; i++) {
        const completed = EVENT_STATUSES[e.status[i]] === 'completed';
        const at = ts(e.createdAt[i]);
        for (let h = 0; h < e.hostCount[i]; h++) {
          const slot = i * MAX_HOSTS + h;
          const accepted = e.hostStatus[slot] === 0;
          const goal = h === 0 ? rng.int(10, 200) : accepted && rng.chance(0.6) ? rng.int(5, 80) : null;
          yield line([
            ids.id('event_host', e.hostStart[i] + h),
            ids.id('event', i),
            ids.id('organization', e.hostOrg[slot]),
            h === 0 ? 'lead' : 'co_host',
            HOST_STATUSES[e.hostStatus[slot]],
            goal === null ? NULL : String(goal),
            completed && accepted ? String(Math.round((goal ?? 20) * (0.5 + rng.float() * 0.8))) : NULL,
            completed && accepted ? String(rng.int(0, 15)) : '0',
            at,
            at,
          ]);
        }
      }
    },
  };
}

function pledges({ plan, ids }: Context): TableLoad {
  const p = plan.pledges;
  const organizerId = ids.id('user', 1);
  return {
    table: 'pledge',
    columns: ['id', 'campaign_id', 'organization_id', 'demand_id', 'metric', 'quantity', 'due_on', 'note', 'status', 'created_by', 'created_at', 'updated_at'],
    rows: p.n,
    *generate() {
      const rng = new Rng(plan.seed, 'pledge');
      for (let i = 0; i < p.n; i++) {
        const created = ts(plan.anchor + p.createdDay[i] * DAY + rng.int(8, 20) * HOUR);
        // Reported totals and fulfilled/open are derived from the reports afterwards (derive.ts).
        yield line([
          ids.id('pledge', i),
          ids.id('campaign', p.campaign[i]),
          ids.id('organization', p.org[i]),
          p.demand[i] >= 0 ? ids.id('demand', p.demand[i]) : NULL,
          METRICS[p.metric[i]],
          METRICS[p.metric[i]] === 'dollars' ? p.quantity[i].toFixed(2) : String(p.quantity[i]),
          dayString(plan, p.dueDay[i]),
          rng.chance(0.1) ? 'Pledged at the regional assembly.' : NULL,
          p.cancelled[i] ? 'cancelled' : 'open',
          rng.chance(0.2) ? organizerId : NULL,
          created,
          created,
        ]);
      }
    },
  };
}

function pledgeReports({ plan, ids }: Context): TableLoad {
  const p = plan.pledges;
  const c = plan.campaigns;
  return {
    table: 'pledge_report',
    columns: ['id', 'pledge_id', 'quantity', 'reported_on', 'note', 'created_at'],
    rows: plan.counts.reports,
    *generate() {
      const rng = new Rng(plan.seed, 'pledge_report');
      let row = 0;
      for (let i = 0; i < p.n; i++) {
        const n = p.reports[i];
        if (n === 0) continue;
        const pledgeId = ids.id('pledge', i);
        const dollars = METRICS[p.metric[i]] === 'dollars';
        // Reports run from the pledge's creation to the campaign's end (or the anchor date).
        const from = p.createdDay[i];
        const to = Math.max(from, Math.min(c.endDay[p.campaign[i]], 0));
        const per = (p.quantity[i] * (0.2 + rng.float() * 1.1)) / n;
        let running = 0;
        let day = from;
        for (let k = 0; k < n; k++) {
          day = Math.min(to, day + Math.floor(rng.float() * ((to - day) / (n - k)) * 2));
          let q: number;
          let note: string | null = null;
          if (running >= 2 && rng.chance(0.02)) {
            // A correction: never takes the total below zero.
            q = -rng.int(1, Math.max(1, Math.floor(running * 0.2)));
            note = 'Correction: counted twice.';
          } else if (dollars) {
            q = Math.max(1, Math.round(per * (0.5 + rng.float()) * 100)) / 100;
          } else {
            q = Math.max(1, Math.round(per * (0.5 + rng.float())));
          }
          running += q;
          yield line([
            ids.id('pledge_report', row++),
            pledgeId,
            dollars ? q.toFixed(2) : String(q),
            dayString(plan, day),
            note ?? NULL,
            ts(plan.anchor + day * DAY + rng.int(9, 21) * HOUR),
          ]);
        }
      }
    },
  };
}

function rsvps({ plan, ids }: Context): TableLoad {
  const e = plan.events;
  const { orgs } = plan;
  return {
    table: 'rsvp',
    columns: ['id', 'event_id', 'host_organization_id', 'person_id', 'first_name', 'status', 'checked_in_at', 'anonymized_at', 'waitlisted_at', 'created_at', 'updated_at'],
    rows: plan.counts.rsvps,
    *generate() {
      const rng = new Rng(plan.seed, 'rsvp');
      let row = 0;
      const used = new Uint32Array(MAX_HOSTS);
      const offset = new Uint32Array(MAX_HOSTS);
      for (let i = 0; i < e.n; i++) {
        const n = e.rsvps[i];
        if (n === 0) continue;
        const slot = i * MAX_HOSTS;
        // RSVPs go to hosts that accepted; the lead takes the larger share.
        const takers: number[] = [];
        for (let h = 0; h < e.hostCount[i]; h++) if (e.hostStatus[slot + h] === 0) takers.push(h);
        for (let h = 0; h < MAX_HOSTS; h++) {
          used[h] = 0;
          offset[h] = rng.int(0, orgs.size[e.hostOrg[slot + h]] - 1);
        }
        const status = EVENT_STATUSES[e.status[i]];
        const capacity = e.capacity[i];
        const eventId = ids.id('event', i);
        const opened = e.createdAt[i];
        const closes = Math.min(e.startsAt[i], plan.anchor - HOUR);
        let taken = 0;
        for (let k = 0; k < n; k++) {
          const h = takers.length === 1 || rng.chance(0.6) ? takers[0] : takers[rng.int(0, takers.length - 1)];
          const org = e.hostOrg[slot + h];
          const size = orgs.size[org];
          let personId: string | null = null;
          let firstName: string | null = null;
          // Most RSVPs are the host's own people (each at most once); some come from the public form.
          if (used[h] < size && rng.chance(0.85)) {
            personId = ids.id('person', orgs.personStart[org] + ((offset[h] + used[h]) % size));
            used[h]++;
          } else {
            firstName = rng.pick(namesFor(rng.weighted(LANGUAGES)).first);
          }
          let answer: string =
            status === 'completed'
              ? rng.weighted([['attended', 60], ['no_show', 20], ['declined', 10], ['maybe', 10]] as const)
              : status === 'cancelled'
                ? rng.weighted([['going', 40], ['declined', 40], ['maybe', 20]] as const)
                : rng.weighted([['going', 72], ['maybe', 15], ['declined', 13]] as const);
          const takesPlace = answer === 'going' || answer === 'attended';
          if (takesPlace && capacity > 0 && taken >= capacity) answer = status === 'completed' ? 'no_show' : 'waitlisted';
          else if (takesPlace) taken++;
          // Signed up in order over the time the event was open.
          const created = opened + ((k + 0.5 + (rng.float() - 0.5) * 0.9) / n) * (closes - opened);
          const checkedIn = answer === 'attended' ? e.startsAt[i] + rng.int(-15, 45) * 60_000 : null;
          const retentionEnds = e.endsAt[i] + orgs.retentionDays[org] * DAY;
          const anonymized = retentionEnds < plan.anchor ? retentionEnds + HOUR : null;
          if (anonymized !== null) {
            personId = null;
            firstName = null;
          }
          const updated = Math.max(created, checkedIn ?? 0, anonymized ?? 0);
          yield line([
            ids.id('rsvp', row++),
            eventId,
            ids.id('organization', org),
            personId ?? NULL,
            text(firstName),
            answer,
            checkedIn === null ? NULL : ts(checkedIn),
            anonymized === null ? NULL : ts(anonymized),
            answer === 'waitlisted' ? ts(created) : NULL,
            ts(created),
            ts(updated),
          ]);
        }
      }
    },
  };
}
