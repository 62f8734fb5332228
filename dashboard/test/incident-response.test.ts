import { waitFor } from '@stimawatch/core/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminGet, fireAlert } from './support/alerts-api';
import { launchChromium, openPage, screenshot, signIn } from './support/chromium';
import { type Stack, startStack } from './support/stack';

interface Detail {
  incident: { status: string; firstStatementAt: string | null };
  timeline: { kind: string; detail: { level?: number } }[];
}

const escalatedPastFirstLevel = (detail: Detail) =>
  detail.timeline.some((entry) => entry.kind === 'escalated' && (entry.detail.level ?? 0) >= 1);

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  // Level 1 waits 0.05 min (3 s) for an acknowledgement before paging level 2.
  [stack, browser] = await Promise.all([startStack({ escalationDelayMinutes: 0.05 }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('incident response in the console (Chromium against a real stack)', () => {
  it('acknowledging in the UI stops escalation, while an unacknowledged incident escalates', async () => {
    const acked = await fireAlert(stack, {
      alertname: 'TokenIssuanceStalled',
      service: 'vending',
      summary: 'No tokens issued for 10 minutes',
    });
    const control = await fireAlert(stack, {
      alertname: 'SyntheticVendFailing',
      service: 'platform',
      summary: 'Synthetic vend probe failing',
    });
    const { page, context, errors } = await openPage(browser);
    await signIn(page, stack.alertsUrl, 'oncall', stack.passwords.oncall, `#/incidents/${acked}`);
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.locator('.incident-detail .status-acknowledged').waitFor();
    await page.getByText('Acknowledged by oncall (api)').waitFor();
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);

    // The control incident, opened after the acknowledged one with the same policy, escalates to level 2;
    // by then the acknowledged incident's own escalation was due, and it must not have happened.
    await waitFor(
      'the control incident to escalate',
      async () => {
        const detail = (await adminGet(stack, `/v1/incidents/${control}`)) as Detail;
        return escalatedPastFirstLevel(detail) ? detail : undefined;
      },
      15_000,
    );
    const ackedDetail = (await adminGet(stack, `/v1/incidents/${acked}`)) as Detail;
    expect(ackedDetail.incident.status).toBe('acknowledged');
    expect(escalatedPastFirstLevel(ackedDetail)).toBe(false);

    await page.goto(`${stack.alertsUrl}/#/incidents/${control}`);
    await page.getByText(/Escalated to level 2/).waitFor();
    await screenshot(page, 'incidents');
    await page.goto(`${stack.alertsUrl}/#/incidents/${acked}/report`);
    await page.getByRole('heading', { name: /Post-incident report: #\d+ No tokens issued/ }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'post-incident-report-print');
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('publishing a statement stops the silence timer and puts it, as text, on the public status page', async () => {
    const ref = await fireAlert(stack, {
      alertname: 'PaymentErrorSpike',
      service: 'payments',
      summary: 'M-Pesa payments refused',
    });
    const { page, context, errors } = await openPage(browser);
    await signIn(page, stack.alertsUrl, 'comms', stack.passwords.comms, `#/comms/${ref}`);
    const selected = page.locator('.silence-list li.selected');
    const timer = selected.getByRole('timer');
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(/^Silent for \d+ s \(limit 15 min\)$/);
    const english = page.getByLabel('English draft');
    expect(await english.inputValue()).toContain('unable to buy tokens through M-Pesa');
    const text = 'We are investigating <script>window.pwned = true</script> failed M-Pesa token purchases.';
    await english.fill(text);
    await page.getByLabel('Publish the Kiswahili statement').check();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('English statement published.').waitFor();
    await page.getByText('Kiswahili statement published.').waitFor();
    await selected.getByText(/^Silence timer stopped: first statement/).waitFor();
    expect(await selected.getByRole('timer').count()).toBe(0);
    await page.locator('.statement-text', { hasText: 'window.pwned' }).waitFor();
    await screenshot(page, 'communications');
    const detail = (await adminGet(stack, `/v1/incidents/${ref}`)) as Detail;
    expect(detail.incident.firstStatementAt).not.toBeNull();
    expect(errors).toEqual([]);

    const visitor = await openPage(browser, { phone: true });
    await visitor.page.goto(`${stack.alertsUrl}/status`);
    const statement = visitor.page.locator('.statement-text', { hasText: 'window.pwned' });
    await statement.waitFor();
    expect(await statement.textContent()).toBe(text);
    expect(
      await visitor.page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned),
    ).toBeUndefined();
    expect(await visitor.page.locator('#statements script').count()).toBe(0);
    const purchase = visitor.page.locator('.component', { hasText: 'Token purchase via M-Pesa' });
    expect(await purchase.locator('.component-state').textContent()).toBe('Major outage');
    expect(await visitor.page.locator('.statement-state').first().textContent()).toBe('Investigating');
    await screenshot(visitor.page, 'status-page-phone');
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
    await context.close();
  });
});
