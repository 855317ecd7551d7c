import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import type {
  AuditEventDto,
  MeDto,
  OrganizationDto,
  PeopleCountDto,
  PersonDto,
  UserDto,
} from '@unidos/contracts';
import { enrollAdminTotpIfRequired, signInAsAdmin } from './support/admin-session';
import { admin, launch, newContext, screenshot, step } from './support/browser';

/**
 * The issue's journey: a coordinator adds three people in Spanish and exports them; a coordinator
 * of another organization and the alliance admin cannot find them, and the alliance sees only how
 * many people the organization keeps. Real UI, real API, real PostgreSQL.
 */

/** Unique per run, so the journey never trips over its own earlier data. */
const stamp = Date.now().toString(36);
const people = [
  {
    name: `Ana Prueba ${stamp}`,
    email: `ana.${stamp}@example.org`,
    phone: '+1 915 555 0101',
    flags: [] as string[],
  },
  {
    name: `Beto Prueba ${stamp}`,
    email: `beto.${stamp}@example.org`,
    phone: '+1 915 555 0102',
    flags: ['Acepta mensajes de texto', 'Solo Signal', 'Sin mensajes de voz'],
  },
  {
    name: `Carmen Prueba ${stamp}`,
    email: `carmen.${stamp}@example.org`,
    phone: '+1 915 555 0103',
    flags: [] as string[],
  },
];
const demoCoordinator = () => ({ email: 'coordinator@demo.unidos.local', password: admin().password });
const otherCoordinator = {
  email: `otra.coordinadora.${stamp}@e2e.unidos.local`,
  password: `otra coordinadora ${stamp} contraseña`,
};

/** Translation keys leaking into the page, e.g. `resources.people.fields.note`. */
const RAW_KEY = /\b(?:ra|unidos|enums|resources)\.[a-z_-]+\.[a-z_.-]+\b/i;

const bodyText = (page: Page) => page.locator('body').innerText();

async function expectNoRawKeys(page: Page): Promise<void> {
  expect((await bodyText(page)).match(RAW_KEY)?.[0] ?? null).toBeNull();
}

const query = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Waits for the people list the page asks the API for with this search. */
const peopleListAnswer = (page: Page, search: string): Promise<Response> =>
  page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/people' && (url.searchParams.get('filter') ?? '').includes(search);
  });

/** Types into the list's search box and waits until the list shows the API's answer. */
async function searchList(page: Page, label: string, search: string): Promise<PersonDto[]> {
  const answer = peopleListAnswer(page, search);
  await page.getByRole('textbox', { name: label }).fill(search);
  const response = await answer;
  expect(response.status()).toBe(200);
  const rows = (await response.json()) as PersonDto[];
  // The table follows the answer: as many rows as people, or the "no results" line.
  if (rows.length > 0) {
    await page
      .locator('tbody tr')
      .nth(rows.length - 1)
      .waitFor();
    await page.locator('tbody tr').nth(rows.length).waitFor({ state: 'detached' });
  }
  return rows;
}

/** Signs in on the login page in Spanish and waits for the menu. */
async function signInInSpanish(page: Page, email: string, password: string): Promise<MeDto> {
  await page.goto('/');
  await page.waitForURL(/\/login$/);
  expect(await page.locator('html').getAttribute('lang')).toBe('es');
  await page.getByLabel(/^Correo electrónico/).fill(email);
  await page.getByLabel(/^Contraseña/).fill(password);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('menuitem', { name: 'Personas' }).waitFor();
  await page.getByRole('menuitem', { name: 'Mi cuenta' }).waitFor();
  return (await (await page.request.get('/api/auth/me')).json()) as MeDto;
}

/** Uncaught errors in the page: a privacy screen that crashes quietly is a failure too. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('people privacy journey: add in Spanish, export, invisible to other organizations and the alliance', () => {
  let browser: Browser;
  let coordinatorContext: BrowserContext;
  let adminContext: BrowserContext;
  let otherContext: BrowserContext;
  let coordinator: Page;
  let adminPage: Page;
  let coordinatorErrors: string[] = [];
  let coordinatorMe: MeDto;
  let demoOrg: OrganizationDto;
  let countBefore = 0;
  const personIds: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    coordinatorContext = await newContext(browser, 'es-MX');
    adminContext = await newContext(browser, 'en-US');
    otherContext = await newContext(browser, 'es-MX');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the demo coordinator signs in in Spanish', async () => {
    coordinator = await coordinatorContext.newPage();
    coordinatorErrors = collectPageErrors(coordinator);
    await step(coordinator, 'coordinator: sign in in Spanish', async () => {
      coordinatorMe = await signInInSpanish(coordinator, demoCoordinator().email, demoCoordinator().password);
      expect(coordinatorMe.role).toBe('org_coordinator');
      expect(coordinatorMe.organizationId).toBeTruthy();
    });
  });

  it('the alliance admin adds a coordinator of another organization', async () => {
    adminPage = await adminContext.newPage();

    await step(adminPage, 'admin: sign in and turn on two-factor sign-in if required', async () => {
      await signInAsAdmin(adminPage);
      await enrollAdminTotpIfRequired(adminPage);
    });

    await step(adminPage, 'admin: create a coordinator of another active organization', async () => {
      const response = await adminPage.request.get(
        `/api/organizations?${query({ membershipStatus: 'active' })}&range=[0,99]`,
      );
      expect(response.status()).toBe(200);
      const active = (await response.json()) as OrganizationDto[];
      demoOrg = active.find((o) => o.id === coordinatorMe.organizationId) as OrganizationDto;
      expect(demoOrg).toBeDefined();
      const other = active.find((o) => o.id !== coordinatorMe.organizationId);
      expect(other).toBeDefined();
      const created = await adminPage.request.post('/api/users', {
        data: {
          email: otherCoordinator.email,
          displayName: `Otra Coordinadora ${stamp}`,
          role: 'org_coordinator',
          organizationId: other?.id,
          password: otherCoordinator.password,
          preferredLanguage: 'es',
        },
      });
      expect(created.status()).toBe(201);
      const user = (await created.json()) as UserDto;
      expect({ role: user.role, organizationId: user.organizationId }).toEqual({
        role: 'org_coordinator',
        organizationId: other?.id,
      });
    });

    await step(adminPage, "admin: note the demo organization's people count before", async () => {
      const response = await adminPage.request.get(`/api/people-counts?${query({ q: demoOrg.name })}`);
      expect(response.status()).toBe(200);
      const row = ((await response.json()) as PeopleCountDto[]).find((r) => r.id === demoOrg.id);
      countBefore = row?.total ?? 0;
    });
  });

  it('the coordinator adds three people in Spanish and finds them', async () => {
    await step(coordinator, 'coordinator: open Personas', async () => {
      await coordinator.getByRole('menuitem', { name: 'Personas' }).click();
      await coordinator.waitForURL(/\/people(\?|$)/);
      await coordinator.getByRole('textbox', { name: 'Buscar' }).waitFor();
    });

    for (const [index, person] of people.entries()) {
      await step(coordinator, `coordinator: add ${person.name}`, async () => {
        await coordinator.getByRole('menuitem', { name: 'Personas' }).click();
        await coordinator.waitForURL(/\/people(\?|$)/);
        await coordinator.getByRole('link', { name: 'Crear', exact: true }).click();
        await coordinator.waitForURL(/\/people\/create$/);
        const name = coordinator.getByLabel(/^Nombre/);
        await name.waitFor();
        await name.fill(person.name);
        await coordinator.getByText('Basta un nombre o un alias').waitFor();
        await coordinator.getByLabel(/^Correo electrónico/).fill(person.email);
        await coordinator.getByLabel(/^Teléfono/).fill(person.phone);
        for (const flag of person.flags) await coordinator.getByLabel(flag, { exact: true }).check();
        // Private to the organization unless the coordinator says otherwise.
        await coordinator.getByText('Quién puede ver a esta persona').waitFor();
        expect(await coordinator.getByRole('radio', { name: 'Solo mi organización' }).isChecked()).toBe(true);
        // The note warns, before anything is typed, never to write immigration status.
        const warning = coordinator.locator('#person-note-warning');
        expect(await warning.isVisible()).toBe(true);
        expect(await warning.innerText()).toContain('Nunca escriba el estatus migratorio');
        const note = coordinator.getByRole('textbox', { name: /^Nota/ });
        expect(await note.getAttribute('aria-describedby')).toContain('person-note-warning');
        await note.fill('Prefiere que la llamen por la tarde.');
        if (index === 1) {
          await warning.scrollIntoViewIfNeeded();
          await expectNoRawKeys(coordinator);
          await screenshot(coordinator, 'people-01-form-with-warning-es');
        }
        await coordinator.getByRole('button', { name: 'Guardar' }).click();
        await coordinator.waitForURL(/\/people\/[^/]+\/show$/);
        await coordinator.getByText('Elemento creado').waitFor();
        personIds.push(decodeURIComponent(new URL(coordinator.url()).pathname.split('/')[2]));
        await coordinator.locator('.ra-field-displayName').getByText(person.name).waitFor();
      });
    }

    await step(coordinator, 'coordinator: the API kept them private, with their flags', async () => {
      const stored = await Promise.all(
        personIds.map(
          async (id) => (await (await coordinator.request.get(`/api/people/${id}`)).json()) as PersonDto,
        ),
      );
      expect(
        stored.map((p) => [p.displayName, p.email, p.visibility, p.signalOnly, p.noVoicemail, p.okToText]),
      ).toEqual([
        [people[0].name, people[0].email, 'organization', false, false, false],
        [people[1].name, people[1].email, 'organization', true, true, true],
        [people[2].name, people[2].email, 'organization', false, false, false],
      ]);
    });

    await step(coordinator, 'coordinator: see them in the list and search one by name', async () => {
      await coordinator.getByRole('menuitem', { name: 'Personas' }).click();
      await coordinator.waitForURL(/\/people(\?|$)/);
      for (const person of people)
        await coordinator.getByRole('link', { name: person.name, exact: true }).waitFor();
      const found = await searchList(coordinator, 'Buscar', people[1].name);
      expect(found.map((p) => p.displayName)).toEqual([people[1].name]);
      expect(await coordinator.locator('tbody tr').count()).toBe(1);
      // The search stays out of the address bar (it may hold a name).
      expect(coordinator.url()).not.toContain(stamp);
      const all = await searchList(coordinator, 'Buscar', `Prueba ${stamp}`);
      expect(all.map((p) => p.displayName)).toEqual(people.map((p) => p.name));
      await expectNoRawKeys(coordinator);
      await screenshot(coordinator, 'people-02-list-es');
    });
  });

  it('the coordinator exports them as CSV, and the export is audited', async () => {
    let csv = '';
    await step(coordinator, 'coordinator: Exportar CSV downloads the searched people', async () => {
      const downloading = coordinator.waitForEvent('download');
      await coordinator.getByRole('link', { name: 'Exportar CSV' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('people.csv');
      csv = readFileSync(await download.path(), 'utf8');
      const lines = csv.trim().split(/\r?\n/);
      expect(lines[0]).toBe(
        'id,displayName,role,preferredLanguage,email,phone,okToText,okToCall,okToEmail,signalOnly,noVoicemail,visibility,note',
      );
      // The list's search went with the export: exactly the three, nobody else of the organization.
      expect(lines).toHaveLength(1 + people.length);
      for (const [index, person] of people.entries()) {
        const line = lines.find((l) => l.includes(person.name)) ?? '';
        expect(line).toContain(personIds[index]);
        expect(line).toContain(person.email);
      }
    });

    await step(adminPage, 'admin: the audit log has the export, counted, without names', async () => {
      const response = await adminPage.request.get(`/api/audit-events?${query({ action: 'person.export' })}`);
      expect(response.status()).toBe(200);
      const events = (await response.json()) as AuditEventDto[];
      const mine = events.filter((e) => e.actorUserId === coordinatorMe.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        actorOrgId: coordinatorMe.organizationId,
        entityId: null,
        after: { rows: 3 },
      });
      const raw = JSON.stringify(mine);
      for (const person of people) {
        expect(raw).not.toContain(person.name);
        expect(raw).not.toContain(person.email);
      }
    });
    expect(coordinatorErrors).toEqual([]);
  });

  it('a coordinator of another organization cannot find them', async () => {
    const other = await otherContext.newPage();
    const errors = collectPageErrors(other);

    await step(other, 'other coordinator: sign in in Spanish', async () => {
      const me = await signInInSpanish(other, otherCoordinator.email, otherCoordinator.password);
      expect(me.organizationId).not.toBe(coordinatorMe.organizationId);
    });

    await step(other, 'other coordinator: Personas search finds none of them', async () => {
      await other.getByRole('menuitem', { name: 'Personas' }).click();
      await other.waitForURL(/\/people(\?|$)/);
      for (const person of people) {
        expect(await searchList(other, 'Buscar', person.name)).toEqual([]);
        await other.getByText(/No se encontraron/).waitFor();
        expect(await bodyText(other)).not.toContain(person.name);
      }
      await expectNoRawKeys(other);
      await screenshot(other, 'people-03-other-coordinator-empty-search-es');
    });

    await step(other, 'other coordinator: the show page of their id shows nothing', async () => {
      for (const [index, id] of personIds.entries()) {
        const answer = other.waitForResponse((r) => new URL(r.url()).pathname === `/api/people/${id}`);
        await other.goto(`/people/${encodeURIComponent(id)}/show`);
        expect((await answer).status()).toBe(404);
        await other.getByText('El elemento no existe').first().waitFor();
        expect(await bodyText(other)).not.toContain(people[index].name);
      }
      await screenshot(other, 'people-04-other-coordinator-show-not-found-es');
    });

    await step(other, 'other coordinator: the API answers 404 and empty lists', async () => {
      for (const [index, id] of personIds.entries()) {
        expect((await other.request.get(`/api/people/${id}`)).status()).toBe(404);
        for (const filter of [
          { q: people[index].name },
          { email: people[index].email },
          { phone: people[index].phone },
        ]) {
          const response = await other.request.get(`/api/people?${query(filter)}`);
          expect(response.status()).toBe(200);
          expect(await response.json()).toEqual([]);
        }
      }
      // Their own export, searched by the names, carries only the header.
      const exported = await other.request.get(`/api/people/export.csv?${query({ q: `Prueba ${stamp}` })}`);
      expect(exported.status()).toBe(200);
      expect((await exported.text()).trim().split(/\r?\n/)).toHaveLength(1);
    });
    expect(errors).toEqual([]);
  });

  it('the alliance admin cannot find them, and sees only how many people the organization keeps', async () => {
    const errors = collectPageErrors(adminPage);

    await step(adminPage, 'admin: Public contacts search finds none of them', async () => {
      await adminPage.getByRole('menuitem', { name: 'Public contacts' }).click();
      await adminPage.waitForURL(/\/people(\?|$)/);
      for (const search of [...people.map((p) => p.name), `Prueba ${stamp}`]) {
        expect(await searchList(adminPage, 'Search', search)).toEqual([]);
        await adminPage
          .getByText(/No .*found/i)
          .first()
          .waitFor();
      }
      const text = await bodyText(adminPage);
      for (const person of people) expect(text).not.toContain(person.name);
      await expectNoRawKeys(adminPage);
      await screenshot(adminPage, 'people-05-admin-public-contacts-empty-search');
    });

    await step(adminPage, 'admin: the API answers 404 for each of them', async () => {
      for (const [index, id] of personIds.entries()) {
        expect((await adminPage.request.get(`/api/people/${id}`)).status()).toBe(404);
        const response = await adminPage.request.get(`/api/people?${query({ email: people[index].email })}`);
        expect(await response.json()).toEqual([]);
      }
    });

    await step(adminPage, "admin: People counts shows the organization's total, no names", async () => {
      await adminPage.getByRole('menuitem', { name: 'People counts' }).click();
      await adminPage.waitForURL(/\/people-counts(\?|$)/);
      const answer = adminPage.waitForResponse((r) => {
        const url = new URL(r.url());
        return (
          url.pathname === '/api/people-counts' &&
          (url.searchParams.get('filter') ?? '').includes(demoOrg.name)
        );
      });
      await adminPage.getByRole('textbox', { name: 'Search' }).fill(demoOrg.name);
      const rows = (await (await answer).json()) as PeopleCountDto[];
      const count = rows.find((r) => r.id === demoOrg.id);
      expect(count?.total).toBe(countBefore + people.length);
      const row = adminPage
        .locator('tbody tr')
        .filter({ has: adminPage.getByRole('link', { name: demoOrg.name, exact: true }) });
      await row.waitFor();
      await row
        .locator('.column-total')
        .getByText((countBefore + people.length).toLocaleString('en-US'), { exact: true })
        .waitFor();
      await adminPage.getByText('Numbers only', { exact: false }).first().waitFor();
      const text = await bodyText(adminPage);
      for (const person of people) {
        expect(text).not.toContain(person.name);
        expect(text).not.toContain(person.email);
      }
      await expectNoRawKeys(adminPage);
      await screenshot(adminPage, 'people-06-admin-people-counts');
    });
    expect(errors).toEqual([]);
  });
});
