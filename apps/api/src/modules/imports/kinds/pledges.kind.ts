import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { PLEDGE_METRICS, type PledgeMetric } from '@unidos/contracts';
import { MAX_QUANTITY } from '@api/modules/campaigns/dto/campaign.dto';
import type { OnDuplicate } from '../entities/import-job.entity';
import { day, oneOf, positiveInt, quantity, text } from './cells';
import { affected } from './copy';
import type { BatchOutcome, FieldSpec, ImportCounts, ImportRow, ImportScope, KindHandler, KindRun, RowError } from './kind';
import { take } from './take';

export const PLEDGE_FIELDS: FieldSpec[] = [
  { name: 'campaign', required: true, echo: true, aliases: ['campaign', 'campana', 'campaign name', 'campaign slug'] },
  { name: 'organization', required: true, echo: true, aliases: ['organization', 'organisation', 'org', 'organizacion'] },
  { name: 'metric', required: true, echo: true, aliases: ['metric', 'metrica', 'measure', 'medida'] },
  { name: 'quantity', required: true, echo: true, aliases: ['quantity', 'amount', 'cantidad', 'monto'] },
  { name: 'dueOn', echo: true, aliases: ['due on', 'due', 'due date', 'fecha limite', 'vence'] },
  { name: 'note', aliases: ['note', 'notes', 'nota', 'notas'] },
  { name: 'demand', echo: true, aliases: ['demand', 'demanda', 'demand number', 'numero de demanda'] },
];

const METRIC_NAMES: Record<string, PledgeMetric> = {
  llamadas: 'calls', puertas: 'doors', asistencia: 'turnout', 'horas de voluntariado': 'volunteer_hours', firmas: 'signatures',
  dolares: 'dollars', reuniones: 'meetings', otro: 'other', hours: 'volunteer_hours',
};

interface Campaign {
  id: string;
  status: string;
  metrics: Set<string>;
  demands: Map<number, string>;
}

interface PledgeRow {
  row: number;
  id?: string;
  campaignId: string;
  organizationId: string;
  demandId: string | null;
  metric: PledgeMetric;
  quantity: number;
  dueOn: string | null;
  note: string | null;
}

const shiftYears = (years: number): string => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
};

/**
 * Pledges, by an alliance admin, checked as the pledge form checks them: an active campaign (by
 * slug or name), an active member organization (by slug or name), a metric among the campaign's
 * goals or "other", a whole quantity except dollars, a due date within a year back and five ahead.
 * The same pledge is the same campaign, organization, metric and due date.
 */
export class PledgesKind implements KindHandler {
  readonly kind = 'pledges' as const;
  readonly fields = PLEDGE_FIELDS;

  async begin(m: EntityManager, _client: PoolClient, scope: ImportScope): Promise<KindRun> {
    const campaigns = (await m.query(
      `SELECT c.id, c.slug, lower(c.name) AS name, c.status,
              COALESCE((SELECT array_agg(g.metric) FROM campaign_goal g WHERE g.campaign_id = c.id), '{}') AS metrics,
              COALESCE((SELECT json_agg(json_build_array(d.position, d.id)) FROM demand d WHERE d.campaign_id = c.id), '[]') AS demands
         FROM campaign c`,
    )) as { id: string; slug: string; name: string; status: string; metrics: string[]; demands: [number, string][] }[];
    const byKey = new Map<string, Campaign>();
    for (const c of campaigns) {
      const campaign = { id: c.id, status: c.status, metrics: new Set(c.metrics), demands: new Map(c.demands) };
      byKey.set(c.slug, campaign);
      byKey.set(c.name, campaign);
    }
    const orgs = (await m.query(`SELECT id, slug, lower(name) AS name, membership_status FROM organization`)) as {
      id: string;
      slug: string;
      name: string;
      membership_status: string;
    }[];
    const orgByKey = new Map<string, { id: string; status: string }>();
    for (const o of orgs) {
      orgByKey.set(o.slug, { id: o.id, status: o.membership_status });
      orgByKey.set(o.name, { id: o.id, status: o.membership_status });
    }
    return new PledgesRun(m, scope, byKey, orgByKey);
  }
}

class PledgesRun implements KindRun {
  private readonly seen = new Map<string, number>();
  private readonly rows: PledgeRow[] = [];
  private readonly min = shiftYears(-1);
  private readonly max = shiftYears(5);

  constructor(
    private readonly m: EntityManager,
    private readonly scope: ImportScope,
    private readonly campaigns: Map<string, Campaign>,
    private readonly orgs: Map<string, { id: string; status: string }>,
  ) {}

  private parse(row: number, v: Record<string, string | undefined>, errors: RowError[]): PledgeRow | null {
    const before = errors.length;
    const campaignName = take('campaign', row, text(v.campaign, 200, true), errors, v.campaign, true);
    const orgName = take('organization', row, text(v.organization, 200, true), errors, v.organization, true);
    const metric = take('metric', row, oneOf(v.metric, PLEDGE_METRICS, METRIC_NAMES, true), errors, v.metric, true);
    const amount = take('quantity', row, quantity(v.quantity, MAX_QUANTITY), errors, v.quantity, true);
    const dueOn = take('dueOn', row, day(v.dueOn), errors, v.dueOn, true);
    const note = take('note', row, text(v.note, 2000), errors, v.note, false);
    const position = take('demand', row, positiveInt(v.demand), errors, v.demand, true);
    if (errors.length > before || !campaignName || !orgName || !metric || amount === null) return null;

    const campaign = this.campaigns.get(campaignName.toLowerCase());
    const org = this.orgs.get(orgName.toLowerCase());
    if (!campaign) errors.push({ row, field: 'campaign', key: 'error.unknownCampaign', value: campaignName });
    else if (campaign.status !== 'active') errors.push({ row, field: 'campaign', key: 'error.campaignNotActive', params: { status: campaign.status }, value: campaignName });
    else if (metric !== 'other' && !campaign.metrics.has(metric))
      errors.push({ row, field: 'metric', key: 'error.metricNotInGoals', params: { metrics: [...campaign.metrics, 'other'].join(', ') }, value: metric });
    if (!org) errors.push({ row, field: 'organization', key: 'error.unknownOrganization', value: orgName });
    else if (org.status !== 'active') errors.push({ row, field: 'organization', key: 'error.notAMember', value: orgName });
    if (metric !== 'dollars' && !Number.isInteger(amount)) errors.push({ row, field: 'quantity', key: 'error.wholeNumber', value: String(amount) });
    if (dueOn && (dueOn < this.min || dueOn > this.max))
      errors.push({ row, field: 'dueOn', key: 'error.dueOnOutOfRange', params: { min: this.min, max: this.max }, value: dueOn });
    const demandId = position && campaign ? campaign.demands.get(position) : null;
    if (position && campaign && !demandId) errors.push({ row, field: 'demand', key: 'error.unknownDemand', value: String(position) });
    if (errors.length > before || !campaign || !org) return null;
    return { row, campaignId: campaign.id, organizationId: org.id, demandId: demandId ?? null, metric, quantity: amount, dueOn, note };
  }

  async checkBatch(rows: ImportRow[], errors: RowError[], stage: boolean): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { duplicates: 0, duplicateOf: new Map() };
    const batch: PledgeRow[] = [];
    for (const { row, values } of rows) {
      const p = this.parse(row, values, errors);
      if (!p) continue;
      const key = `${p.campaignId}|${p.organizationId}|${p.metric}|${p.dueOn ?? ''}`;
      const first = this.seen.get(key);
      if (first !== undefined) {
        errors.push({ row, field: 'campaign', key: 'import.duplicateInFile', params: { row: first } });
        continue;
      }
      this.seen.set(key, row);
      batch.push(p);
    }
    if (batch.length > 0) {
      const existing = (await this.m.query(
        `SELECT DISTINCT ON (k.n) k.n, p.id
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[]) WITH ORDINALITY AS k(campaign_id, organization_id, metric, due_on, n)
           JOIN pledge p ON p.campaign_id = k.campaign_id AND p.organization_id = k.organization_id AND p.metric = k.metric
                        AND p.due_on IS NOT DISTINCT FROM k.due_on
          ORDER BY k.n, p.created_at, p.id`,
        [batch.map((p) => p.campaignId), batch.map((p) => p.organizationId), batch.map((p) => p.metric), batch.map((p) => p.dueOn)],
      )) as { n: string; id: string }[];
      for (const e of existing) {
        const p = batch[Number(e.n) - 1];
        p.id = e.id;
        outcome.duplicates += 1;
        outcome.duplicateOf.set(p.row, e.id);
      }
    }
    if (stage) this.rows.push(...batch);
    return outcome;
  }

  private json(rows: PledgeRow[]): string {
    return JSON.stringify(
      rows.map((p) => ({
        id: p.id ?? null,
        campaign_id: p.campaignId,
        organization_id: p.organizationId,
        demand_id: p.demandId,
        metric: p.metric,
        quantity: p.quantity,
        due_on: p.dueOn,
        note: p.note,
      })),
    );
  }

  async write(onDuplicate: OnDuplicate): Promise<ImportCounts> {
    const columns = `id uuid, campaign_id uuid, organization_id uuid, demand_id uuid, metric text, quantity numeric, due_on date, note text`;
    const fresh = this.rows.filter((p) => !p.id);
    const existing = this.rows.filter((p) => p.id);
    let created = 0;
    let updated = 0;
    for (let i = 0; i < fresh.length; i += 1000) {
      created += await affected(
        this.m,
        `INSERT INTO pledge (campaign_id, organization_id, demand_id, metric, quantity, due_on, note, created_by)
         SELECT r.campaign_id, r.organization_id, r.demand_id, r.metric, r.quantity, r.due_on, r.note, $2::uuid
           FROM jsonb_to_recordset($1::jsonb) AS r(${columns})`,
        [this.json(fresh.slice(i, i + 1000)), this.scope.userId],
      );
    }
    if (onDuplicate === 'skip') return { created, updated: 0, skipped: existing.length };
    for (let i = 0; i < existing.length; i += 1000) {
      updated += await affected(
        this.m,
        `UPDATE pledge p SET quantity = r.quantity, demand_id = COALESCE(r.demand_id, p.demand_id), note = COALESCE(r.note, p.note),
                version = p.version + 1, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS r(${columns})
          WHERE p.id = r.id`,
        [this.json(existing.slice(i, i + 1000))],
      );
    }
    return { created, updated, skipped: existing.length - updated };
  }
}
