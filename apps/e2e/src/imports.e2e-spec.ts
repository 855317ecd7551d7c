import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import type { PersonDto } from '@unidos/contracts';
import { admin, baseUrl, launch, newContext, screenshot, step } from './support/browser';

/**
 * The CSV import, as a coordinator lives it: the demo coordinator imports a small people
 * file, is told which row is wrong and why (nothing imported), uploads a corrected file, imports it
 * and watches it finish, finds the people in the list — and importing the same file again (in
 * Spanish, on her phone, with the saved column choices) updates them instead of adding them twice.
 */

/** Unique per run, so the journey never trips over its own earlier data. */
const stamp = Date.now().toString(36);
const source = `Sign-up sheet ${stamp}`;
const names = [`Dolores Importada ${stamp}`, `Ernesto Importado ${stamp}`, `Fabiola Importada ${stamp}`];
const header = 'Nombre,Correo,Teléfono,Idioma,Notas';
const rows = (ernestoEmail: string) => [
  `${names[0]},dolores.${stamp}@example.org,+1 915 555 0201,es,Prefiere la tarde`,
  `${names[1]},${ernestoEmail},+1 915 555 0202,en,`,
  `${names[2]},fabiola.${stamp}@example.org,,es,"Solo por Signal, nunca llamar"`,
];
/** Row 2 has an email without its domain. */
const badCsv = [header, ...rows(`ernesto.${stamp}@`)].join('\n') + '\n';
const goodCsv = [header, ...rows(`ernesto.${stamp}@example.org`)].join('\n') + '\n';
const csvFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

const coordinator = () => ({ email: 'coordinator@demo.unidos.local', password: admin().password });

/** Translation keys leaking into the page, e.g. `unidos.imports.preview.row`. */
const RAW_KEY = /\b(?:ra|unidos|enums|resources)\.[a-z_-]+\.[a-z_.-]+\b/i;

async function expectNoRawKeys(page: Page): Promise<void> {
  expect((await page.locator('body').innerText()).match(RAW_KEY)?.[0] ?? null).toBeNull();
}

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function signIn(
  page: Page,
  labels: { email: RegExp; password: RegExp; submit: string; people: string },
) {
  await page.goto('/');
  await page.waitForURL(/\/login$/);
  await page.getByLabel(labels.email).fill(coordinator().email);
  await page.getByLabel(labels.password).fill(coordinator().password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.getByRole('menuitem', { name: labels.people }).waitFor();
}

/** Types into the people list's search box and waits for the API's answer and the table. */
async function searchPeople(page: Page, label: string, search: string): Promise<PersonDto[]> {
  const answer: Promise<Response> = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/people' && (url.searchParams.get('filter') ?? '').includes(search);
  });
  await page.getByRole('textbox', { name: label }).fill(search);
  const found = (await (await answer).json()) as PersonDto[];
  if (found.length > 0)
    await page
      .locator('tbody tr')
      .nth(found.length - 1)
      .waitFor();
  return found;
}

/** The figure under one term of the preview's summary ("Will be added" → 3). */
async function figure(page: Page, term: string): Promise<number> {
  const value = page.locator('dl dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  return Number((await value.innerText()).replace(/[^\d]/g, ''));
}

describe('CSV import journey: a bad row refused, a corrected file imported, a re-import that duplicates nothing', () => {
  let browser: Browser;
  let english: BrowserContext;
  let spanish: BrowserContext;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    english = await newContext(browser, 'en-US');
    spanish = await newContext(browser, 'es-MX');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the coordinator uploads a file with a bad row and is told which row and why; nothing is imported', async () => {
    page = await english.newPage();
    errors = collectPageErrors(page);

    await step(page, 'coordinator: sign in and open the import from the People list', async () => {
      await signIn(page, { email: /^Email/, password: /^Password/, submit: 'Sign in', people: 'People' });
      await page.getByRole('menuitem', { name: 'People' }).click();
      await page.waitForURL(/\/people(\?|$)/);
      await page.getByRole('link', { name: 'Import CSV' }).click();
      await page.waitForURL(/\/imports\/create\?kind=people$/);
      await page.getByText('Step 1 of 4: Choose the file').waitFor();
      await page.getByText(/A \.csv file up to 50 MB/).waitFor();
    });

    await step(page, 'coordinator: choose the file and name where it comes from', async () => {
      await page.locator('input[type=file]').setInputFiles(csvFile('sign-up.csv', badCsv));
      await page
        .getByRole('status')
        .getByText(/sign-up\.csv/)
        .waitFor();
      await page.getByRole('combobox', { name: 'Where does this file come from?' }).fill(source);
      await page.getByRole('button', { name: 'Upload and continue' }).click();
      await page.getByRole('heading', { name: 'Step 2 of 4: Match the columns' }).waitFor();
    });

    await step(page, 'coordinator: the Spanish column names are matched to the fields already', async () => {
      const target = (column: string) => page.getByLabel(`Import column "${column}" as`);
      expect(await target('Nombre').inputValue()).toBe('displayName');
      expect(await target('Correo').inputValue()).toBe('email');
      expect(await target('Teléfono').inputValue()).toBe('phone');
      expect(await target('Idioma').inputValue()).toBe('preferredLanguage');
      expect(await target('Notas').inputValue()).toBe('note');
      // The required field is marked, examples come from the file, duplicates default to "update".
      await page.getByText('Required: Name.').waitFor();
      await page.getByRole('cell', { name: names[0] }).waitFor();
      expect(await page.getByRole('radio', { name: "Update them with the file's values" }).isChecked()).toBe(
        true,
      );
      expect(
        await page
          .getByRole('checkbox', { name: `Remember these choices for files from "${source}"` })
          .isChecked(),
      ).toBe(true);
      await expectNoRawKeys(page);
      await screenshot(page, 'imports-01-mapping');
    });

    await step(
      page,
      'coordinator: the check names row 2 and its email; the Import button says why it is off',
      async () => {
        await page.getByRole('button', { name: 'Check the file' }).click();
        await page.getByRole('heading', { name: 'Step 3 of 4: Check' }).waitFor();
        await page.getByText('1 row has a problem: nothing can be imported yet').waitFor();
        expect(await figure(page, 'Rows with problems')).toBe(1);
        expect(await figure(page, 'Will be added')).toBe(2);
        const problems = page.getByRole('table', { name: 'Rows to correct' });
        const problem = problems.locator('tbody tr');
        expect(await problem.count()).toBe(1);
        expect(await problem.locator('th').innerText()).toBe('2');
        expect(await problem.innerText()).toContain('Email (column "Correo")');
        const sample = page.getByRole('table', { name: 'The first rows, as Unidos reads them' });
        expect(await sample.locator('tbody tr', { hasText: names[1] }).innerText()).toContain(
          'To correct (see above)',
        );
        // Disabled, with no count: the file imports all or nothing, never "the 2 good rows".
        const run = page.getByRole('button', { name: 'Import', exact: true });
        expect(await run.isDisabled()).toBe(true);
        await page
          .getByText('Correct every row with a problem first: the file imports all or nothing.')
          .waitFor();
        expect(await run.getAttribute('aria-describedby')).toBe('import-blocked');
        await expectNoRawKeys(page);
        await screenshot(page, 'imports-02-preview-bad-row');
      },
    );

    await step(page, 'coordinator: nothing of the bad file reached the people', async () => {
      const response = await page.request.get(
        `/api/people?filter=${encodeURIComponent(JSON.stringify({ q: stamp }))}&range=[0,9]`,
      );
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual([]);
    });
  });

  it('the coordinator uploads the corrected file, imports it, watches it finish and finds the people', async () => {
    await step(page, 'coordinator: upload the corrected file; the column choices stay', async () => {
      await page.getByRole('button', { name: 'Upload a corrected file' }).click();
      await page.getByRole('heading', { name: 'Step 1 of 4: Choose the file' }).waitFor();
      expect(await page.getByRole('combobox', { name: 'Where does this file come from?' }).inputValue()).toBe(
        source,
      );
      await page.locator('input[type=file]').setInputFiles(csvFile('sign-up-fixed.csv', goodCsv));
      await page.getByRole('button', { name: 'Upload and continue' }).click();
      await page.getByRole('heading', { name: 'Step 2 of 4: Match the columns' }).waitFor();
      expect(await page.getByLabel('Import column "Correo" as').inputValue()).toBe('email');
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.getByRole('heading', { name: 'Step 3 of 4: Check' }).waitFor();
    });

    await step(page, 'coordinator: the check finds three new people and no problem', async () => {
      expect(await figure(page, 'Will be added')).toBe(3);
      expect(await figure(page, 'Will be updated')).toBe(0);
      expect(await figure(page, 'Rows with problems')).toBe(0);
      await page
        .getByRole('table', { name: 'The first rows, as Unidos reads them' })
        .getByText(names[2])
        .waitFor();
      expect(await page.getByRole('button', { name: 'Import 3 rows' }).isEnabled()).toBe(true);
      await expectNoRawKeys(page);
      await screenshot(page, 'imports-03-preview-ready');
    });

    await step(page, 'coordinator: confirm, and watch the import run to the end', async () => {
      await page.getByRole('button', { name: 'Import 3 rows' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Import these people now?').waitFor();
      await dialog.getByText(/3 will be added, 0 updated and 0 skipped/).waitFor();
      await dialog.getByRole('button', { name: 'Import' }).click();
      await page.getByRole('heading', { name: 'Step 4 of 4: Import' }).waitFor();
      await page.getByText('Import finished').waitFor({ timeout: 60_000 });
      await page.getByText('3 added, 0 updated, 0 skipped.').waitFor();
      await screenshot(page, 'imports-04-done');
    });

    await step(page, 'coordinator: the three people are in the People list', async () => {
      await page.getByRole('link', { name: 'See the people' }).click();
      await page.waitForURL(/\/people(\?|$)/);
      const found = await searchPeople(page, 'Search', stamp);
      expect(found.map((person) => person.displayName).sort()).toEqual([...names].sort());
      const fabiola = found.find((person) => person.displayName === names[2]);
      expect(fabiola?.email).toBe(`fabiola.${stamp}@example.org`);
      for (const name of names) await page.getByRole('link', { name, exact: true }).waitFor();
    });

    await step(page, 'coordinator: the history lists the import with its counts', async () => {
      await page.getByRole('menuitem', { name: 'Imports' }).click();
      await page.waitForURL(/\/imports(\?|$)/);
      const row = page.locator('tbody tr', { hasText: 'sign-up-fixed.csv' });
      await row.getByText('Imported').waitFor();
      expect(await row.innerText()).toContain('3 added · 0 updated · 0 skipped');
      expect(await row.innerText()).toContain(source);
      expect(await row.innerText()).toContain('You');
      await expectNoRawKeys(page);
      await screenshot(page, 'imports-05-history');
      // One import's page says how it ended.
      await row.getByText('sign-up-fixed.csv').click();
      await page.waitForURL(/\/imports\/[^/]+\/show$/);
      await page.getByText('Import finished').waitFor();
      await page.getByText('3 added, 0 updated, 0 skipped.').waitFor();
      await expectNoRawKeys(page);
      await screenshot(page, 'imports-05b-one-import');
    });
    expect(errors).toEqual([]);
  });

  it('importing the same file again, in Spanish on a phone with the saved choices, updates the people instead of adding them twice', async () => {
    const desk = await spanish.newPage();
    await step(desk, 'coordinadora: sign in in Spanish', async () => {
      await signIn(desk, {
        email: /^Correo electrónico/,
        password: /^Contraseña/,
        submit: 'Iniciar sesión',
        people: 'Personas',
      });
    });
    // The same signed-in coordinator, now on her phone.
    const phoneContext = await browser.newContext({
      baseURL: baseUrl(),
      locale: 'es-MX',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      storageState: await spanish.storageState(),
    });
    phoneContext.setDefaultTimeout(15_000);
    const phone = await phoneContext.newPage();
    const phoneErrors = collectPageErrors(phone);

    await step(phone, 'phone: open the import from Personas', async () => {
      await phone.goto('/people');
      // On a phone the button is an icon named "Importar CSV". The people table is wider than the
      // screen and the list's toolbar overlaps the icon for a pointer, so it is opened from the keyboard.
      const importLink = phone.getByRole('link', { name: 'Importar CSV' });
      await importLink.focus();
      await phone.keyboard.press('Enter');
      // No stepper on a phone: the title says where she is.
      await phone.getByRole('heading', { name: 'Paso 1 de 4: Elige el archivo' }).waitFor();
    });

    await step(phone, 'phone: the saved source is offered as she types', async () => {
      await phone.locator('input[type=file]').setInputFiles(csvFile('sign-up-fixed.csv', goodCsv));
      await phone.getByRole('combobox', { name: '¿De dónde viene este archivo?' }).fill(stamp);
      await phone.getByRole('option', { name: source }).click();
      await phone.getByRole('button', { name: 'Subir y continuar' }).click();
      await phone.getByRole('heading', { name: 'Paso 2 de 4: Relaciona las columnas' }).waitFor();
      await phone.getByText(`Son las opciones que guardaste para los archivos de "${source}".`).waitFor();
      expect(await phone.getByLabel('Importar la columna "Notas" como').inputValue()).toBe('note');
      // The example moves under the column name on a phone.
      await phone.getByText(`p. ej. ${names[0]}`).waitFor();
      await expectNoRawKeys(phone);
      await screenshot(phone, 'imports-06-mapping-phone-es');
    });

    await step(phone, 'phone: the check finds the three people already in Unidos', async () => {
      await phone.getByRole('button', { name: 'Revisar el archivo' }).click();
      await phone.getByRole('heading', { name: 'Paso 3 de 4: Revisa' }).waitFor();
      expect(await figure(phone, 'Se agregarán')).toBe(0);
      expect(await figure(phone, 'Se actualizarán')).toBe(3);
      expect(await figure(phone, 'Filas con problemas')).toBe(0);
      await phone
        .getByText('3 filas coinciden con registros que ya están en Unidos', { exact: false })
        .waitFor();
      await expectNoRawKeys(phone);
      await screenshot(phone, 'imports-07-reimport-preview-phone-es');
    });

    await step(phone, 'phone: import; nobody is added twice', async () => {
      await phone.getByRole('button', { name: 'Importar 3 filas' }).click();
      await phone.getByRole('dialog').getByRole('button', { name: 'Importar' }).click();
      await phone.getByText('Importación terminada').waitFor({ timeout: 60_000 });
      await phone.getByText('Se agregaron 0, se actualizaron 3 y se saltaron 0.').waitFor();
      await screenshot(phone, 'imports-08-done-phone-es');
      const response = await phone.request.get(
        `/api/people?filter=${encodeURIComponent(JSON.stringify({ q: stamp }))}&range=[0,9]`,
      );
      const found = (await response.json()) as PersonDto[];
      expect(found.map((person) => person.displayName).sort()).toEqual([...names].sort());
      await expectNoRawKeys(phone);
    });
    expect(phoneErrors).toEqual([]);
  });
});
