import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { admin, baseUrl } from './browser';
import { totpCode } from './totp';

/**
 * The alliance admin's sign-in, shared by every journey of one run. All journeys use the same
 * server and the same admin, and an alliance admin must turn on two-factor sign-in before anything
 * else: the first journey to sign in enrolls the admin's authenticator, and every later one (in any
 * order) must then give a code. The secret and the last time step used are kept in a file named
 * after this run's server port, so a later journey computes a fresh code as an authenticator would.
 */

interface AdminTotp {
  secret: string;
  /** The last 30-second step whose code the API accepted: it refuses that one and older ones. */
  lastStep: number;
}

const STEP_MS = 30_000;
const stateFile = () =>
  join(process.env.E2E_OUTPUT ?? 'test-output/e2e', `.admin-totp-${new URL(baseUrl()).port}.json`);

function readState(): AdminTotp | null {
  return existsSync(stateFile()) ? (JSON.parse(readFileSync(stateFile(), 'utf8')) as AdminTotp) : null;
}

function writeState(state: AdminTotp): void {
  mkdirSync(join(stateFile(), '..'), { recursive: true });
  writeFileSync(stateFile(), JSON.stringify(state), { mode: 0o600 });
}

const stepAt = (ms: number) => Math.floor(ms / STEP_MS);

/**
 * A code the API will accept now: the current step's, or the next one's (the API allows one step
 * of clock skew) when the current step's code was already used. Only a third sign-in within the
 * same 30 seconds has to wait for the clock.
 */
async function nextCode(): Promise<string> {
  const state = readState();
  if (!state)
    throw new Error('The admin has two-factor sign-in on, but no journey of this run kept its secret');
  const wanted = Math.max(stepAt(Date.now()), state.lastStep + 1);
  const waitMs = (wanted - 1) * STEP_MS - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 50));
  writeState({ ...state, lastStep: wanted });
  return totpCode(state.secret, wanted * STEP_MS);
}

/** Signs the admin in on the login page, giving the authenticator code when the API asks for one. */
export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForURL(/\/login$/);
  await page.getByLabel(/^Email/).fill(admin().email);
  await page.getByLabel(/^Password/).fill(admin().password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const account = page.getByRole('menuitem', { name: 'My account' });
  const code = page.getByLabel(/^Authentication code/);
  // "My account" is in the menu whether or not two-factor enrolment is still due.
  await account.or(code).first().waitFor();
  if (await code.isVisible()) {
    await code.fill(await nextCode());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await account.waitFor();
  }
}

/**
 * Turns on two-factor sign-in through the API with the page's session, when the API still
 * requires it of this admin, and keeps the secret for the run's later sign-ins.
 */
export async function enrollAdminTotpIfRequired(page: Page): Promise<void> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { totpEnrollmentRequired?: boolean };
  if (!me.totpEnrollmentRequired) return;
  const setup = await page.request.post('/api/auth/totp/setup', { data: {} });
  expect(setup.status()).toBe(200);
  const { secret } = (await setup.json()) as { secret: string };
  const step = stepAt(Date.now());
  const enable = await page.request.post('/api/auth/totp/enable', {
    data: { code: totpCode(secret, step * STEP_MS) },
  });
  expect(enable.status()).toBe(204);
  writeState({ secret, lastStep: step });
  await page.goto('/');
  await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
}
