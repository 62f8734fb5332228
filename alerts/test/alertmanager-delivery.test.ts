import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AlertmanagerPayload, alertmanagerPayloadSchema } from '@stimawatch/core';
import { freePort, waitFor } from '@stimawatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAlertmanagerConfig } from '../alertmanager/render-config';

const DEADLINE_MS = 15_000;
const WEBHOOK_TOKEN = 'test-webhook-token';

interface Delivery {
  payload: AlertmanagerPayload;
  authorization: string | undefined;
}

/** A stand-in for the alerts service webhook: records every notification, lets tests wait for one. */
function createFakeWebhook() {
  const deliveries: Delivery[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      deliveries.push({
        payload: alertmanagerPayloadSchema.parse(JSON.parse(body)),
        authorization: request.headers.authorization,
      });
      response.writeHead(200).end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  const waitFor = (what: string, match: (delivery: Delivery) => boolean): Promise<Delivery> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no webhook delivery of ${what}`)), DEADLINE_MS);
      const check = () => {
        const found = deliveries.find(match);
        if (found === undefined) return waiters.push(check);
        clearTimeout(timer);
        resolve(found);
      };
      check();
    });
  return { server, deliveries, waitFor };
}

/** {@link waitFor} where a failed read (Alertmanager not listening yet) means "not yet" rather than failure. */
function pollUntil<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  return waitFor(what, () => read().catch(() => undefined), DEADLINE_MS);
}

const alertnames = (delivery: Delivery) => delivery.payload.alerts.map((alert) => alert.labels.alertname);
const labels = {
  collectorDown: { alertname: 'CollectorDown', severity: 'page', team: 'oncall', service: 'platform' },
  burnRate: {
    alertname: 'VendFailureBurnRate',
    severity: 'page',
    team: 'oncall',
    service: 'vending',
    stage: 'token_generation',
  },
  probe: { alertname: 'SyntheticVendFailing', severity: 'page', team: 'oncall', service: 'vending' },
};

describe('Alertmanager with the rendered config, delivering to a webhook', () => {
  const webhook = createFakeWebhook();
  let alertmanager: ChildProcess | undefined;
  let baseUrl = '';
  let logs = '';
  let dir = '';

  const post = async (alerts: { labels: Record<string, string>; endsAt?: string }[]) => {
    const body = alerts.map((alert) => ({ annotations: { summary: 'test' }, ...alert }));
    const response = await fetch(`${baseUrl}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.text()).toBe(200);
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => webhook.server.listen(0, '127.0.0.1', resolve));
    const address = webhook.server.address();
    const webhookPort = typeof address === 'object' && address ? address.port : 0;
    dir = mkdtempSync(join(tmpdir(), 'stimawatch-alertmanager-'));
    const config = renderAlertmanagerConfig({
      webhookUrl: `http://127.0.0.1:${webhookPort}/v1/alertmanager`,
      webhookBearerToken: WEBHOOK_TOKEN,
      groupWait: '1s',
      groupInterval: '2s',
    });
    writeFileSync(join(dir, 'alertmanager.yml'), config);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    alertmanager = spawn(
      'prometheus-alertmanager',
      [
        `--config.file=${join(dir, 'alertmanager.yml')}`,
        `--storage.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    alertmanager.stderr?.on('data', (chunk: Buffer) => {
      logs += chunk.toString('utf8');
    });
    await pollUntil(`Alertmanager ready on ${baseUrl}\n${logs}`, async () =>
      (await fetch(`${baseUrl}/-/ready`)).ok ? true : undefined,
    );
  });

  afterAll(async () => {
    if (alertmanager?.exitCode === null) {
      const exited = new Promise((resolve) => alertmanager?.once('exit', resolve));
      alertmanager.kill('SIGTERM');
      await exited;
    }
    await new Promise((resolve) => webhook.server.close(resolve));
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('delivers a version-4 page to the team receiver, holding back what CollectorDown inhibits', async () => {
    await post([{ labels: labels.collectorDown }, { labels: labels.burnRate }]);

    const delivered = await webhook.waitFor('CollectorDown', (d) => alertnames(d).includes('CollectorDown'));
    expect(delivered.payload).toMatchObject({ version: '4', status: 'firing', receiver: 'oncall-page' });
    expect(delivered.payload.commonLabels).toMatchObject(labels.collectorDown);
    expect(delivered.authorization).toBe(`Bearer ${WEBHOOK_TOKEN}`);

    // Alertmanager itself says the burn-rate alert is inhibited by CollectorDown...
    const fingerprint = delivered.payload.alerts[0]?.fingerprint;
    const inhibited = await pollUntil('VendFailureBurnRate to be inhibited', async () => {
      const response = await fetch(`${baseUrl}/api/v2/alerts?filter=alertname%3D%22VendFailureBurnRate%22`);
      const [alert] = (await response.json()) as { status: { state: string; inhibitedBy: string[] } }[];
      return alert?.status.state === 'suppressed' ? alert : undefined;
    });
    expect(inhibited.status.inhibitedBy).toEqual([fingerprint]);

    // ...and a later page on another group gets through while the inhibited one still has not.
    await post([{ labels: labels.probe }]);
    await webhook.waitFor('SyntheticVendFailing', (d) => alertnames(d).includes('SyntheticVendFailing'));
    expect(webhook.deliveries.flatMap(alertnames)).not.toContain('VendFailureBurnRate');
  });

  it('sends the resolution, then the alert CollectorDown was holding back', async () => {
    await post([{ labels: labels.collectorDown, endsAt: new Date().toISOString() }]);
    const resolved = await webhook.waitFor(
      'CollectorDown resolved',
      (d) => d.payload.status === 'resolved' && alertnames(d).includes('CollectorDown'),
    );
    expect(resolved.payload.alerts[0]?.endsAt).not.toBe('0001-01-01T00:00:00Z');

    const released = await webhook.waitFor('VendFailureBurnRate', (d) =>
      alertnames(d).includes('VendFailureBurnRate'),
    );
    expect(released.payload).toMatchObject({ status: 'firing', receiver: 'oncall-page' });
    expect(released.payload.alerts[0]?.labels).toMatchObject(labels.burnRate);
  });

  it('routes the Watchdog heartbeat to its own receiver', async () => {
    await post([
      { labels: { alertname: 'Watchdog', severity: 'info', team: 'oncall', service: 'platform' } },
    ]);
    const heartbeat = await webhook.waitFor('Watchdog', (d) => alertnames(d).includes('Watchdog'));
    expect(heartbeat.payload.receiver).toBe('watchdog');
  });
});
