import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type {
  EventDetailDto,
  EventTotalsDto,
  MeDto,
  OrganizationDto,
  RsvpDto,
  UserDto,
} from '@unidos/contracts';
import { enrollAdminTotpIfRequired, signInAsAdmin } from './support/admin-session';
import { baseUrl, launch, newContext, screenshot, step } from './support/browser';

/**
 * The joint-event journey: the alliance admin creates a published rally in Chicago's time zone
 * with two co-hosts invited; one co-host's coordinator accepts in Spanish, registers three people
 * by first name, checks two of them in on a phone and counts five walk-ins; every host sees the
 * numbers in the hosts table, and nobody but that organization ever sees the names, not even in
 * the API or the calendar file. Real UI, real API, real PostgreSQL.
 */

/** Unique per run, so the journey never trips over its own earlier data. */
const stamp = Date.now().toString(36);
const title = `Rally E2E ${stamp}`;
const ZONE = 'America/Chicago';
/** Demo member organizations: the lead and the two co-hosts (none of them the demo coordinator's). */
const LEAD = 'Illinois Rapid Response Network';
const CO_HOST = 'Fe y Justicia Aurora';
const OTHER_CO_HOST = 'Twin Cities Migrant Rights Assembly';
const LEAD_GOAL = 20;
/** First names only, unique per run: three registered, the first two checked in. */
const names = [`Itzel${stamp}`, `Yadira${stamp}`, `Nayeli${stamp}`];
const WALK_INS = 5;
const coHostCoordinator = {
  email: `coanfitriona.${stamp}@e2e.unidos.local`,
  password: `coanfitriona ${stamp} contraseña`,
};
const otherCoordinator = {
  email: `other.cohost.${stamp}@e2e.unidos.local`,
  password: `other co-host ${stamp} password`,
};

/** A day a week from now (`YYYY-MM-DD`), and the rally's wall times there, as the form takes them. */
const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const startWall = `${day}T18:00`;
const endWall = `${day}T20:00`;

/** Translation keys leaking into the page, e.g. `unidos.event_hosts.totals`. */
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

/** An instant as the wall clock reads in a zone: `YYYY-MM-DD HH:mm`. */
const wallClock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Signs in on the login page in the context's language and waits for the menu. */
async function signIn(
  page: Page,
  lang: 'en' | 'es',
  who: { email: string; password: string },
): Promise<MeDto> {
  const t =
    lang === 'en'
      ? { email: /^Email/, password: /^Password/, submit: 'Sign in', menu: 'Events' }
      : { email: /^Correo electrónico/, password: /^Contraseña/, submit: 'Iniciar sesión', menu: 'Eventos' };
  await page.goto('/');
  await page.waitForURL(/\/login$/);
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  await page.getByLabel(t.email).fill(who.email);
  await page.getByLabel(t.password).fill(who.password);
  await page.getByRole('button', { name: t.submit }).click();
  await page.getByRole('menuitem', { name: t.menu }).waitFor();
  return (await (await page.request.get('/api/auth/me')).json()) as MeDto;
}

/** Events in the menu, then the rally's row: the event page. */
async function openRally(page: Page, menu: string, eventId: string): Promise<void> {
  await page.getByRole('menuitem', { name: menu }).click();
  await page.waitForURL(/\/events(\?|$)/);
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL(`**/events/${encodeURIComponent(eventId)}/show`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Picks an option of an autocomplete (react-admin `AutocompleteInput`) after typing into it. */
async function choose(page: Page, combobox: Locator, typed: string, option: string | RegExp): Promise<void> {
  await combobox.click();
  await combobox.fill(typed);
  await page
    .getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option })
    .click();
}

type HostColumn = 'going' | 'checkedIn' | 'walkIns';
interface HostsLabels {
  table: string;
  totals: string;
  columns: Record<HostColumn, string>;
}
const HOSTS_EN: HostsLabels = {
  table: 'Hosts',
  totals: 'Totals',
  columns: { going: 'Going', checkedIn: 'Checked in', walkIns: 'Walk-ins' },
};
const HOSTS_ES: HostsLabels = {
  table: 'Anfitrionas',
  totals: 'Totales',
  columns: { going: 'Van', checkedIn: 'Llegaron', walkIns: 'Sin registro' },
};
const EXPECTED = { going: '1', checkedIn: '2', walkIns: String(WALK_INS) };

/**
 * Waits until the hosts table shows these numbers in one host's row (by organization name) or in
 * the totals row (`null`), reading each column under its header; returns the row's numbers.
 */
async function hostNumbers(
  page: Page,
  labels: HostsLabels,
  organization: string | null,
  expected: Record<HostColumn, string>,
): Promise<Record<HostColumn, string>> {
  const table = page.getByRole('table', { name: labels.table, exact: true });
  await table.locator('thead th').first().waitFor();
  const headers = (await table.locator('thead th').allInnerTexts()).map((text) => text.trim());
  const row =
    organization === null
      ? table.locator('tfoot tr').filter({ has: page.getByRole('rowheader', { name: labels.totals }) })
      : table.locator('tbody tr').filter({
          has: page.getByRole('rowheader', { name: organization, exact: true }),
        });
  // The totals row's first cell spans the organization, role and invitation columns.
  const shift = organization === null ? 2 : 0;
  const read = {} as Record<HostColumn, string>;
  for (const column of Object.keys(expected) as HostColumn[]) {
    const index = headers.indexOf(labels.columns[column]);
    expect(index).toBeGreaterThan(0);
    const cell = row.locator(':scope > th, :scope > td').nth(index - shift);
    await cell.filter({ hasText: new RegExp(`^\\s*${escape(expected[column])}\\s*$`) }).waitFor();
    read[column] = (await cell.innerText()).trim();
  }
  return read;
}

/** The page shows none of the three first names, and the API gives this caller no RSVP at all. */
async function expectNoNames(page: Page, eventId: string): Promise<void> {
  const text = await bodyText(page);
  for (const name of names) expect(text).not.toContain(name);
  const rsvps = await page.request.get(`/api/rsvps?${query({ eventId })}`);
  expect(rsvps.status()).toBe(200);
  expect((await rsvps.json()) as RsvpDto[]).toEqual([]);
}

describe('events journey: a rally with two co-hosts, RSVPs, check-in on a phone and walk-ins; totals in both languages', () => {
  let browser: Browser;
  let adminContext: BrowserContext;
  let coHostContext: BrowserContext;
  let phoneContext: BrowserContext;
  let otherContext: BrowserContext;
  let adminPage: Page;
  let coHost: Page;
  let adminErrors: string[] = [];
  let coHostErrors: string[] = [];
  const organizations: Record<string, OrganizationDto> = {};
  let eventId = '';

  beforeAll(async () => {
    browser = await launch();
    adminContext = await newContext(browser, 'en-US');
    coHostContext = await newContext(browser, 'es-MX');
    otherContext = await newContext(browser, 'en-US');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the alliance admin creates a published rally in Chicago with two co-hosts invited', async () => {
    adminPage = await adminContext.newPage();
    adminErrors = collectPageErrors(adminPage);

    await step(adminPage, 'admin: sign in and turn on two-factor sign-in if required', async () => {
      await signInAsAdmin(adminPage);
      await enrollAdminTotpIfRequired(adminPage);
    });

    await step(adminPage, 'admin: a coordinator for each co-host, through the API', async () => {
      for (const name of [LEAD, CO_HOST, OTHER_CO_HOST]) {
        const response = await adminPage.request.get(`/api/organizations?${query({ q: name })}`);
        expect(response.status()).toBe(200);
        const found = ((await response.json()) as OrganizationDto[]).find((o) => o.name === name);
        expect(found?.membershipStatus).toBe('active');
        organizations[name] = found as OrganizationDto;
      }
      for (const [who, organization, language] of [
        [coHostCoordinator, CO_HOST, 'es'],
        [otherCoordinator, OTHER_CO_HOST, 'en'],
      ] as const) {
        const created = await adminPage.request.post('/api/users', {
          data: {
            email: who.email,
            displayName: `Coordinator ${organization} ${stamp}`,
            role: 'org_coordinator',
            organizationId: organizations[organization].id,
            password: who.password,
            preferredLanguage: language,
          },
        });
        expect(created.status()).toBe(201);
        const user = (await created.json()) as UserDto;
        expect({ role: user.role, organizationId: user.organizationId }).toEqual({
          role: 'org_coordinator',
          organizationId: organizations[organization].id,
        });
      }
    });

    await step(adminPage, 'admin: fill the event form by its labels', async () => {
      await adminPage.getByRole('menuitem', { name: 'Events' }).click();
      await adminPage.waitForURL(/\/events(\?|$)/);
      await adminPage.getByRole('link', { name: 'Create', exact: true }).click();
      await adminPage.waitForURL(/\/events\/create$/);
      await choose(adminPage, adminPage.getByRole('combobox', { name: /^Lead organization/ }), LEAD, LEAD);
      // A rally unless told otherwise.
      expect(await adminPage.getByRole('combobox', { name: /^Kind/ }).innerText()).toContain('Rally');
      await adminPage.getByLabel(/^Title/).fill(title);
      await adminPage
        .getByLabel(/^Description/)
        .fill('Marchamos juntas por la legalización. We march together for legalization.');
      await choose(
        adminPage,
        adminPage.getByRole('combobox', { name: /^Time zone/ }),
        'Chicago',
        /^Central Time — America\/Chicago \(UTC[−+]\d{2}:\d{2}\)$/,
      );
      await adminPage.getByLabel(/^Starts/).fill(startWall);
      await adminPage.getByLabel(/^Ends/).fill(endWall);
      await adminPage.getByLabel('Venue', { exact: true }).fill('Federal Plaza');
      await adminPage.getByLabel('City', { exact: true }).fill('Chicago');
      await adminPage.getByRole('combobox', { name: /^State/ }).click();
      await adminPage.getByRole('option', { name: 'Illinois', exact: true }).click();
      await adminPage.getByLabel(/^Lead's turnout goal/).fill(String(LEAD_GOAL));
      const coHosts = adminPage.getByRole('combobox', { name: /^Co-hosts to invite/ });
      for (const name of [CO_HOST, OTHER_CO_HOST]) await choose(adminPage, coHosts, name, name);
      await adminPage.getByRole('combobox', { name: /^Status/ }).click();
      await adminPage.getByRole('option', { name: 'Published', exact: true }).click();
      await expectNoRawKeys(adminPage);
      await screenshot(adminPage, 'events-01-create-form');
    });

    await step(adminPage, 'admin: save, and land on the event page', async () => {
      const created = adminPage.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/events' && r.request().method() === 'POST',
      );
      await adminPage.getByRole('button', { name: 'Save', exact: true }).click();
      expect((await created).status()).toBe(201);
      await adminPage.waitForURL(/\/events\/[^/]+\/show$/);
      eventId = decodeURIComponent(new URL(adminPage.url()).pathname.split('/')[2]);
      await adminPage.getByText('Element created').waitFor();
      await adminPage.getByRole('heading', { level: 1, name: title }).waitFor();
      await adminPage.getByText(`Time zone of the event: ${ZONE}`).waitFor();
    });

    await step(
      adminPage,
      'admin: the API stored the wall times in Chicago, published, hosts invited',
      async () => {
        const response = await adminPage.request.get(`/api/events/${eventId}`);
        expect(response.status()).toBe(200);
        const event = (await response.json()) as EventDetailDto;
        expect({
          title: event.title,
          kind: event.kind,
          status: event.status,
          timeZone: event.timeZone,
          city: event.city,
          state: event.state,
          leadOrganizationId: event.leadOrganizationId,
          start: wallClock(event.startsAt, ZONE),
          end: wallClock(event.endsAt, ZONE),
        }).toEqual({
          title,
          kind: 'rally',
          status: 'published',
          timeZone: ZONE,
          city: 'Chicago',
          state: 'IL',
          leadOrganizationId: organizations[LEAD].id,
          start: startWall.replace('T', ' '),
          end: endWall.replace('T', ' '),
        });
        const hosts = event.hosts
          .map((h) => [h.organizationName, h.role, h.status, h.turnoutGoal])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
        expect(hosts).toEqual(
          [
            [LEAD, 'lead', 'accepted', LEAD_GOAL],
            [CO_HOST, 'co_host', 'invited', null],
            [OTHER_CO_HOST, 'co_host', 'invited', null],
          ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        );
        await hostNumbers(adminPage, HOSTS_EN, CO_HOST, { going: '0', checkedIn: '0', walkIns: '0' });
        await expectNoRawKeys(adminPage);
        await screenshot(adminPage, 'events-02-event-created');
      },
    );
    expect(adminErrors).toEqual([]);
  });

  it('in Spanish, the co-host accepts, registers three people by first name, and sees them', async () => {
    coHost = await coHostContext.newPage();
    coHostErrors = collectPageErrors(coHost);

    await step(coHost, 'es: the co-host coordinator signs in and opens the rally', async () => {
      const me = await signIn(coHost, 'es', coHostCoordinator);
      expect(me.organizationId).toBe(organizations[CO_HOST].id);
      await openRally(coHost, 'Eventos', eventId);
    });

    await step(coHost, 'es: accept the invitation to co-host', async () => {
      const invitation = coHost
        .getByRole('alert')
        .filter({ hasText: 'Su organización está invitada como coanfitriona' });
      await invitation.waitFor();
      await invitation.getByRole('button', { name: 'Aceptar', exact: true }).click();
      await coHost.getByText('Su organización es coanfitriona del evento').waitFor();
      await invitation.waitFor({ state: 'detached' });
      await coHost.getByRole('heading', { level: 2, name: 'Nuestra gente', exact: true }).waitFor();
      await coHost.getByText('Todavía no hay nadie de su organización registrado.').waitFor();
    });

    for (const name of names) {
      await step(coHost, `es: register ${name} by first name only, going`, async () => {
        await coHost.getByRole('button', { name: 'Registrar a alguien', exact: true }).click();
        const dialog = coHost.getByRole('dialog', { name: 'Registrar a alguien' });
        await dialog.getByLabel(/^O solo un nombre de pila/).fill(name);
        expect(await dialog.getByRole('radio', { name: 'Va', exact: true }).isChecked()).toBe(true);
        if (name === names[0]) await screenshot(coHost, 'events-03-register-dialog-es');
        const created = coHost.waitForResponse(
          (r) => new URL(r.url()).pathname === '/api/rsvps' && r.request().method() === 'POST',
        );
        await dialog.getByRole('button', { name: 'Registrar', exact: true }).click();
        expect((await created).status()).toBe(201);
        await coHost.getByText(`Registro guardado: ${name}`).waitFor();
        await dialog.waitFor({ state: 'detached' });
        await coHost.getByRole('cell', { name: new RegExp(`^${name}`) }).waitFor();
      });
    }

    await step(coHost, 'es: the three are in "Nuestra gente" and the API, going', async () => {
      await coHost.getByText(/^Van: 3 · Quizás: 0/).waitFor();
      const response = await coHost.request.get(`/api/rsvps?${query({ eventId })}`);
      expect(response.status()).toBe(200);
      const rsvps = (await response.json()) as RsvpDto[];
      expect(rsvps.map((r) => [r.name, r.status, r.personId]).sort()).toEqual(
        names.map((name) => [name, 'going', null]).sort(),
      );
      await hostNumbers(coHost, HOSTS_ES, CO_HOST, { going: '3', checkedIn: '0', walkIns: '0' });
      await expectNoRawKeys(coHost);
      await screenshot(coHost, 'events-04-our-people-es');
    });
    expect(coHostErrors).toEqual([]);
  });

  it('on a 390×844 phone, the co-host checks in two people and counts five walk-ins', async () => {
    phoneContext = await browser.newContext({
      baseURL: baseUrl(),
      locale: 'es-MX',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      // The same signed-in coordinator, on their phone.
      storageState: await coHostContext.storageState(),
    });
    phoneContext.setDefaultTimeout(15_000);
    const phone = await phoneContext.newPage();
    const errors = collectPageErrors(phone);
    const counter = phone.locator('#checked-in-count');

    await step(phone, 'phone: open "Registro de llegada" from the event page', async () => {
      await phone.goto(`/events/${encodeURIComponent(eventId)}/show`);
      await phone.getByRole('heading', { level: 1, name: title }).waitFor();
      await phone.getByRole('link', { name: 'Registro de llegada' }).first().click();
      await phone.waitForURL(`**/events/${encodeURIComponent(eventId)}/check-in`);
      await phone.getByRole('heading', { level: 1, name: title }).waitFor();
      await counter.filter({ hasText: /^0 \/ 3$/ }).waitFor();
      for (const name of names)
        await phone.getByRole('button', { name: `Registrar llegada de ${name}`, exact: true }).waitFor();
      // Made for the phone: nothing wider than the screen.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoRawKeys(phone);
      await screenshot(phone, 'events-05-check-in-phone-es');
    });

    await step(phone, `phone: find ${names[0]} by name and check her in`, async () => {
      await phone.getByLabel('Buscar por nombre').fill(names[0]);
      // Only the match stays in the list.
      await phone
        .getByRole('button', { name: `Registrar llegada de ${names[1]}`, exact: true })
        .waitFor({ state: 'detached' });
      await phone.getByRole('button', { name: `Registrar llegada de ${names[0]}`, exact: true }).click();
      await phone.getByText(`Llegada de ${names[0]} registrada`).waitFor();
      await phone.getByRole('button', { name: `Deshacer la llegada de ${names[0]}`, exact: true }).waitFor();
      await counter.filter({ hasText: /^1 \/ 3$/ }).waitFor();
    });

    await step(phone, `phone: clear the search and check in ${names[1]}`, async () => {
      await phone.getByLabel('Buscar por nombre').fill('');
      const checkIn = phone.getByRole('button', { name: `Registrar llegada de ${names[1]}`, exact: true });
      await checkIn.click();
      await phone.getByRole('button', { name: `Deshacer la llegada de ${names[1]}`, exact: true }).waitFor();
      await counter.filter({ hasText: /^2 \/ 3$/ }).waitFor();
      // The third is still expected at the door.
      await phone.getByRole('button', { name: `Registrar llegada de ${names[2]}`, exact: true }).waitFor();
    });

    await step(phone, 'phone: count five walk-ins, one tap at a time', async () => {
      const count = phone.getByRole('status', { name: 'Sin registro' });
      await count.filter({ hasText: /^0$/ }).waitFor();
      const add = phone.getByRole('button', { name: 'Contar una persona sin registro', exact: true });
      for (let n = 1; n <= WALK_INS; n += 1) {
        await add.click();
        await count.filter({ hasText: new RegExp(`^${n}$`) }).waitFor();
      }
      await phone
        .locator('#walk-ins-count')
        .filter({ hasText: new RegExp(`^${WALK_INS}$`) })
        .waitFor();
      await phone
        .locator('#here-count')
        .filter({ hasText: new RegExp(`^${2 + WALK_INS}$`) })
        .waitFor();
      await counter.filter({ hasText: /^2 \/ 3$/ }).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoRawKeys(phone);
      await screenshot(phone, 'events-06-check-in-done-phone-es');
    });
    expect(errors).toEqual([]);
  });

  it("the co-host's event page shows 1 going, 2 checked in, 5 walk-ins, in its row and the totals", async () => {
    await step(coHost, 'es: reload the event page and read the hosts table', async () => {
      await coHost.reload();
      await coHost.getByRole('heading', { level: 1, name: title }).waitFor();
      await coHost.getByRole('heading', { level: 2, name: 'Anfitrionas', exact: true }).waitFor();
      expect(await hostNumbers(coHost, HOSTS_ES, CO_HOST, EXPECTED)).toEqual(EXPECTED);
      expect(await hostNumbers(coHost, HOSTS_ES, null, EXPECTED)).toEqual(EXPECTED);
      await coHost
        .getByText(/^Van: 1 · Quizás: 0 · En lista de espera: 0 · Llegaron: 2 · Sin registro: 5$/)
        .waitFor();
      // Its own people, with who came.
      for (const name of names.slice(0, 2))
        await coHost.getByRole('row').filter({ hasText: name }).getByText('Llegó', { exact: true }).waitFor();
      const totals = (await (
        await coHost.request.get(`/api/events/${eventId}/totals`)
      ).json()) as EventTotalsDto;
      expect(totals.totals).toMatchObject({ going: 1, checkedIn: 2, walkIns: WALK_INS });
      const own = totals.hosts.find((h) => h.organizationId === organizations[CO_HOST].id);
      expect(own).toMatchObject({ going: 1, checkedIn: 2, walkIns: WALK_INS, status: 'accepted' });
      await expectNoRawKeys(coHost);
      await screenshot(coHost, 'events-07-event-totals-es');
    });
    expect(coHostErrors).toEqual([]);
  });

  it('the other co-host sees the numbers but none of the names, in English and then in Spanish', async () => {
    const other = await otherContext.newPage();
    const errors = collectPageErrors(other);

    await step(other, 'en: the other co-host coordinator signs in, opens the rally and accepts', async () => {
      const me = await signIn(other, 'en', otherCoordinator);
      expect(me.organizationId).toBe(organizations[OTHER_CO_HOST].id);
      await openRally(other, 'Events', eventId);
      const invitation = other
        .getByRole('alert')
        .filter({ hasText: 'Your organization is invited to co-host' });
      await invitation.getByRole('button', { name: 'Accept', exact: true }).click();
      await other.getByText('Your organization co-hosts the event').waitFor();
      await other.getByRole('heading', { level: 2, name: 'Our people', exact: true }).waitFor();
      await other.getByText('Nobody from your organization is registered yet.').waitFor();
    });

    await step(other, "en: the first co-host's numbers, and the totals, without a name", async () => {
      expect(await hostNumbers(other, HOSTS_EN, CO_HOST, EXPECTED)).toEqual(EXPECTED);
      expect(await hostNumbers(other, HOSTS_EN, null, EXPECTED)).toEqual(EXPECTED);
      await hostNumbers(other, HOSTS_EN, OTHER_CO_HOST, { going: '0', checkedIn: '0', walkIns: '0' });
      await expectNoNames(other, eventId);
      await expectNoRawKeys(other);
      await screenshot(other, 'events-08-other-co-host-en');
    });

    await step(
      other,
      'switch to Español in the app bar: Spanish labels, same numbers, still no name',
      async () => {
        await other.getByRole('button', { name: 'English', exact: true }).click();
        await other.getByRole('menuitem', { name: 'Español' }).click();
        await other.getByRole('heading', { level: 2, name: 'Anfitrionas', exact: true }).waitFor();
        expect(await other.locator('html').getAttribute('lang')).toBe('es');
        for (const heading of ['Resumen', 'Nuestra organización', 'Nuestra gente'])
          await other.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
        const headers = (
          await other.getByRole('table', { name: 'Anfitrionas' }).locator('thead th').allInnerTexts()
        ).map((text) => text.trim());
        expect(headers).toEqual([
          'Organización',
          'Papel',
          'Invitación',
          'Meta de participación',
          'Van',
          'Quizás',
          'En espera',
          'Llegaron',
          'Sin registro',
          'Asistencia reportada',
          'Participación vs meta',
        ]);
        expect(await hostNumbers(other, HOSTS_ES, CO_HOST, EXPECTED)).toEqual(EXPECTED);
        expect(await hostNumbers(other, HOSTS_ES, null, EXPECTED)).toEqual(EXPECTED);
        await other.getByRole('link', { name: 'Agregar al calendario' }).waitFor();
        await other.getByText('Todavía no hay nadie de su organización registrado.').waitFor();
        await expectNoNames(other, eventId);
        await expectNoRawKeys(other);
        await screenshot(other, 'events-09-other-co-host-es');
      },
    );
    expect(errors).toEqual([]);
  });

  it('the alliance admin sees the totals without names and downloads the event in its time zone', async () => {
    await step(adminPage, 'admin: the totals, and no name on the page or from the API', async () => {
      await adminPage.reload();
      await adminPage.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await hostNumbers(adminPage, HOSTS_EN, CO_HOST, EXPECTED)).toEqual(EXPECTED);
      expect(await hostNumbers(adminPage, HOSTS_EN, null, EXPECTED)).toEqual(EXPECTED);
      // The alliance never gets the "Our people" panel.
      expect(await adminPage.getByRole('heading', { name: 'Our people' }).count()).toBe(0);
      await expectNoNames(adminPage, eventId);
      await screenshot(adminPage, 'events-10-admin-totals');
    });

    await step(adminPage, 'admin: "Add to calendar" downloads an .ics in America/Chicago', async () => {
      const downloading = adminPage.waitForEvent('download');
      await adminPage.getByRole('link', { name: 'Add to calendar' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('event.ics');
      const ics = readFileSync(await download.path(), 'utf8');
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain(`TZID=${ZONE}`);
      expect(ics).toContain(`BEGIN:VTIMEZONE`);
      const compact = (wall: string) => `${wall.replace(/[-:]/g, '')}00`;
      expect(ics).toMatch(new RegExp(`DTSTART;TZID=${escape(ZONE)}:${compact(startWall)}`));
      expect(ics).toMatch(new RegExp(`DTEND;TZID=${escape(ZONE)}:${compact(endWall)}`));
      expect(ics.replace(/\r?\n[ \t]/g, '')).toContain(`SUMMARY:${title}`);
      for (const name of names) expect(ics).not.toContain(name);
    });
    expect(adminErrors).toEqual([]);
  });
});
