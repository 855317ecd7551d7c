import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const baseUrl = () => process.env.E2E_BASE_URL as string;
export const admin = () => ({ email: process.env.E2E_ADMIN_EMAIL as string, password: process.env.E2E_ADMIN_PASSWORD as string });
const outDir = () => process.env.E2E_OUTPUT ?? 'test-output/e2e';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function newContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale, viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(15_000);
  return context;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(outDir(), { recursive: true });
  const file = join(outDir(), `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Runs one step of a journey; when it fails, keeps a screenshot of what the person saw. */
export async function step<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const file = await screenshot(page, `FAILED-${name}`).catch(() => 'no screenshot');
    throw new Error(`Journey step "${name}" failed (screenshot: ${file}):\n${error instanceof Error ? error.message : String(error)}`);
  }
}
