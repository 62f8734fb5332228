import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireAlert, postFromPage } from './support/alerts-api';
import { launchChromium, openPage, screenshot, signIn, submitSignIn } from './support/chromium';
import { type Stack, startStack } from './support/stack';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('console sign-in (Chromium against a real stack)', () => {
  it('signs in every role, showing who is signed in, without browser errors', async () => {
    for (const role of ['oncall', 'comms', 'viewer', 'admin'] as const) {
      const { page, context, errors } = await openPage(browser);
      await signIn(page, stack.alertsUrl, role, stack.passwords[role]);
      await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
      expect(await page.locator('.whoami').textContent()).toContain(`Local ${role} ${role}`);
      await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('answers a wrong password with the generic error and stays on the form', async () => {
    const { page, context, errors } = await openPage(browser, { phone: true });
    await page.goto(stack.alertsUrl);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'login');
    await submitSignIn(page, stack.alertsUrl, 'oncall', 'not-the-password');
    expect(await page.getByRole('alert').textContent()).toBe('Invalid username or password.');
    await submitSignIn(page, stack.alertsUrl, 'nobody', 'not-the-password');
    expect(await page.getByRole('alert').textContent()).toBe('Invalid username or password.');
    // The failed sign-ins are 401 answers, which Chromium logs as failed resources; nothing else may appear.
    expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    await context.close();
  });

  it('shows a viewer no acknowledge button, and the API refuses the viewer with 403', async () => {
    const ref = await fireAlert(stack, {
      alertname: 'PaidButNoToken',
      service: 'vending',
      summary: 'Payments without tokens (viewer test)',
    });
    const { page, context, errors } = await openPage(browser);
    await signIn(page, stack.alertsUrl, 'viewer', stack.passwords.viewer, `#/incidents/${ref}`);
    await page.getByRole('heading', { name: `#${ref} Payments without tokens (viewer test)` }).waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
    const refused = await postFromPage(page, `/v1/incidents/${ref}/ack`);
    expect(refused).toMatchObject({ status: 403, body: { error: 'FORBIDDEN' } });
    expect(errors.filter((e) => !e.includes('403 (Forbidden)'))).toEqual([]);
    await context.close();
  });
});
