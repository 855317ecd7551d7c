import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import type { PledgeOfferDto } from '@unidos/contracts';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness';

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

const offer = (fields: Record<string, unknown> = {}) => ({
  organizationName: 'Vecinos Nuevos Collective',
  contactName: 'Ana',
  contactEmail: 'ana.vecinos@example.org',
  contactPhone: '+1 (312) 555-0199',
  metric: 'doors',
  quantity: 300,
  note: 'We can canvass on Saturdays.',
  ...fields,
});

/** An active campaign with goals for calls, doors and dollars, created through the API. */
async function activeCampaign(
  agent: TestAgent,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; slug: string; version: number }> {
  const res = await agent.post('/api/campaigns').send({
    name: unique('Commit Drive'),
    status: 'active',
    summary: 'Get involved.',
    goals: [
      { metric: 'calls', target: 2000 },
      { metric: 'doors', target: 5000 },
      { metric: 'dollars', target: 10000 },
    ],
    demands: [
      { textEn: 'Stop the repression of migrants!', textEs: '¡Alto a la represión de migrantes!' },
      { textEn: 'Legalization for all!', textEs: '¡Legalización para todos!' },
    ],
    ...fields,
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('the public pledge form and the review of offers', () => {
  let t: TestContext;
  let adminUser: TestUser;
  let admin: TestAgent;
  let organizer: TestAgent;
  let coordinator: TestAgent;
  let viewer: TestAgent;
  let memberOrgId: string;
  let applicantOrgId: string;
  let campaign: { id: string; slug: string };

  beforeAll(async () => {
    t = await startTestApp();
    memberOrgId = await t.createOrganization({ name: unique('Matched Member Center') });
    applicantOrgId = await t.createOrganization({
      name: unique('Still Applying'),
      membershipStatus: 'applicant',
    });
    adminUser = await t.createUser('alliance_admin');
    const users = [
      await t.createUser('alliance_organizer'),
      await t.createUser('org_coordinator', memberOrgId),
      await t.createUser('org_viewer', memberOrgId),
    ];
    [admin, organizer, coordinator, viewer] = await Promise.all([adminUser, ...users].map((u) => t.as(u)));
    campaign = await activeCampaign(admin);
  });
  afterAll(() => t.close());

  const submit = (slug: string, body: Record<string, unknown>) =>
    t.http().post(`/api/public/campaigns/${slug}/pledges`).send(body);
  const stored = async () =>
    (
      await t.sql.query(
        `SELECT (SELECT count(*)::int FROM pledge_offer) AS offers, (SELECT count(*)::int FROM pledge) AS pledges,
                (SELECT count(*)::int FROM audit_event WHERE entity_type IN ('pledge_offer', 'pledge')) AS audit,
                (SELECT string_agg(id::text || status || version, ',' ORDER BY id) FROM pledge_offer) AS states`,
      )
    ).rows[0];
  const audited = async (action: string, entityId: string): Promise<number> =>
    (
      await t.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND entity_id = $2',
        [action, entityId],
      )
    ).rows[0].n;
  async function pendingOffer(fields: Record<string, unknown> = {}): Promise<PledgeOfferDto> {
    const res = await submit(campaign.slug, offer({ organizationName: unique('Offering Group'), ...fields }));
    expect(res.status).toBe(201);
    const shown = await admin.get(`/api/pledge-offers/${res.body.id}`);
    expect(shown.status).toBe(200);
    return shown.body as PledgeOfferDto;
  }

  describe('the public form', () => {
    it('shows an active campaign to anyone, and nothing of a draft, won or closed one', async () => {
      const shown = await t.http().get(`/api/public/campaigns/${campaign.slug}`);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ slug: campaign.slug, summary: 'Get involved.' });
      expect(shown.body).not.toHaveProperty('id');
      expect(shown.body.demands).toEqual([
        {
          position: 1,
          textEn: 'Stop the repression of migrants!',
          textEs: '¡Alto a la represión de migrantes!',
        },
        { position: 2, textEn: 'Legalization for all!', textEs: '¡Legalización para todos!' },
      ]);
      expect(shown.body.goals.map((g: { metric: string; target: number }) => [g.metric, g.target])).toEqual([
        ['calls', 2000],
        ['dollars', 10000],
        ['doors', 5000],
      ]);

      for (const status of ['draft', 'won', 'closed'] as const) {
        const hidden = await activeCampaign(admin, { status });
        const res = await t.http().get(`/api/public/campaigns/${hidden.slug}`);
        expect({ status, code: res.status, body: Object.keys(res.body).sort() }).toEqual({
          status,
          code: 404,
          body: ['code', 'message', 'requestId', 'statusCode'],
        });
        const before = await stored();
        expect((await submit(hidden.slug, offer())).status).toBe(404);
        expect(await stored()).toEqual(before);
      }
      expect((await t.http().get('/api/public/campaigns/no-such-campaign')).status).toBe(404);
    });

    it('refuses bad input with 422 on the field, and stores nothing', async () => {
      const cases: [string, Record<string, unknown>, string, string | RegExp][] = [
        [
          'no email or phone',
          { contactEmail: undefined, contactPhone: undefined },
          'contactEmail',
          'give an email or a phone number',
        ],
        [
          'blank email and phone',
          { contactEmail: '  ', contactPhone: '' },
          'contactEmail',
          'give an email or a phone number',
        ],
        ['quantity 0', { quantity: 0 }, 'quantity', /./],
        ['negative quantity', { quantity: -20 }, 'quantity', /./],
        [
          '2.5 calls',
          { metric: 'calls', quantity: 2.5 },
          'quantity',
          'must be a whole number (only dollars allow cents)',
        ],
        [
          'metric not a goal',
          { metric: 'signatures' },
          'metric',
          'must be one of the campaign\'s goals or "other" (calls, dollars, doors, other)',
        ],
        ['unknown metric', { metric: 'retweets' }, 'metric', 'must be one of the allowed values'],
        ['bad email', { contactEmail: 'ana-at-example' }, 'contactEmail', 'must be a valid email address'],
        [
          'bad phone',
          { contactEmail: undefined, contactPhone: 'call me maybe' },
          'contactPhone',
          /phone number/,
        ],
        ['no organization', { organizationName: '   ' }, 'organizationName', 'is required'],
        ['no contact name', { contactName: undefined }, 'contactName', 'is required'],
        ['chooses its own status', { status: 'accepted' }, 'status', 'is not a field you can set'],
        [
          'names a member organization',
          { organizationId: memberOrgId },
          'organizationId',
          'is not a field you can set',
        ],
      ];
      const before = await stored();
      for (const [name, change, field, message] of cases) {
        const res = await submit(campaign.slug, offer(change));
        expect({ name, status: res.status, fields: Object.keys(res.body.errors ?? {}) }).toEqual({
          name,
          status: 422,
          fields: [field],
        });
        expect({ name, message: res.body.errors[field] }).toEqual({
          name,
          message: typeof message === 'string' ? message : expect.stringMatching(message),
        });
      }
      const spanish = await t
        .http()
        .post(`/api/public/campaigns/${campaign.slug}/pledges`)
        .set('Accept-Language', 'es-MX,es;q=0.9')
        .send(offer({ contactEmail: undefined, contactPhone: undefined }));
      expect(spanish.body.errors).toEqual({ contactEmail: 'indique un correo electrónico o un teléfono' });
      expect(await stored()).toEqual(before);

      // Dollars allow cents; "other" is always allowed; a phone alone is enough.
      expect((await submit(campaign.slug, offer({ metric: 'dollars', quantity: 2.5 }))).status).toBe(201);
      expect(
        (await submit(campaign.slug, offer({ metric: 'other', quantity: 1, contactEmail: undefined })))
          .status,
      ).toBe(201);
    });

    it('answers a bot that fills the honeypot as if it worked, and stores nothing', async () => {
      const before = await stored();
      const res = await submit(campaign.slug, offer({ homepage: 'http://spam.example' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'pending' });
      expect(await stored()).toEqual(before);
      expect((await admin.get(`/api/pledge-offers/${res.body.id}`)).status).toBe(404);
    });

    it('encrypts the contact email and phone at rest, and shows them to the alliance only', async () => {
      const res = await submit(
        campaign.slug,
        offer({ contactEmail: 'rosa.secreta@example.org', contactPhone: '+1 773 555 0142' }),
      );
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['id', 'status']);
      const { rows } = await t.sql.query(
        `SELECT row_to_json(f)::text AS row, contact_email_ciphertext IS NOT NULL AS email, contact_phone_ciphertext IS NOT NULL AS phone FROM pledge_offer f WHERE id = $1`,
        [res.body.id],
      );
      expect(rows[0]).toMatchObject({ email: true, phone: true });
      expect(rows[0].row).not.toContain('rosa.secreta');
      expect(rows[0].row).not.toContain('555 0142');
      const { rows: audit } = await t.sql.query(
        `SELECT row_to_json(a)::text AS row FROM audit_event a WHERE entity_id = $1`,
        [res.body.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0].row).not.toContain('rosa.secreta');
      expect((await organizer.get(`/api/pledge-offers/${res.body.id}`)).body).toMatchObject({
        contactEmail: 'rosa.secreta@example.org',
        contactPhone: '+1 773 555 0142',
        status: 'pending',
      });
      for (const agent of [coordinator, viewer]) {
        expect((await agent.get(`/api/pledge-offers/${res.body.id}`)).status).toBe(403);
        expect((await agent.get('/api/pledge-offers')).status).toBe(403);
      }
      expect((await t.http().get('/api/pledge-offers')).status).toBe(401);
    });
  });

  describe('review', () => {
    it('lists pending offers and turns an accepted one into a pledge of the member organization', async () => {
      const pending = await pendingOffer({ metric: 'calls', quantity: 120, note: 'Phone bank Tuesdays' });
      const listed = await organizer
        .get('/api/pledge-offers')
        .query({ filter: JSON.stringify({ campaignId: campaign.id, status: 'pending' }), range: '[0,99]' });
      expect(listed.status).toBe(200);
      expect(listed.body.map((o: PledgeOfferDto) => o.id)).toContain(pending.id);
      expect(listed.body.every((o: PledgeOfferDto) => o.status === 'pending')).toBe(true);
      expect(listed.get('Content-Range')).toMatch(new RegExp(`^pledge-offers 0-\\d+/${listed.body.length}$`));

      const accepted = await admin
        .post(`/api/pledge-offers/${pending.id}/accept`)
        .send({ version: pending.version, organizationId: memberOrgId });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        status: 'accepted',
        organizationId: memberOrgId,
        decidedBy: adminUser.id,
        version: pending.version + 1,
      });
      const pledgeId = accepted.body.pledgeId as string;
      const pledge = await coordinator.get(`/api/pledges/${pledgeId}`);
      expect(pledge.body).toMatchObject({
        campaignId: campaign.id,
        organizationId: memberOrgId,
        metric: 'calls',
        quantity: 120,
        reported: 0,
        status: 'open',
        note: 'Phone bank Tuesdays',
      });
      expect(await audited('pledge_offer.accept', pending.id)).toBe(1);
      expect(await audited('pledge.create_from_offer', pledgeId)).toBe(1);
      const progress = await coordinator.get(`/api/campaigns/${campaign.id}/progress`);
      expect(progress.body.organizations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ organizationId: memberOrgId, metric: 'calls', pledged: 120 }),
        ]),
      );
      // The organization's coordinator can now report against it like any pledge.
      expect((await coordinator.post('/api/pledge-reports').send({ pledgeId, quantity: 20 })).status).toBe(
        201,
      );

      const before = await stored();
      const again = await organizer
        .post(`/api/pledge-offers/${pending.id}/accept`)
        .send({ version: accepted.body.version, organizationId: memberOrgId });
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('Someone already decided this offer (accepted).');
      expect(
        (
          await organizer
            .post(`/api/pledge-offers/${pending.id}/reject`)
            .send({ version: accepted.body.version })
        ).status,
      ).toBe(409);
      expect(await stored()).toEqual(before);
      expect(
        (
          await admin
            .get('/api/pledge-offers')
            .query({ filter: JSON.stringify({ status: 'pending' }), range: '[0,99]' })
        ).body.map((o: PledgeOfferDto) => o.id),
      ).not.toContain(pending.id);
    });

    it('rejects an offer, and a decided offer stays decided', async () => {
      const pending = await pendingOffer();
      const rejected = await organizer
        .post(`/api/pledge-offers/${pending.id}/reject`)
        .send({ version: pending.version });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', pledgeId: null, organizationId: null });
      expect(Date.parse(rejected.body.decidedAt)).not.toBeNaN();
      expect(await audited('pledge_offer.reject', pending.id)).toBe(1);
      const before = await stored();
      const late = await admin
        .post(`/api/pledge-offers/${pending.id}/accept`)
        .send({ version: rejected.body.version, organizationId: memberOrgId });
      expect([late.status, late.body.message]).toEqual([
        409,
        'Someone already decided this offer (rejected).',
      ]);
      expect(await stored()).toEqual(before);
    });

    it('refuses to accept for an organization that is not an active member, with a stale version, or by an organization role', async () => {
      const pending = await pendingOffer({ metric: 'dollars', quantity: 75.5 });
      const accept = (agent: TestAgent, body: Record<string, unknown>) =>
        agent.post(`/api/pledge-offers/${pending.id}/accept`).send(body);
      const before = await stored();

      const applicant = await accept(admin, { version: pending.version, organizationId: applicantOrgId });
      expect([applicant.status, applicant.body.errors]).toEqual([
        422,
        { organizationId: 'Only active member organizations can do this.' },
      ]);
      const unknown = await accept(admin, { version: pending.version, organizationId: randomUUID() });
      expect([unknown.status, Object.keys(unknown.body.errors)]).toEqual([422, ['organizationId']]);
      const missing = await accept(admin, { version: pending.version });
      expect([missing.status, Object.keys(missing.body.errors)]).toEqual([422, ['organizationId']]);
      const farDue = await accept(admin, {
        version: pending.version,
        organizationId: memberOrgId,
        dueOn: '2999-01-01',
      });
      expect([farDue.status, Object.keys(farDue.body.errors)]).toEqual([422, ['dueOn']]);
      const otherQuantity = await accept(admin, {
        version: pending.version,
        organizationId: memberOrgId,
        quantity: 1000,
      });
      expect([otherQuantity.status, Object.keys(otherQuantity.body.errors)]).toEqual([422, ['quantity']]);
      const stale = await accept(admin, { version: pending.version + 1, organizationId: memberOrgId });
      expect([stale.status, Object.keys(stale.body.errors)]).toEqual([409, ['version']]);
      const staleReject = await admin
        .post(`/api/pledge-offers/${pending.id}/reject`)
        .send({ version: pending.version + 5 });
      expect(staleReject.status).toBe(409);
      for (const agent of [coordinator, viewer]) {
        expect((await accept(agent, { version: pending.version, organizationId: memberOrgId })).status).toBe(
          403,
        );
        expect(
          (await agent.post(`/api/pledge-offers/${pending.id}/reject`).send({ version: pending.version }))
            .status,
        ).toBe(403);
      }
      expect(await stored()).toEqual(before);
      expect((await admin.get(`/api/pledge-offers/${pending.id}`)).body).toMatchObject({
        status: 'pending',
        version: pending.version,
        pledgeId: null,
      });

      const accepted = await accept(admin, { version: pending.version, organizationId: memberOrgId });
      expect(accepted.body).toMatchObject({ status: 'accepted', version: pending.version + 1 });
      expect((await stored()).pledges).toBe(before.pledges + 1);
      const { rows } = await t.sql.query(
        'SELECT p.metric, p.quantity::text AS quantity FROM pledge p JOIN pledge_offer f ON f.pledge_id = p.id WHERE f.id = $1',
        [pending.id],
      );
      expect(rows).toEqual([{ metric: 'dollars', quantity: '75.50' }]);
    });

    it('refuses to accept an offer once its campaign is no longer active', async () => {
      const own = await activeCampaign(admin);
      const res = await submit(own.slug, offer());
      const shown = (await admin.get(`/api/pledge-offers/${res.body.id}`)).body as PledgeOfferDto;
      expect(
        (await admin.put(`/api/campaigns/${own.id}`).send({ version: own.version, status: 'closed' })).status,
      ).toBe(200);
      const before = await stored();
      const accepted = await admin
        .post(`/api/pledge-offers/${shown.id}/accept`)
        .send({ version: shown.version, organizationId: memberOrgId });
      expect([accepted.status, accepted.body.errors]).toEqual([
        422,
        { campaignId: 'This campaign is not active (closed): it takes no pledges or endorsements.' },
      ]);
      expect(await stored()).toEqual(before);
    });
  });
});

describe('the public pledge form rate limit', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await startTestApp({ limits: { publicForms: 3 } });
  });
  afterAll(() => t.close());

  it('takes three offers from one client and refuses the fourth with 429, storing nothing', async () => {
    const admin = await t.as(await t.createUser('alliance_admin'));
    const campaign = await activeCampaign(admin);
    const send = () =>
      t
        .http()
        .post(`/api/public/campaigns/${campaign.slug}/pledges`)
        .send(offer({ organizationName: unique('Eager Group') }));
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(201);
    const fourth = await send();
    expect(fourth.status).toBe(429);
    expect(fourth.body.message).toBe('Too many requests from here. Try again later.');
    const { rows } = await t.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pledge_offer WHERE campaign_id = $1',
      [campaign.id],
    );
    expect(rows[0].n).toBe(3);
    // Reading the form is not limited.
    expect((await t.http().get(`/api/public/campaigns/${campaign.slug}`)).status).toBe(200);
  });
});
