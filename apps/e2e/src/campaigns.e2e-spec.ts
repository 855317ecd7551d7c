import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type {
  CampaignDto,
  CampaignProgressDto,
  EndorsementDto,
  GoalProgressDto,
  MeDto,
  OrganizationDto,
  PledgeDto,
  PledgeOfferDto,
} from '@unidos/contracts';
import { enrollAdminTotpIfRequired, signInAsAdmin } from './support/admin-session';
import { admin, launch, newContext, screenshot, step } from './support/browser';

/**
 * The journey: a coordinator endorses the Grassroots Migrants Agenda, pledges 500 calls,
 * reports 200, and sees 40% on the pledge and the campaign total move; then the same in Spanish.
 * Someone without an account offers a commitment on the public form, and the alliance admin turns
 * it into a pledge. Real UI, real API, real PostgreSQL.
 */

/** Unique per run, so the journey never trips over its own earlier data. */
const stamp = Date.now().toString(36);
const SLUG = 'grassroots-migrants-agenda';
const CAMPAIGN_NAME = 'Grassroots Migrants Agenda';
const PLEDGED = 500;
const REPORTED = 200;
const offer = {
  organizationName: `Vecinos Unidos E2E ${stamp}`,
  contactName: 'Marisol',
  email: `marisol.${stamp}@example.org`,
  phone: '+1 312 555 0199',
  quantity: 75,
};
const demoCoordinator = () => ({ email: 'coordinator@demo.unidos.local', password: admin().password });

/** Translation keys leaking into the page, e.g. `unidos.progress.goal_line`. */
const RAW_KEY = /\b(?:ra|unidos|enums|resources)\.[a-z_-]+\.[a-z_.-]+\b/i;

const bodyText = (page: Page) => page.locator('body').innerText();

async function expectNoRawKeys(page: Page): Promise<void> {
  expect((await bodyText(page)).match(RAW_KEY)?.[0] ?? null).toBeNull();
}

const query = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Uncaught errors in the page: a screen that crashes quietly is a failure too. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Days from today as `YYYY-MM-DD`, what a date input takes. */
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A whole number as the admin shows it in both languages (`en-US` / `es-US` group with commas). */
const grouped = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Lang = 'en' | 'es';
interface CallsLine {
  reported: number;
  target: number;
  pledged: number;
}

/** The calls goal sentence, e.g. "200 of 20,000 calls reported (1%) · 500 pledged", as a pattern. */
function callsLinePattern(lang: Lang, line?: CallsLine): RegExp {
  const num = (n: number | undefined) => (n === undefined ? '([\\d,]+)' : `(${escape(grouped(n))})`);
  const [reported, target, pledged] = [num(line?.reported), num(line?.target), num(line?.pledged)];
  return lang === 'en'
    ? new RegExp(`^${reported} of ${target} calls reported \\(\\d+\\s?%\\) · ${pledged} pledged$`)
    : new RegExp(`^Informado: ${reported} de ${target} llamadas \\(\\d+\\s?%\\) · Comprometido: ${pledged}$`);
}

/**
 * Waits until the calls goal line says what the API counts (the page first draws the goals with
 * nothing counted, then the progress), and returns the numbers the person reads.
 */
async function readCallsLine(page: Page, lang: Lang, expected: CallsLine): Promise<CallsLine> {
  const line = page.getByTestId('goal-line-calls');
  await line.filter({ hasText: callsLinePattern(lang, expected) }).waitFor();
  const match = callsLinePattern(lang).exec((await line.innerText()).trim());
  expect(match).not.toBeNull();
  const [reported, target, pledged] = (match ?? []).slice(1, 4).map((n) => Number(n.replace(/,/g, '')));
  return { reported, target, pledged };
}

async function callsProgress(page: Page, campaignId: string): Promise<GoalProgressDto> {
  const response = await page.request.get(`/api/campaigns/${campaignId}/progress`);
  expect(response.status()).toBe(200);
  const progress = (await response.json()) as CampaignProgressDto;
  const calls = progress.goals.find((goal) => goal.metric === 'calls');
  expect(calls).toBeDefined();
  return calls as GoalProgressDto;
}

const lineOf = (goal: GoalProgressDto): CallsLine => ({
  reported: goal.reported,
  target: goal.target ?? 0,
  pledged: goal.pledged,
});

/** One of the show page's titled cards, by its heading. */
const section = (page: Page, title: string): Locator =>
  page
    .locator('.MuiCardContent-root')
    .filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });

/** Signs in on the login page in the context's language and waits for the menu. */
async function signIn(page: Page, lang: Lang): Promise<MeDto> {
  const t =
    lang === 'en'
      ? { email: /^Email/, password: /^Password/, submit: 'Sign in', menu: 'Campaigns' }
      : { email: /^Correo electrónico/, password: /^Contraseña/, submit: 'Iniciar sesión', menu: 'Campañas' };
  await page.goto('/');
  await page.waitForURL(/\/login$/);
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  await page.getByLabel(t.email).fill(demoCoordinator().email);
  await page.getByLabel(t.password).fill(demoCoordinator().password);
  await page.getByRole('button', { name: t.submit }).click();
  await page.getByRole('menuitem', { name: t.menu }).waitFor();
  return (await (await page.request.get('/api/auth/me')).json()) as MeDto;
}

/** Campaigns in the menu, then the campaign's row; returns the campaign's id from the address. */
async function openCampaign(page: Page, menu: string): Promise<string> {
  await page.getByRole('menuitem', { name: menu }).click();
  await page.waitForURL(/\/campaigns(\?|$)/);
  // In the list itself: the dashboard, still on screen for a moment, links the campaign too.
  await page.locator('.RaList-main').getByRole('link', { name: CAMPAIGN_NAME, exact: true }).click();
  await page.waitForURL(/\/campaigns\/[^/]+\/show$/);
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
}

/** Waits until an input shows this value. */
async function waitForValue(input: Locator, value: string): Promise<void> {
  const handle = await input.elementHandle();
  await input
    .page()
    .waitForFunction(([element, wanted]) => (element as HTMLInputElement).value === wanted, [
      handle,
      value,
    ] as const);
}

/** The pledge form opened from the campaign: the campaign chosen, then metric, quantity, due date. */
async function pledgeCalls(
  page: Page,
  t: {
    pledge: string;
    campaign: RegExp;
    metric: RegExp;
    calls: string;
    quantity: RegExp;
    due: RegExp;
    save: string;
  },
  campaignId: string,
): Promise<string> {
  await page.getByRole('link', { name: t.pledge, exact: true }).click();
  await page.waitForURL(/\/pledges\/create\?/);
  expect(JSON.parse(new URL(page.url()).searchParams.get('source') ?? '{}')).toEqual({ campaignId });
  const campaign = page.getByRole('combobox', { name: t.campaign });
  // The campaign comes preselected (its name arrives with the reference's answer).
  await waitForValue(campaign, CAMPAIGN_NAME);
  await page.getByRole('combobox', { name: t.metric }).click();
  await page.getByRole('option', { name: t.calls, exact: true }).click();
  await page.getByLabel(t.quantity).fill(String(PLEDGED));
  await page.getByLabel(t.due).fill(isoDay(30));
  const created = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/pledges' && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: t.save, exact: true }).click();
  expect((await created).status()).toBe(201);
  await page.waitForURL(/\/pledges\/[^/]+\/show$/);
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
}

/** "Report progress" on the pledge page: the quantity done, today's date, a note. */
async function reportProgress(
  page: Page,
  t: { quantity: RegExp; date: RegExp; note: RegExp; submit: string },
  note: string,
): Promise<void> {
  const quantity = page.getByLabel(t.quantity);
  await quantity.waitFor();
  // The date starts at today (the browser's own day).
  expect(await page.getByLabel(t.date).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await quantity.fill(String(REPORTED));
  await page.getByLabel(t.note).fill(note);
  const created = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/pledge-reports' && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: t.submit, exact: true }).click();
  expect((await created).status()).toBe(201);
}

async function expectPledgeStored(page: Page, pledgeId: string, organizationId: string): Promise<void> {
  const response = await page.request.get(`/api/pledges/${pledgeId}`);
  expect(response.status()).toBe(200);
  const pledge = (await response.json()) as PledgeDto;
  expect({
    organizationId: pledge.organizationId,
    metric: pledge.metric,
    quantity: pledge.quantity,
    reported: pledge.reported,
    percent: pledge.percent,
    status: pledge.status,
    dueOn: pledge.dueOn,
  }).toEqual({
    organizationId,
    metric: 'calls',
    quantity: PLEDGED,
    reported: REPORTED,
    percent: 40,
    status: 'open',
    dueOn: isoDay(30),
  });
}

describe('campaign journey: endorse, pledge and report in English and Spanish; a public offer becomes a pledge', () => {
  let browser: Browser;
  let englishContext: BrowserContext;
  let spanishContext: BrowserContext;
  let publicContext: BrowserContext;
  let adminContext: BrowserContext;
  let coordinator: Page;
  let me: MeDto;
  let campaignId = '';
  let organizationName = '';

  beforeAll(async () => {
    browser = await launch();
    englishContext = await newContext(browser, 'en-US');
    spanishContext = await newContext(browser, 'es-MX');
    publicContext = await newContext(browser, 'es-MX');
    adminContext = await newContext(browser, 'en-US');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('in English, the coordinator endorses, pledges 500 calls, reports 200 and sees the totals move', async () => {
    coordinator = await englishContext.newPage();
    const errors = collectPageErrors(coordinator);
    let before: CallsLine = { reported: 0, target: 0, pledged: 0 };
    let apiBefore: GoalProgressDto;
    let pledgeId = '';

    await step(coordinator, 'en: the demo coordinator signs in', async () => {
      me = await signIn(coordinator, 'en');
      expect(me.role).toBe('org_coordinator');
      expect(me.organizationId).toBeTruthy();
      const org = await coordinator.request.get(`/api/organizations/${me.organizationId}`);
      expect(org.status()).toBe(200);
      organizationName = ((await org.json()) as OrganizationDto).name;
    });

    await step(coordinator, 'en: the API has the active campaign with its calls goal', async () => {
      const response = await coordinator.request.get(`/api/campaigns?${query({ q: CAMPAIGN_NAME })}`);
      expect(response.status()).toBe(200);
      const campaign = ((await response.json()) as CampaignDto[]).find((c) => c.slug === SLUG);
      expect(campaign?.status).toBe('active');
      campaignId = campaign?.id ?? '';
      apiBefore = await callsProgress(coordinator, campaignId);
      expect(apiBefore.target).toBe(20_000);
    });

    await step(
      coordinator,
      'en: open Campaigns → Grassroots Migrants Agenda and read the calls goal',
      async () => {
        expect(await openCampaign(coordinator, 'Campaigns')).toBe(campaignId);
        for (const title of ['Demands', 'Goals and progress', 'By organization', 'Endorsements'])
          await coordinator.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
        // The four demands, in order.
        const demands = section(coordinator, 'Demands').getByRole('listitem');
        await demands.nth(3).waitFor();
        expect(await demands.count()).toBe(4);
        before = await readCallsLine(coordinator, 'en', lineOf(apiBefore));
        expect(before).toEqual(lineOf(apiBefore));
        await expectNoRawKeys(coordinator);
        await screenshot(coordinator, 'campaigns-01-campaign-before');
      },
    );

    await step(coordinator, 'en: Endorse (withdrawing an earlier endorsement first)', async () => {
      const own = await coordinator.request.get(
        `/api/endorsements?${query({ campaignId, organizationId: me.organizationId })}`,
      );
      expect(own.status()).toBe(200);
      const withdraw = coordinator.getByRole('button', { name: 'Withdraw endorsement', exact: true });
      const endorse = coordinator.getByRole('button', { name: 'Endorse', exact: true });
      await withdraw.or(endorse).first().waitFor();
      if (((await own.json()) as EndorsementDto[]).length > 0) {
        // The demo may already have the organization among the endorsers.
        await withdraw.click();
        const dialog = coordinator.getByRole('dialog');
        await dialog.getByText(`Withdraw the endorsement of ${organizationName}?`).waitFor();
        await dialog.getByRole('button', { name: 'Withdraw endorsement' }).click();
        await coordinator.getByText(`The endorsement of ${organizationName} was withdrawn`).waitFor();
        await dialog.waitFor({ state: 'detached' });
      }
      await endorse.click();
      await coordinator.getByText(`${organizationName} endorses the campaign`).waitFor();
      await withdraw.waitFor();
      await section(coordinator, 'Endorsements')
        .getByRole('link', { name: organizationName, exact: true })
        .waitFor();
      const after = await coordinator.request.get(
        `/api/endorsements?${query({ campaignId, organizationId: me.organizationId })}`,
      );
      expect(((await after.json()) as EndorsementDto[]).map((e) => e.organizationId)).toEqual([
        me.organizationId,
      ]);
    });

    await step(coordinator, 'en: Pledge 500 calls with a due date', async () => {
      pledgeId = await pledgeCalls(
        coordinator,
        {
          pledge: 'Pledge',
          campaign: /^Campaign/,
          metric: /^Metric/,
          calls: 'Calls',
          quantity: /^Quantity/,
          due: /^Due date/,
          save: 'Save',
        },
        campaignId,
      );
      await coordinator.getByText('Element created').waitFor();
      await coordinator.getByTestId('pledge-progress').getByText('0 of 500 calls (0%)').waitFor();
    });

    await step(coordinator, 'en: report 200 calls and see 40% on the pledge', async () => {
      await reportProgress(
        coordinator,
        { quantity: /^Quantity done/, date: /^Date/, note: /^Note/, submit: 'Report progress' },
        `Phone bank night ${stamp}`,
      );
      await coordinator.getByText('Reported: 200 calls').waitFor();
      const progress = coordinator.getByTestId('pledge-progress');
      await progress.getByText('200 of 500 calls (40%)', { exact: true }).waitFor();
      expect(await progress.innerText()).toContain('40%');
      await coordinator.getByRole('cell', { name: `Phone bank night ${stamp}` }).waitFor();
      await expectPledgeStored(coordinator, pledgeId, me.organizationId as string);
      await expectNoRawKeys(coordinator);
      await screenshot(coordinator, 'campaigns-02-pledge-40-percent');
    });

    await step(
      coordinator,
      'en: back on the campaign, calls moved by exactly +200 reported, +500 pledged',
      async () => {
        await coordinator.getByRole('link', { name: 'Campaign', exact: true }).click();
        await coordinator.waitForURL(`**/campaigns/${encodeURIComponent(campaignId)}/show`);
        const expected = {
          ...before,
          reported: before.reported + REPORTED,
          pledged: before.pledged + PLEDGED,
        };
        expect(await readCallsLine(coordinator, 'en', expected)).toEqual(expected);
        const api = await callsProgress(coordinator, campaignId);
        expect(lineOf(api)).toEqual(expected);
        expect(api.pledges).toBe(apiBefore.pledges + 1);
        await section(coordinator, 'By organization').getByText(organizationName).first().waitFor();
        await expectNoRawKeys(coordinator);
        await screenshot(coordinator, 'campaigns-03-campaign-after');
      },
    );
    expect(errors).toEqual([]);
  });

  it('in Spanish, the coordinator pledges 500 calls, reports 200 and sees the total move again', async () => {
    const page = await spanishContext.newPage();
    const errors = collectPageErrors(page);
    let before: CallsLine = { reported: 0, target: 0, pledged: 0 };
    let pledgeId = '';

    await step(page, 'es: the demo coordinator signs in in Spanish', async () => {
      expect((await signIn(page, 'es')).id).toBe(me.id);
    });

    await step(page, 'es: open Campañas → the campaign, in Spanish', async () => {
      const apiBefore = await callsProgress(page, campaignId);
      expect(await openCampaign(page, 'Campañas')).toBe(campaignId);
      for (const title of ['Demandas', 'Metas y avance', 'Por organización', 'Adhesiones'])
        await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
      // Endorsed in English a moment ago: the same organization, now offered the withdrawal.
      await page.getByRole('button', { name: 'Retirar la adhesión', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Adherirse', exact: true }).count()).toBe(0);
      await section(page, 'Adhesiones').getByRole('link', { name: organizationName, exact: true }).waitFor();
      before = await readCallsLine(page, 'es', lineOf(apiBefore));
      await expectNoRawKeys(page);
      await screenshot(page, 'campaigns-04-campaign-es-before');
    });

    await step(page, 'es: Comprometerse con 500 llamadas', async () => {
      pledgeId = await pledgeCalls(
        page,
        {
          pledge: 'Comprometerse',
          campaign: /^Campaña/,
          metric: /^Métrica/,
          calls: 'Llamadas',
          quantity: /^Cantidad/,
          due: /^Fecha límite/,
          save: 'Guardar',
        },
        campaignId,
      );
      await page.getByText('Elemento creado').waitFor();
      await page.getByTestId('pledge-progress').getByText('0 de 500 llamadas (0%)').waitFor();
    });

    await step(page, 'es: Informar avance de 200 y ver 40%', async () => {
      await page.getByRole('heading', { level: 2, name: 'Informar avance', exact: true }).waitFor();
      await reportProgress(
        page,
        { quantity: /^Cantidad realizada/, date: /^Fecha/, note: /^Nota/, submit: 'Informar avance' },
        `Noche de llamadas ${stamp}`,
      );
      await page.getByText('Informado: 200 llamadas').waitFor();
      const progress = page.getByTestId('pledge-progress');
      await progress.getByText('200 de 500 llamadas (40%)', { exact: true }).waitFor();
      await expectPledgeStored(page, pledgeId, me.organizationId as string);
      await expectNoRawKeys(page);
      await screenshot(page, 'campaigns-05-pledge-es-40-percent');
    });

    await step(page, 'es: back on the campaign, calls moved again by +200 / +500', async () => {
      await page.getByRole('link', { name: 'Campaña', exact: true }).click();
      await page.waitForURL(`**/campaigns/${encodeURIComponent(campaignId)}/show`);
      const expected = { ...before, reported: before.reported + REPORTED, pledged: before.pledged + PLEDGED };
      expect(await readCallsLine(page, 'es', expected)).toEqual(expected);
      expect(lineOf(await callsProgress(page, campaignId))).toEqual(expected);
      await expectNoRawKeys(page);
      await screenshot(page, 'campaigns-06-campaign-es-after');
    });
    expect(errors).toEqual([]);
  });

  it('a group commits on the public form in Spanish, and the admin accepts the offer as a pledge', async () => {
    const visitor = await publicContext.newPage();
    const visitorErrors = collectPageErrors(visitor);

    await step(visitor, 'public: open the commitment form in Spanish, signed out', async () => {
      await visitor.goto(`/commit/${SLUG}?lang=es`);
      await visitor.getByRole('heading', { level: 1, name: CAMPAIGN_NAME }).waitFor();
      await visitor.getByRole('heading', { level: 2, name: 'Comprométete a participar' }).waitFor();
      await visitor.getByRole('heading', { name: 'Nuestras demandas' }).waitFor();
      expect(await visitor.locator('html').getAttribute('lang')).toBe('es');
      expect((await visitor.request.get('/api/auth/me')).status()).toBe(401);
    });

    await step(visitor, 'public: fill the form and send the commitment', async () => {
      // Known bug (reported): about 7 s after a signed-out visitor opens a public page, the admin's
      // failing permissions check sends them to /login. The journey stays within that window.
      await visitor.getByLabel(/^Nombre de la organización o grupo/).fill(offer.organizationName);
      await visitor.getByLabel(/^Tu nombre/).fill(offer.contactName);
      await visitor.getByLabel(/^Correo electrónico/).fill(offer.email);
      await visitor.getByLabel(/^Teléfono/).fill(offer.phone);
      await visitor.getByLabel(/^A qué te comprometes/).selectOption('calls');
      await visitor.getByLabel(/^Cuánto/).fill(String(offer.quantity));
      await expectNoRawKeys(visitor);
      await screenshot(visitor, 'campaigns-07-public-form-es');
      const sent = visitor.waitForResponse(
        (r) => new URL(r.url()).pathname === `/api/public/campaigns/${SLUG}/pledges`,
      );
      await visitor.getByRole('button', { name: 'Enviar mi compromiso' }).click();
      expect((await sent).status()).toBe(201);
      await visitor.getByRole('heading', { name: '¡Gracias!' }).waitFor();
      expect(await visitor.getByRole('status').innerText()).toContain(offer.organizationName);
      await screenshot(visitor, 'campaigns-08-public-thank-you-es');
    });
    expect(visitorErrors).toEqual([]);

    const adminPage = await adminContext.newPage();
    const adminErrors = collectPageErrors(adminPage);
    let offerId = '';

    await step(adminPage, 'admin: sign in and turn on two-factor sign-in if required', async () => {
      await signInAsAdmin(adminPage);
      await enrollAdminTotpIfRequired(adminPage);
    });

    await step(adminPage, 'admin: find the offer among the pending Offers', async () => {
      await adminPage.getByRole('menuitem', { name: 'Offers' }).click();
      await adminPage.waitForURL(/\/pledge-offers(\?|$)/);
      // In the list itself (the dashboard may still be on screen for a moment).
      const name = adminPage.getByRole('link', { name: offer.organizationName, exact: true });
      const row = adminPage.locator('.RaList-main tbody tr').filter({ has: name });
      const link = row.getByRole('link', { name: offer.organizationName, exact: true });
      await link.waitFor();
      await row.getByText('Calls', { exact: true }).waitFor();
      await row.getByText(String(offer.quantity), { exact: true }).waitFor();
      await row.getByText('Pending', { exact: true }).waitFor();
      await link.click();
      await adminPage.waitForURL(/\/pledge-offers\/[^/]+\/show$/);
      offerId = decodeURIComponent(new URL(adminPage.url()).pathname.split('/')[2]);
      await adminPage.getByText(offer.email).waitFor();
    });

    await step(adminPage, "admin: Accept it as the demo coordinator's organization's pledge", async () => {
      await adminPage.getByRole('button', { name: 'Accept', exact: true }).click();
      const dialog = adminPage.getByRole('dialog');
      await dialog.getByText(`Accept the offer of ${offer.organizationName}?`).waitFor();
      const member = dialog.getByRole('combobox', { name: /^Member organization/ });
      await member.fill(organizationName);
      await adminPage.getByRole('option', { name: organizationName, exact: true }).click();
      expect(await member.inputValue()).toBe(organizationName);
      await dialog.getByLabel(/^Due date/).fill(isoDay(45));
      const accepted = adminPage.waitForResponse(
        (r) => new URL(r.url()).pathname === `/api/pledge-offers/${offerId}/accept`,
      );
      await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
      expect((await accepted).status()).toBeLessThan(300);
      await adminPage.getByText(`The offer of ${offer.organizationName} is now a pledge.`).waitFor();
      await adminPage.getByText('Accepted: this offer is now a pledge.').waitFor();
      expect(await adminPage.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);
      await expectNoRawKeys(adminPage);
      await screenshot(adminPage, 'campaigns-09-offer-accepted');
    });

    await step(adminPage, 'admin: "Open the pledge" shows the pledge with that quantity', async () => {
      await adminPage.getByRole('link', { name: 'Open the pledge' }).click();
      await adminPage.waitForURL(/\/pledges\/[^/]+\/show$/);
      const pledgeId = decodeURIComponent(new URL(adminPage.url()).pathname.split('/')[2]);
      await adminPage
        .getByTestId('pledge-progress')
        .getByText(`0 of ${offer.quantity} calls (0%)`, { exact: true })
        .waitFor();
      await adminPage.locator('.ra-field-organizationId').getByText(organizationName).waitFor();
      const stored = (await (
        await adminPage.request.get(`/api/pledge-offers/${offerId}`)
      ).json()) as PledgeOfferDto;
      expect(stored).toMatchObject({ status: 'accepted', pledgeId, organizationId: me.organizationId });
      const pledge = (await (await adminPage.request.get(`/api/pledges/${pledgeId}`)).json()) as PledgeDto;
      expect(pledge).toMatchObject({
        campaignId,
        organizationId: me.organizationId,
        metric: 'calls',
        quantity: offer.quantity,
        reported: 0,
        dueOn: isoDay(45),
      });
      await expectNoRawKeys(adminPage);
      await screenshot(adminPage, 'campaigns-10-pledge-from-offer');
    });
    expect(adminErrors).toEqual([]);
  });
});
