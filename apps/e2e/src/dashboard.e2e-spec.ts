import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type {
  AllianceDashboardDto,
  CampaignDto,
  MeDto,
  OrganizationDashboardDto,
  OrganizationDto,
  PledgeDto,
} from '@unidos/contracts';
import { enrollAdminTotpIfRequired, signInAsAdmin } from './support/admin-session';
import { admin, baseUrl, launch, screenshot, step } from './support/browser';

/**
 * The dashboard journey: the alliance admin signs in on the coalition dashboard, reads the map,
 * clicks Illinois and lands on the directory filtered to Illinois; the demo coordinator signs in on
 * their organization's dashboard and sees their open pledges, one due in a few days first; both
 * dashboards pass an axe-core check (no serious or critical violation) on a desktop and a phone.
 * Real UI, real API, real PostgreSQL.
 */

const SLUG = 'grassroots-migrants-agenda';
const DUE_IN_DAYS = 3;
const PLEDGED = 120;
const demoCoordinator = () => ({ email: 'coordinator@demo.unidos.local', password: admin().password });
/** Where Illinois on the map leads: the directory with `filter={"state":"IL"}`. */
const ILLINOIS_DIRECTORY = '/organizations?filter=%7B%22state%22%3A%22IL%22%7D';
const PHONE = { width: 390, height: 844 };

/** Translation keys leaking into the page, e.g. `unidos.dashboard.map.title`. */
const RAW_KEY = /\b(?:ra|unidos|enums|resources)\.[a-z_-]+\.[a-z_.-]+\b/i;

async function expectNoRawKeys(page: Page): Promise<void> {
  expect((await page.locator('body').innerText()).match(RAW_KEY)?.[0] ?? null).toBeNull();
}

const query = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Uncaught errors in the page: a screen that crashes quietly is a failure too. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Days from today as `YYYY-MM-DD`. */
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A plain date as the dashboard writes it in English ("Nov 24, 2026"). */
const shownDay = (value: string) =>
  new Date(`${value}T00:00:00Z`).toLocaleDateString('en-US', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * A context for axe-core: the admin's Content-Security-Policy would refuse the injected script, so
 * this context bypasses it (the page itself is the same).
 */
async function axeContext(
  browser: Browser,
  options: { phone?: boolean; storageState?: Awaited<ReturnType<BrowserContext['storageState']>> } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'en-US',
    viewport: options.phone ? PHONE : { width: 1280, height: 860 },
    isMobile: options.phone ?? false,
    hasTouch: options.phone ?? false,
    bypassCSP: true,
    // The charts then draw at once (the dashboard honours the setting), so screenshots are whole.
    reducedMotion: 'reduce',
    storageState: options.storageState,
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Waits until the dashboard, its map (alliance) and its charts have loaded. */
async function dashboardLoaded(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.getByTestId('dashboard-chart-progress').waitFor();
  await page.waitForFunction(() => {
    const dashboard = document.querySelector('[data-testid="dashboard"]') as HTMLElement | null;
    return dashboard !== null && !/Loading|Cargando/.test(dashboard.innerText);
  });
}

interface Finding {
  id: string;
  impact: string | null | undefined;
  targets: string[];
}

/** axe-core on the whole page: its serious and critical violations, with the elements they hit. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run(),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

describe('dashboard journey: the coalition map to the Illinois directory, a coordinator’s due pledges, axe-core', () => {
  let browser: Browser;
  let adminContext: BrowserContext;
  let coordinatorContext: BrowserContext;
  let adminPage: Page;
  let adminErrors: string[] = [];
  let organizationName = '';
  let pledgeId = '';

  beforeAll(async () => {
    browser = await launch();
    adminContext = await axeContext(browser);
    coordinatorContext = await axeContext(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the alliance admin signs in on the coalition dashboard with its map, accessible on desktop and phone', async () => {
    adminPage = await adminContext.newPage();
    adminErrors = collectPageErrors(adminPage);

    await step(adminPage, 'admin: sign in and turn on two-factor sign-in if required', async () => {
      await signInAsAdmin(adminPage);
      await enrollAdminTotpIfRequired(adminPage);
    });

    await step(adminPage, 'admin: the coalition dashboard, with Illinois on the map', async () => {
      await adminPage.goto('/');
      await dashboardLoaded(adminPage, 'Coalition dashboard');
      const map = adminPage.getByTestId('dashboard-state-map');
      await map.getByRole('group', { name: /^Map of the United States/ }).waitFor();
      expect(await map.isVisible()).toBe(true);
      const illinois = adminPage.getByRole('link', { name: /^Illinois: \d+ member organizations?/ });
      expect(await illinois.isVisible()).toBe(true);
      expect(await illinois.getAttribute('data-testid')).toBe('map-state-IL');
      // The number it says is the API's count of active members in Illinois.
      const response = await adminPage.request.get('/api/dashboard/alliance');
      expect(response.status()).toBe(200);
      const data = (await response.json()) as AllianceDashboardDto;
      const row = data.membership.byState.find((r) => r.state === 'IL');
      expect(row?.active).toBeGreaterThan(0);
      const label = (await illinois.getAttribute('aria-label')) ?? '';
      expect(Number(/^Illinois: (\d+)/.exec(label)?.[1])).toBe(row?.active);
      await expectNoRawKeys(adminPage);
      await screenshot(adminPage, 'dashboard-01-alliance-desktop');
    });

    await step(adminPage, 'admin: axe-core finds no serious or critical violation (desktop)', async () => {
      // react-admin names its user menu button "Profile" while it shows the user's name
      // (`label-content-name-mismatch` on `.RaUserMenu-userButton`, WCAG 2.5.3); the layout names
      // it by what it shows, so no exception is needed.
      const userButton = adminPage.locator('.RaUserMenu-userButton');
      expect(await userButton.getAttribute('aria-label')).toBe((await userButton.innerText()).trim());
      expect(await seriousViolations(adminPage)).toEqual([]);
    });

    const phoneContext = await axeContext(browser, {
      phone: true,
      storageState: await adminContext.storageState(),
    });
    const phone = await phoneContext.newPage();
    const phoneErrors = collectPageErrors(phone);
    await step(
      phone,
      'admin phone: the same dashboard fits a 390-wide screen and passes axe-core',
      async () => {
        await phone.goto('/');
        await dashboardLoaded(phone, 'Coalition dashboard');
        await phone.getByTestId('map-state-IL').waitFor();
        expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          PHONE.width,
        );
        await screenshot(phone, 'dashboard-02-alliance-phone');
        expect(await seriousViolations(phone)).toEqual([]);
      },
    );
    expect(phoneErrors).toEqual([]);
    await phoneContext.close();
    expect(adminErrors).toEqual([]);
  });

  it('clicking Illinois lands on the directory filtered to Illinois', async () => {
    await step(adminPage, 'admin: click Illinois on the map', async () => {
      await adminPage.getByTestId('map-state-IL').click();
      await adminPage.waitForURL((url) => `${url.pathname}${url.search}` === ILLINOIS_DIRECTORY);
      expect(JSON.parse(new URL(adminPage.url()).searchParams.get('filter') ?? '{}')).toEqual({
        state: 'IL',
      });
    });

    await step(adminPage, 'admin: every row of the directory is in Illinois, as the API says', async () => {
      const response = await adminPage.request.get(
        `/api/organizations?${query({ state: 'IL' })}&range=[0,99]`,
      );
      expect(response.status()).toBe(200);
      const rows = (await response.json()) as OrganizationDto[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((o) => o.state === 'IL')).toBe(true);
      const list = adminPage.locator('.RaList-main');
      const body = list.locator('tbody tr');
      await body.nth(rows.length - 1).waitFor();
      await body.nth(rows.length).waitFor({ state: 'detached' });
      const headers = (await list.locator('thead th').allInnerTexts()).map((text) => text.trim());
      const stateColumn = headers.indexOf('State');
      expect(stateColumn).toBeGreaterThan(0);
      const states = await body.evaluateAll(
        (trs, column) => trs.map((tr) => (tr.children[column] as HTMLElement).innerText.trim()),
        stateColumn,
      );
      expect(states).toEqual(rows.map(() => 'Illinois'));
      for (const organization of rows)
        await list.getByRole('link', { name: organization.name, exact: true }).waitFor();
      await expectNoRawKeys(adminPage);
      await screenshot(adminPage, 'dashboard-03-directory-illinois');
    });
    expect(adminErrors).toEqual([]);
  });

  it('the demo coordinator sees their open pledges, the one due soonest first; accessible on desktop and phone', async () => {
    const page = await coordinatorContext.newPage();
    const errors = collectPageErrors(page);
    let me: MeDto;

    await step(page, 'coordinator: sign in on their organization’s dashboard', async () => {
      await page.goto('/');
      await page.waitForURL(/\/login$/);
      await page.getByLabel(/^Email/).fill(demoCoordinator().email);
      await page.getByLabel(/^Password/).fill(demoCoordinator().password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
      me = (await (await page.request.get('/api/auth/me')).json()) as MeDto;
      expect(me.role).toBe('org_coordinator');
      const org = await page.request.get(`/api/organizations/${me.organizationId}`);
      organizationName = ((await org.json()) as OrganizationDto).name;
      await page.getByRole('heading', { level: 1, name: `Dashboard of ${organizationName}` }).waitFor();
    });

    await step(page, `coordinator: pledge ${PLEDGED} calls due in ${DUE_IN_DAYS} days (API)`, async () => {
      const campaigns = await page.request.get(
        `/api/campaigns?${query({ q: 'Grassroots Migrants Agenda' })}`,
      );
      const campaign = ((await campaigns.json()) as CampaignDto[]).find((c) => c.slug === SLUG);
      expect(campaign?.status).toBe('active');
      const created = await page.request.post('/api/pledges', {
        data: { campaignId: campaign?.id, metric: 'calls', quantity: PLEDGED, dueOn: isoDay(DUE_IN_DAYS) },
      });
      expect(created.status()).toBe(201);
      const pledge = (await created.json()) as PledgeDto;
      expect(pledge).toMatchObject({
        organizationId: me.organizationId,
        status: 'open',
        dueOn: isoDay(DUE_IN_DAYS),
      });
      pledgeId = pledge.id;
    });

    await step(
      page,
      'coordinator: "Our open pledges" lists every open pledge, the new one first',
      async () => {
        await page.reload();
        await dashboardLoaded(page, `Dashboard of ${organizationName}`);
        const card = page.getByTestId('dashboard-our-pledges');
        await card.getByRole('heading', { level: 2, name: 'Our open pledges' }).waitFor();
        const api = (await (
          await page.request.get('/api/dashboard/organization')
        ).json()) as OrganizationDashboardDto;
        expect(api.openPledges.length).toBeGreaterThan(0);
        expect(api.openPledges[0].id).toBe(pledgeId);
        const items = card.getByRole('list', { name: 'Our open pledges' }).locator(':scope > li');
        await items.nth(api.openPledges.length - 1).waitFor();
        expect(await items.count()).toBe(api.openPledges.length);
        const first = items.first();
        expect(await first.getByRole('link').getAttribute('href')).toBe(`/pledges/${pledgeId}/show`);
        await first.getByText(`Due ${shownDay(isoDay(DUE_IN_DAYS))}`, { exact: true }).waitFor();
        await first.getByText(`0 of ${PLEDGED} calls (0%)`, { exact: true }).waitFor();
        await expectNoRawKeys(page);
        await screenshot(page, 'dashboard-04-coordinator-desktop');
      },
    );

    await step(page, 'coordinator: axe-core finds no serious or critical violation (desktop)', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });

    const phoneContext = await axeContext(browser, {
      phone: true,
      storageState: await coordinatorContext.storageState(),
    });
    const phone = await phoneContext.newPage();
    const phoneErrors = collectPageErrors(phone);
    await step(phone, 'coordinator phone: fits a 390-wide screen and passes axe-core', async () => {
      await phone.goto('/');
      await dashboardLoaded(phone, `Dashboard of ${organizationName}`);
      await phone.getByTestId('dashboard-our-pledges').getByRole('link').first().waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await screenshot(phone, 'dashboard-05-coordinator-phone');
      expect(await seriousViolations(phone)).toEqual([]);
    });
    expect(phoneErrors).toEqual([]);
    await phoneContext.close();
    expect(errors).toEqual([]);
  });

  it('the alliance admin sees that pledge among those due this week', async () => {
    await step(adminPage, 'admin: "Pledges due this week" lists it', async () => {
      await adminPage.goto('/');
      await dashboardLoaded(adminPage, 'Coalition dashboard');
      const card = adminPage.getByTestId('dashboard-pledges-due');
      await card.getByRole('heading', { level: 2, name: 'Pledges due this week' }).waitFor();
      const link = card.locator(`a[href="/pledges/${pledgeId}/show"]`);
      await link.waitFor();
      expect((await link.innerText()).trim()).toBe(organizationName);
    });
    expect(adminErrors).toEqual([]);
  });
});
