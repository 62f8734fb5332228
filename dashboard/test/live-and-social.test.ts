import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, screenshot, signIn } from './support/chromium';
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

let attempts = 0;
async function postVendEvents(outcome: 'success' | 'failed', count: number): Promise<void> {
  const events = Array.from({ length: count }, () => ({
    attemptId: `e2e-${process.pid}-${++attempts}`,
    channel: 'mpesa_c2b',
    stage: 'token_generation',
    outcome,
    ...(outcome === 'failed' && { error: { domain: 'vending', rawCode: 'HSMUnavailableEx' } }),
  }));
  const response = await fetch(`${stack.collectorUrl}/v1/vend-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.ingestToken}` },
    body: JSON.stringify(events),
  });
  if (!response.ok) throw new Error(`vend events answered ${response.status}: ${await response.text()}`);
}

describe('live tiles and the social view (Chromium against a real stack)', () => {
  it('moves the live tiles within seconds of vend events reaching the collector', async () => {
    const { page, context, errors } = await openPage(browser);
    await signIn(page, stack.alertsUrl, 'viewer', stack.passwords.viewer);
    const ratio = page.getByRole('region', { name: 'System failure ratio (5 min)' });
    await ratio.waitFor();
    expect(await ratio.locator('.tile-value').textContent()).toMatch(/^—/);
    await postVendEvents('success', 3);
    await postVendEvents('failed', 1);
    // The collector pushes a snapshot every second; the tile must show the new ratio well within 5 s.
    await ratio.getByText('25.0 %').waitFor({ timeout: 5000 });
    const codes = page.getByRole('region', { name: 'Top error codes (15 min)' });
    await codes.getByText('HSM_UNAVAILABLE').waitFor({ timeout: 5000 });
    expect(await codes.textContent()).toContain('HSMUnavailableEx');
    await screenshot(page, 'overview');
    const phone = await openPage(browser, { phone: true });
    await signIn(phone.page, stack.alertsUrl, 'admin', stack.passwords.admin);
    await phone.page
      .getByRole('region', { name: 'System failure ratio (5 min)' })
      .getByText('25.0 %')
      .waitFor();
    await screenshot(phone.page, 'overview-phone');
    expect([...errors, ...phone.errors]).toEqual([]);
    await phone.context.close();
    await context.close();
  });

  it('shows classified mentions, renders post text with <script> as text, and maps complaints by county', async () => {
    const now = Date.now();
    const hostile =
      'Stima imepotea Nairobi tangu asubuhi <script>window.pwned = true</script> @KenyaPower_Care';
    const mentions = [
      {
        id: 'e2e-1',
        source: 'facebook',
        text: hostile,
        author: 'mteja_1',
        createdAt: now - 60_000,
        reach: 50,
      },
      {
        id: 'e2e-2',
        source: 'facebook',
        text: 'Nimelipa token kupitia M-Pesa Kisumu lakini sijapata token yoyote',
        author: 'mteja_2',
        createdAt: now - 30_000,
        reach: 5000,
      },
    ];
    const ingest = await fetch(`${stack.collectorUrl}/v1/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.ingestToken}` },
      body: JSON.stringify(mentions),
    });
    expect(ingest.status).toBeLessThan(300);
    const { page, context, errors } = await openPage(browser);
    await signIn(page, stack.alertsUrl, 'comms', stack.passwords.comms, '#/social');
    const feed = page.getByRole('list', { name: 'Newest mentions' });
    const post = feed.locator('.mention-text', { hasText: 'window.pwned' });
    await post.waitFor();
    expect(await post.textContent()).toBe(hostile);
    expect(await page.locator('.mentions script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    const loudest = page.getByRole('list', { name: 'Loudest mentions' });
    await loudest.locator('.mention-text').first().waitFor();
    expect(await loudest.locator('.mention-text').first().textContent()).toContain('Kisumu');
    await page.getByRole('button', { name: /^Nairobi: [1-9]\d* outage complaints?$/ }).waitFor();
    await screenshot(page, 'social');
    expect(errors).toEqual([]);
    await context.close();
  });
});
