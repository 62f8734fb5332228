import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { REPO } from './stack';

export const SCREENSHOTS = join(REPO, 'test-artifacts/screenshots');

/** Headless Chromium from Debian (it cannot be downloaded here), quiet and offline apart from the stack. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Errors printed to the browser console or thrown by the page. */
  errors: string[];
}

/** A fresh context (its own cookies) at phone or desktop size, collecting console errors. */
export async function openPage(browser: Browser, options: { phone?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    timezoneId: 'Africa/Nairobi',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, context, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Fills and submits the login form (the answer is left to the caller). */
export async function submitSignIn(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
  hash = '',
): Promise<void> {
  await page.goto(`${baseUrl}/${hash}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in through the login form and waits for the console; a refusal fails at once with its message. */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
  hash = '',
): Promise<void> {
  await submitSignIn(page, baseUrl, username, password, hash);
  const nav = page.getByRole('navigation', { name: 'Console sections' });
  const refusal = page.locator('.login-form [role="alert"]');
  await nav.or(refusal).waitFor();
  if (await refusal.isVisible())
    throw new Error(`sign-in as ${username} refused: ${await refusal.textContent()}`);
}
