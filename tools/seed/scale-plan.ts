import { slugify } from '@api/modules/organizations/slug';
import { CAMPAIGN_THEMES, CITIES, ORG_KINDS_WEIGHTED, ORG_PHRASES, ORG_QUALIFIERS, ZONE_OFFSET } from './scale-data';
import { Rng, WeightedSampler, apportion, zipfWeights } from './scale-random';

/** How many rows each scale promises (issue #6). */
export interface ScaleCounts {
  organizations: number;
  people: number;
  campaigns: number;
  pledges: number;
  reports: number;
  events: number;
  rsvps: number;
}

export const SCALES = {
  /** A few seconds: for specs that only need the shape. */
  test: { organizations: 30, people: 1_000, campaigns: 5, pledges: 400, reports: 2_000, events: 60, rsvps: 1_500 },
  small: { organizations: 100, people: 10_000, campaigns: 20, pledges: 5_000, reports: 50_000, events: 500, rsvps: 20_000 },
  national: {
    organizations: 10_000,
    people: 1_000_000,
    campaigns: 1_000,
    pledges: 2_000_000,
    reports: 10_000_000,
    events: 100_000,
    rsvps: 5_000_000,
  },
} as const satisfies Record<string, ScaleCounts>;
export type ScaleName = keyof typeof SCALES;

/**
 * The skew, in one place (documented in the README): people per organization follow Zipf with
 * exponent ORG_ZIPF (organization 0 is the largest), pledges per campaign Zipf with CAMPAIGN_ZIPF
 * (campaign 0 gets the largest share). Pledges and events come from active organizations in
 * proportion to their people; RSVPs per event and reports per pledge are heavy-tailed.
 */
export const ORG_ZIPF = 0.85;
export const CAMPAIGN_ZIPF = 1.2;

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export const MEMBERSHIP = ['active', 'applicant', 'lapsed', 'suspended', 'withdrawn', 'rejected'] as const;
export const CAMPAIGN_STATUSES = ['active', 'draft', 'won', 'closed'] as const;
export const METRICS = ['calls', 'doors', 'turnout', 'volunteer_hours', 'signatures', 'dollars', 'meetings', 'other'] as const;
export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'completed'] as const;
export const HOST_STATUSES = ['accepted', 'invited', 'declined'] as const;
export const MAX_HOSTS = 4;

export interface OrgPlan {
  n: number;
  size: Uint32Array;
  /** Index of the organization's first person; its people are contiguous. */
  personStart: Uint32Array;
  status: Uint8Array;
  city: Uint16Array;
  kind: string[];
  name: string[];
  slug: string[];
  retentionDays: Uint16Array;
  /** Draws an active organization, in proportion to its people. */
  activeBySize: WeightedSampler;
}

export interface CampaignPlan {
  n: number;
  status: Uint8Array;
  /** Days from the anchor date. */
  startDay: Int32Array;
  endDay: Int32Array;
  leadOrg: Uint32Array;
  name: string[];
  slug: string[];
  metrics: number[][];
  demandStart: Uint32Array;
  demandCount: Uint8Array;
  /** Draws a campaign that takes pledges and events (not a draft), by Zipf rank. */
  byPopularity: WeightedSampler;
}

export interface PledgePlan {
  n: number;
  campaign: Uint32Array;
  org: Uint32Array;
  metric: Uint8Array;
  quantity: Float64Array;
  /** Index into the demands, or -1. */
  demand: Int32Array;
  dueDay: Int32Array;
  createdDay: Int32Array;
  cancelled: Uint8Array;
  reports: Uint32Array;
}

export interface EventPlan {
  n: number;
  leadOrg: Uint32Array;
  campaign: Int32Array;
  startsAt: Float64Array;
  endsAt: Float64Array;
  createdAt: Float64Array;
  status: Uint8Array;
  /** 0 = no capacity. */
  capacity: Uint32Array;
  city: Uint16Array;
  hostCount: Uint8Array;
  /** MAX_HOSTS slots per event: organization index (lead first), host status, first host row number. */
  hostOrg: Uint32Array;
  hostStatus: Uint8Array;
  hostStart: Uint32Array;
  rsvps: Uint32Array;
}

export interface Plan {
  scale: ScaleName;
  counts: ScaleCounts;
  seed: number;
  /** Midnight UTC of the anchor date; every date is relative to it. */
  anchor: number;
  orgs: OrgPlan;
  campaigns: CampaignPlan;
  pledges: PledgePlan;
  events: EventPlan;
  hosts: number;
  demands: number;
}

/** Everything that later tables refer to, decided up front (typed arrays, no row objects). */
export function buildPlan(scale: ScaleName, seed: number, anchorDate: string): Plan {
  const counts = SCALES[scale];
  const anchor = Date.parse(`${anchorDate}T00:00:00Z`);
  if (Number.isNaN(anchor)) throw new Error(`--today must be a date like 2026-05-01 (got "${anchorDate}")`);
  const orgs = planOrganizations(counts, seed);
  const campaigns = planCampaigns(counts, seed, orgs);
  const pledges = planPledges(counts, seed, orgs, campaigns);
  const { events, hosts } = planEvents(counts, seed, anchor, orgs, campaigns);
  const demands = campaigns.n === 0 ? 0 : campaigns.demandStart[campaigns.n - 1] + campaigns.demandCount[campaigns.n - 1];
  return { scale, counts, seed, anchor, orgs, campaigns, pledges, events, hosts, demands };
}

function planOrganizations(counts: ScaleCounts, seed: number): OrgPlan {
  const rng = new Rng(seed, 'organization.plan');
  const n = counts.organizations;
  // Every organization has at least its primary contact.
  const size = apportion(counts.people, zipfWeights(n, ORG_ZIPF), 1);
  const personStart = new Uint32Array(n);
  for (let i = 1; i < n; i++) personStart[i] = personStart[i - 1] + size[i - 1];
  const status = new Uint8Array(n);
  const city = new Uint16Array(n);
  const retentionDays = new Uint16Array(n);
  const kind: string[] = [];
  const name: string[] = [];
  const slug: string[] = [];
  const citySampler = new WeightedSampler(CITIES.map((c) => c[3]));
  const names = new Set<string>();
  const slugs = new Set<string>();
  // The largest organizations are members in good standing (the coordinators sign in there).
  const alwaysActive = Math.max(6, Math.ceil(n * 0.02));
  for (let i = 0; i < n; i++) {
    status[i] = i < alwaysActive ? 0 : rng.weighted([[0, 82], [1, 5], [2, 6], [3, 1], [4, 3], [5, 3]] as const);
    city[i] = citySampler.draw(rng);
    kind.push(rng.weighted(ORG_KINDS_WEIGHTED));
    const [cityName] = CITIES[city[i]];
    let candidate = '';
    for (let attempt = 0; ; attempt++) {
      const phrase = rng.pick(ORG_PHRASES[kind[i] as keyof typeof ORG_PHRASES]);
      const qualifier = rng.pick(ORG_QUALIFIERS);
      const form = rng.int(0, 2);
      candidate = form === 0 ? `${phrase} ${qualifier} ${cityName}` : form === 1 ? `${cityName} ${phrase}` : `${qualifier} ${phrase} de ${cityName}`;
      if (attempt > 8) candidate = `${candidate} ${attempt}`;
      if (!names.has(candidate.toLowerCase()) && !slugs.has(slugify(candidate))) break;
    }
    names.add(candidate.toLowerCase());
    slugs.add(slugify(candidate));
    name.push(candidate);
    slug.push(slugify(candidate));
    retentionDays[i] = rng.weighted([[30, 80], [90, 15], [365, 5]] as const);
  }
  const activeWeights = new Float64Array(n);
  for (let i = 0; i < n; i++) activeWeights[i] = status[i] === 0 ? size[i] : 0;
  return { n, size, personStart, status, city, kind, name, slug, retentionDays, activeBySize: new WeightedSampler(activeWeights) };
}

function planCampaigns(counts: ScaleCounts, seed: number, orgs: OrgPlan): CampaignPlan {
  const rng = new Rng(seed, 'campaign.plan');
  const n = counts.campaigns;
  const status = new Uint8Array(n);
  const startDay = new Int32Array(n);
  const endDay = new Int32Array(n);
  const leadOrg = new Uint32Array(n);
  const demandStart = new Uint32Array(n);
  const demandCount = new Uint8Array(n);
  const name: string[] = [];
  const slug: string[] = [];
  const metrics: number[][] = [];
  const names = new Set<string>();
  const slugs = new Set<string>();
  let demands = 0;
  for (let c = 0; c < n; c++) {
    // The most popular campaigns are the ones running now.
    status[c] = c < 3 ? 0 : rng.weighted([[0, 55], [1, 5], [2, 10], [3, 30]] as const);
    if (status[c] === 0) {
      startDay[c] = -rng.int(20, 400);
      endDay[c] = rng.int(20, 300);
    } else if (status[c] === 1) {
      startDay[c] = rng.int(10, 90);
      endDay[c] = startDay[c] + rng.int(60, 300);
    } else {
      endDay[c] = -rng.int(2, 500);
      startDay[c] = endDay[c] - rng.int(60, 300);
    }
    leadOrg[c] = orgs.activeBySize.draw(rng);
    const theme = CAMPAIGN_THEMES[c % CAMPAIGN_THEMES.length];
    let candidate = c < CAMPAIGN_THEMES.length ? theme : `${theme}: ${CITIES[rng.int(0, CITIES.length - 1)][0]}`;
    for (let k = 2; names.has(candidate.toLowerCase()) || slugs.has(slugify(candidate)); k++) {
      candidate = `${candidate.replace(/ \(\d+\)$/, '')} (${k})`;
    }
    names.add(candidate.toLowerCase());
    slugs.add(slugify(candidate));
    name.push(candidate);
    slug.push(slugify(candidate));
    const chosen = new Set<number>();
    const want = rng.int(2, 4);
    while (chosen.size < want) chosen.add(rng.weighted([[0, 30], [1, 25], [2, 25], [3, 10], [4, 10], [5, 8], [6, 5], [7, 2]] as const));
    metrics.push([...chosen].sort((a, b) => a - b));
    demandStart[c] = demands;
    demandCount[c] = rng.int(2, 5);
    demands += demandCount[c];
  }
  const weights = zipfWeights(n, CAMPAIGN_ZIPF);
  for (let c = 0; c < n; c++) if (status[c] === 1) weights[c] = 0;
  return { n, status, startDay, endDay, leadOrg, name, slug, metrics, demandStart, demandCount, byPopularity: new WeightedSampler(weights) };
}

/** A whole-number quantity for every metric but dollars (the database checks it). */
export function pledgeQuantity(rng: Rng, metric: number): number {
  switch (METRICS[metric]) {
    case 'calls':
      return 10 * rng.int(5, 300);
    case 'doors':
      return 10 * rng.int(5, 400);
    case 'turnout':
      return rng.int(5, 300);
    case 'volunteer_hours':
      return rng.int(5, 500);
    case 'signatures':
      return 10 * rng.int(2, 200);
    case 'dollars':
      return rng.chance(0.3) ? rng.int(5000, 2_000_000) / 100 : 50 * rng.int(1, 400);
    case 'meetings':
      return rng.int(1, 20);
    default:
      return rng.int(1, 100);
  }
}

function planPledges(counts: ScaleCounts, seed: number, orgs: OrgPlan, campaigns: CampaignPlan): PledgePlan {
  const rng = new Rng(seed, 'pledge.plan');
  const n = counts.pledges;
  const p: PledgePlan = {
    n,
    campaign: new Uint32Array(n),
    org: new Uint32Array(n),
    metric: new Uint8Array(n),
    quantity: new Float64Array(n),
    demand: new Int32Array(n),
    dueDay: new Int32Array(n),
    createdDay: new Int32Array(n),
    cancelled: new Uint8Array(n),
    reports: new Uint32Array(n),
  };
  const reportWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = campaigns.byPopularity.draw(rng);
    p.campaign[i] = c;
    p.org[i] = orgs.activeBySize.draw(rng);
    p.metric[i] = rng.pick(campaigns.metrics[c]);
    p.quantity[i] = pledgeQuantity(rng, p.metric[i]);
    p.demand[i] = rng.chance(0.4) ? campaigns.demandStart[c] + rng.int(0, campaigns.demandCount[c] - 1) : -1;
    const start = campaigns.startDay[c];
    const end = campaigns.endDay[c];
    const lastCreated = Math.min(end, -1);
    p.createdDay[i] = start + Math.floor(rng.float() * Math.max(1, lastCreated - start));
    p.dueDay[i] = p.createdDay[i] + Math.max(7, Math.floor(rng.float() * (end - p.createdDay[i])));
    p.cancelled[i] = rng.chance(0.03) ? 1 : 0;
    // Some pledges have no report yet; the rest a heavy-tailed number of them.
    reportWeight[i] = rng.chance(0.12) ? 0 : rng.exp() * rng.exp();
  }
  p.reports = apportion(counts.reports, reportWeight);
  return p;
}

function planEvents(
  counts: ScaleCounts,
  seed: number,
  anchor: number,
  orgs: OrgPlan,
  campaigns: CampaignPlan,
): { events: EventPlan; hosts: number } {
  const rng = new Rng(seed, 'event.plan');
  const n = counts.events;
  const e: EventPlan = {
    n,
    leadOrg: new Uint32Array(n),
    campaign: new Int32Array(n),
    startsAt: new Float64Array(n),
    endsAt: new Float64Array(n),
    createdAt: new Float64Array(n),
    status: new Uint8Array(n),
    capacity: new Uint32Array(n),
    city: new Uint16Array(n),
    hostCount: new Uint8Array(n),
    hostOrg: new Uint32Array(n * MAX_HOSTS),
    hostStatus: new Uint8Array(n * MAX_HOSTS),
    hostStart: new Uint32Array(n),
    rsvps: new Uint32Array(n),
  };
  const rsvpWeight = new Float64Array(n);
  let hosts = 0;
  for (let i = 0; i < n; i++) {
    const lead = orgs.activeBySize.draw(rng);
    e.leadOrg[i] = lead;
    e.campaign[i] = rng.chance(0.75) ? campaigns.byPopularity.draw(rng) : -1;
    e.city[i] = rng.chance(0.85) ? orgs.city[lead] : rng.int(0, CITIES.length - 1);
    // Most events are past; a good number are coming up in the next two weeks.
    const when = rng.weighted([[0, 62], [1, 12], [2, 26]] as const);
    const day = when === 0 ? -rng.int(1, 365) : when === 1 ? rng.int(0, 13) : rng.int(14, 120);
    const localHour = rng.int(9, 19);
    const [, , zone] = CITIES[e.city[i]];
    const offset = ZONE_OFFSET[zone] ?? -6;
    e.startsAt[i] = anchor + day * DAY + (localHour - offset) * HOUR + rng.pick([0, 30]) * 60_000;
    e.endsAt[i] = e.startsAt[i] + rng.int(1, 4) * HOUR;
    const created = e.startsAt[i] - rng.int(7, 60) * DAY;
    e.createdAt[i] = Math.min(created, anchor - rng.int(0, 3) * DAY - rng.int(1, 12) * HOUR);
    const past = e.endsAt[i] < anchor;
    // status: 0 draft, 1 published, 2 cancelled, 3 completed
    e.status[i] = past ? rng.weighted([[3, 90], [2, 10]] as const) : rng.weighted([[1, 85], [0, 8], [2, 7]] as const);
    const coHosts = rng.weighted([[0, 40], [1, 30], [2, 18], [3, 12]] as const);
    const slot = i * MAX_HOSTS;
    e.hostOrg[slot] = lead;
    e.hostStatus[slot] = 0;
    let count = 1;
    for (let tries = 0; count < 1 + coHosts && tries < 20; tries++) {
      const org = orgs.activeBySize.draw(rng);
      let seen = false;
      for (let k = 0; k < count; k++) if (e.hostOrg[slot + k] === org) seen = true;
      if (seen) continue;
      e.hostOrg[slot + count] = org;
      e.hostStatus[slot + count] = rng.weighted([[0, 80], [1, 15], [2, 5]] as const);
      count++;
    }
    e.hostCount[i] = count;
    e.hostStart[i] = hosts;
    hosts += count;
    // Drafts have no RSVPs; big organizations draw bigger crowds, with a heavy tail.
    const draw = rng.exp();
    rsvpWeight[i] = e.status[i] === 0 ? 0 : Math.sqrt(orgs.size[lead]) * draw * draw * (e.status[i] === 2 ? 0.3 : 1);
  }
  e.rsvps = apportion(counts.rsvps, rsvpWeight);
  for (let i = 0; i < n; i++) {
    // Capacity is set with the crowd in mind: some events fill up and keep a waitlist.
    if (rng.chance(0.55)) e.capacity[i] = Math.max(10, Math.round(e.rsvps[i] * (0.5 + rng.float() * 0.9)));
  }
  return { events: e, hosts };
}
