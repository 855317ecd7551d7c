import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PledgeOfferDto, PublicCampaignDto } from '@unidos/contracts';
import type { Actor, PublicCaller } from '@api/common/auth/actor';
import { FieldCrypto } from '@api/common/crypto/field-crypto';
import { NO_CONTEXT, TenantTransaction, setContext } from '@api/common/database/tenant-transaction';
import { DomainError, notFound, staleVersion } from '@api/common/errors/domain-error';
import { fetchPage, type ListSpec, type Page, parseListQuery, type RawListQuery } from '@api/common/list/list-query';
import { AuditService, auditWho } from '@api/modules/audit/audit.service';
import { CampaignGoalEntity } from '@api/modules/campaigns/entities/campaign-goal.entity';
import { CampaignEntity } from '@api/modules/campaigns/entities/campaign.entity';
import { DemandEntity } from '@api/modules/campaigns/entities/demand.entity';
import { AcceptOfferDto, PledgeOfferRequestDto } from './dto/pledge.dto';
import { PledgeOfferEntity } from './entities/pledge-offer.entity';
import { PledgesService } from './pledges.service';

export const OFFER_LIST: ListSpec = {
  resource: 'pledge-offers',
  sortable: { createdAt: 'f.created_at', organizationName: 'f.organization_name', status: 'f.status', quantity: 'f.quantity' },
  filters: {
    campaignId: { kind: 'eq', column: 'f.campaign_id', type: 'uuid' },
    status: { kind: 'eq', column: 'f.status' },
    q: { kind: 'search', columns: ['f.organization_name'] },
  },
  defaultSort: ['createdAt', 'DESC'],
  tiebreaker: 'f.id',
  idColumn: 'f.id',
};

export interface OfferReceipt {
  id: string;
  status: 'pending';
}

/**
 * The public "commit to get involved" form of an active campaign, and the alliance's review of
 * what arrives: an accepted offer becomes a pledge of a member organization.
 */
@Injectable()
export class PledgeOffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    private readonly pledges: PledgesService,
  ) {}

  private toDto(f: PledgeOfferEntity): PledgeOfferDto {
    return {
      id: f.id,
      campaignId: f.campaignId,
      organizationName: f.organizationName,
      contactName: f.contactName,
      contactEmail: f.contactEmailCiphertext ? this.crypto.decrypt(f.contactEmailCiphertext, 'pledge_offer.email') : null,
      contactPhone: f.contactPhoneCiphertext ? this.crypto.decrypt(f.contactPhoneCiphertext, 'pledge_offer.phone') : null,
      metric: f.metric,
      quantity: Number(f.quantity),
      note: f.note,
      status: f.status,
      organizationId: f.organizationId,
      pledgeId: f.pledgeId,
      decidedBy: f.decidedBy,
      decidedAt: f.decidedAt?.toISOString() ?? null,
      version: f.version,
      createdAt: f.createdAt.toISOString(),
    };
  }

  private async activeCampaign(slug: string): Promise<CampaignEntity> {
    const campaign = await this.dataSource.getRepository(CampaignEntity).findOneBy({ slug });
    if (!campaign || campaign.status !== 'active') throw notFound();
    return campaign;
  }

  /** What the public form shows: an active campaign, its demands and goals with totals. */
  async publicCampaign(slug: string): Promise<PublicCampaignDto> {
    const campaign = await this.activeCampaign(slug);
    const demands = await this.dataSource.getRepository(DemandEntity).find({ where: { campaignId: campaign.id }, order: { position: 'ASC' } });
    const goals = (await this.dataSource.query(
      `SELECT g.metric, g.target, COALESCE(sum(p.quantity), 0) AS pledged, COALESCE(sum(p.reported), 0) AS reported, count(p.id)::int AS pledges
         FROM campaign_goal g LEFT JOIN pledge p ON p.campaign_id = g.campaign_id AND p.metric = g.metric AND p.status <> 'cancelled'
        WHERE g.campaign_id = $1 GROUP BY g.metric, g.target ORDER BY g.metric`,
      [campaign.id],
    )) as { metric: PledgeOfferDto['metric']; target: string; pledged: string; reported: string; pledges: number }[];
    return {
      name: campaign.name,
      slug: campaign.slug,
      summary: campaign.summary,
      startsOn: campaign.startsOn,
      endsOn: campaign.endsOn,
      demands: demands.map((d) => ({ position: d.position, textEn: d.textEn, textEs: d.textEs })),
      goals: goals.map((g) => ({ metric: g.metric, target: Number(g.target), pledged: Number(g.pledged), reported: Number(g.reported), pledges: g.pledges })),
    };
  }

  async submit(caller: PublicCaller, slug: string, dto: PledgeOfferRequestDto): Promise<OfferReceipt> {
    if (dto.homepage) return { id: '00000000-0000-4000-8000-000000000000', status: 'pending' };
    if (!dto.contactEmail && !dto.contactPhone) throw new DomainError(422, 'field.emailOrPhone', {}, 'contactEmail');
    if (dto.metric !== 'dollars' && !Number.isInteger(dto.quantity)) throw new DomainError(422, 'error.wholeNumber', {}, 'quantity');
    const campaign = await this.activeCampaign(slug);
    return this.dataSource.transaction(async (m) => {
      await setContext(m, NO_CONTEXT);
      if (dto.metric !== 'other') {
        const goals = await m.find(CampaignGoalEntity, { where: { campaignId: campaign.id }, order: { metric: 'ASC' } });
        if (!goals.some((g) => g.metric === dto.metric)) {
          throw new DomainError(422, 'error.metricNotInGoals', { metrics: [...goals.map((g) => g.metric), 'other'].join(', ') }, 'metric');
        }
      }
      const offer = await m.save(
        m.create(PledgeOfferEntity, {
          campaignId: campaign.id,
          organizationName: dto.organizationName,
          contactName: dto.contactName,
          contactEmailCiphertext: dto.contactEmail ? this.crypto.encrypt(dto.contactEmail, 'pledge_offer.email') : null,
          contactPhoneCiphertext: dto.contactPhone ? this.crypto.encrypt(dto.contactPhone, 'pledge_offer.phone') : null,
          metric: dto.metric,
          quantity: String(dto.quantity),
          note: dto.note ?? null,
        }),
      );
      await this.audit.record(m, { userId: null, organizationId: null, requestId: caller.requestId }, {
        action: 'pledge_offer.create',
        entityType: 'pledge_offer',
        entityId: offer.id,
        changedFields: ['campaignId', 'metric', 'quantity'],
        after: { campaignId: campaign.id, metric: dto.metric, quantity: dto.quantity },
      });
      return { id: offer.id, status: 'pending' as const };
    });
  }

  async list(actor: Actor, raw: RawListQuery): Promise<Page<PledgeOfferDto>> {
    const query = parseListQuery(raw, OFFER_LIST);
    return this.tx.run(actor, (m) => fetchPage(m.getRepository(PledgeOfferEntity).createQueryBuilder('f'), query, OFFER_LIST, (f) => this.toDto(f)));
  }

  async findOne(actor: Actor, id: string): Promise<PledgeOfferDto> {
    return this.tx.run(actor, async (m) => {
      const offer = await m.findOneBy(PledgeOfferEntity, { id });
      if (!offer) throw notFound();
      return this.toDto(offer);
    });
  }

  private async lockPending(m: EntityManager, id: string, version: number): Promise<PledgeOfferEntity> {
    const offer = await m.getRepository(PledgeOfferEntity).createQueryBuilder('f').setLock('pessimistic_write').where('f.id = :id', { id }).getOne();
    if (!offer) throw notFound();
    if (offer.status !== 'pending') throw new DomainError(409, 'error.offerAlreadyDecided', { status: offer.status });
    if (offer.version !== version) throw staleVersion();
    return offer;
  }

  /** Matches the offer to a member organization and turns it into that organization's pledge. */
  async accept(actor: Actor, id: string, dto: AcceptOfferDto): Promise<PledgeOfferDto> {
    return this.tx.run(actor, async (m) => {
      const offer = await this.lockPending(m, id, dto.version);
      const pledge = await this.pledges.createFromOffer(m, actor, {
        campaignId: offer.campaignId,
        organizationId: dto.organizationId,
        metric: offer.metric,
        quantity: Number(offer.quantity),
        dueOn: dto.dueOn ?? null,
        note: offer.note,
      });
      const now = new Date();
      await m.update(PledgeOfferEntity, { id }, { status: 'accepted', organizationId: dto.organizationId, pledgeId: pledge.id, decidedBy: actor.userId, decidedAt: now });
      await this.audit.record(m, auditWho(actor), {
        action: 'pledge_offer.accept',
        entityType: 'pledge_offer',
        entityId: id,
        changedFields: ['status', 'organizationId', 'pledgeId'],
        before: { status: 'pending' },
        after: { status: 'accepted', organizationId: dto.organizationId, pledgeId: pledge.id },
      });
      return this.toDto(await m.findOneByOrFail(PledgeOfferEntity, { id }));
    });
  }

  async reject(actor: Actor, id: string, version: number): Promise<PledgeOfferDto> {
    return this.tx.run(actor, async (m) => {
      await this.lockPending(m, id, version);
      await m.update(PledgeOfferEntity, { id }, { status: 'rejected', decidedBy: actor.userId, decidedAt: new Date() });
      await this.audit.record(m, auditWho(actor), {
        action: 'pledge_offer.reject',
        entityType: 'pledge_offer',
        entityId: id,
        changedFields: ['status'],
        before: { status: 'pending' },
        after: { status: 'rejected' },
      });
      return this.toDto(await m.findOneByOrFail(PledgeOfferEntity, { id }));
    });
  }
}
