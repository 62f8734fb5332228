import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startFakeAfricasTalking,
  startFakeXServer,
  type FakeAfricasTalking,
  type FakeXServer,
} from '@stimawatch/core/fakes';
import { deleteRedisPrefix, freePort, privateRedisPrefix } from '@stimawatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_TIME_SCALE, firingAlerts, startFastMonitoring } from './fast-monitoring';
import { E2E_ONCALL_YAML, PHONES } from './oncall-e2e';
import { eventually, type StackProcess, startService, waitForHealthy } from './stack-processes';
import { VendTraffic } from './vend-traffic';

/**
 * The whole pipeline on this machine: the real collector, Prometheus with the production rules compressed
 * E2E_TIME_SCALE times, Alertmanager, the alerts service, Redis, and fake SMS and X servers speaking the real
 * wire formats. A token-vending outage must page the primary once, escalate to the secondary, stop escalating
 * after an acknowledgement, nudge the comms team while the utility stays silent, and resolve when traffic recovers.
 */
const dir = mkdtempSync(join(tmpdir(), 'stimawatch-e2e-'));
const prefix = privateRedisPrefix('e2e');
const ingestToken = 'e2e-ingest-token-0123456789';
const adminToken = 'e2e-admin-token-0123456789';
const statementToken = 'e2e-statement-token-0123456789';
const webhookToken = 'e2e-webhook-token-0123456789';
const processes: StackProcess[] = [];
let sms: FakeAfricasTalking;
let fakeX: FakeXServer;
let traffic: VendTraffic;
let prometheusUrl: string;
let alertsUrl: string;

const smsTo = (phone: string) => sms.inbox().filter((message) => message.to === phone);
const api = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${alertsUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', ...init.headers },
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
};

beforeAll(async () => {
  sms = await startFakeAfricasTalking();
  fakeX = await startFakeXServer();
  fakeX.addUser({ username: 'KenyaPower_Care', name: 'Kenya Power Care' });
  const [collectorPort, alertsPort] = [await freePort(), await freePort()];
  const collectorUrl = `http://127.0.0.1:${collectorPort}`;
  alertsUrl = `http://127.0.0.1:${alertsPort}`;
  writeFileSync(join(dir, 'oncall.yml'), E2E_ONCALL_YAML);
  const shared = { REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'warn' };
  const collector = startService('collector', 'collector/src/main.ts', {
    ...shared,
    DATA_DIR: join(dir, 'collector'),
    COLLECTOR_PORT: String(collectorPort),
    INGEST_TOKENS: `e2e:${ingestToken}`,
    MPESA_CALLBACK_SECRET: 'e2e-callback-secret-0123456789',
    PAYMENT_TOKEN_WAIT_SECONDS: '2',
    X_BEARER_TOKEN: 'e2e-x-bearer',
    X_API_BASE_URL: fakeX.url,
    X_POLL_INTERVAL_SECONDS: '5',
    X_OFFICIAL_POLL_INTERVAL_SECONDS: '5',
    ALERTS_URL: alertsUrl,
    STATEMENT_TOKEN: statementToken,
  });
  const alerts = startService('alerts', 'alerts/src/main.ts', {
    ...shared,
    DATA_DIR: join(dir, 'alerts'),
    ALERTS_PORT: String(alertsPort),
    ACK_LINK_SECRET: 'e2e-ack-link-secret-0123456789abcdef',
    API_TOKENS: `e2e:admin:${adminToken},watcher:comms:${statementToken}`,
    ALERTMANAGER_WEBHOOK_TOKEN: webhookToken,
    ONCALL_FILE: join(dir, 'oncall.yml'),
    AT_USERNAME: 'stimawatch',
    AT_API_KEY: 'e2e-at-key',
    AT_BASE_URL: sms.url,
    COMMS_SILENCE_MINUTES: String(15 / E2E_TIME_SCALE),
  });
  processes.push(collector, alerts);
  await waitForHealthy(`${collectorUrl}/readyz`, collector);
  await waitForHealthy(`${alertsUrl}/readyz`, alerts);
  const monitoring = await startFastMonitoring({
    dir,
    collectorTarget: `127.0.0.1:${collectorPort}`,
    alertsTarget: `127.0.0.1:${alertsPort}`,
    webhookUrl: `${alertsUrl}/v1/alertmanager`,
    webhookToken,
  });
  processes.push(...monitoring.processes);
  prometheusUrl = monitoring.prometheusUrl;
  traffic = new VendTraffic({ collectorUrl, ingestToken, purchasesPerTick: 4, tickMs: 250 });
  traffic.start();
}, 120_000);

afterAll(async () => {
  await traffic?.stop();
  for (const process of processes.reverse()) await process.stop();
  await sms?.close();
  await fakeX?.close();
  await deleteRedisPrefix(prefix);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a token-vending outage, end to end', () => {
  it('pages, escalates, stops on acknowledgement, nudges comms, and resolves on recovery', async () => {
    // Healthy traffic fills the rate windows; nothing pages.
    await eventually(
      'healthy traffic in Prometheus',
      async () => {
        const query = encodeURIComponent('sum(rate(stimawatch_vend_stage_total{outcome="success"}[15s]))');
        const body = (await (await fetch(`${prometheusUrl}/api/v1/query?query=${query}`)).json()) as {
          data: { result: { value: [number, string] }[] };
        };
        return Number(body.data.result[0]?.value[1] ?? 0) > 5 ? true : undefined;
      },
      60_000,
      processes,
    );
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect(sms.inbox()).toEqual([]);

    const onset = Date.now();
    traffic.setMode('outage');
    for (let i = 0; i < 15; i += 1) {
      fakeX.addPost({
        authorUsername: `mteja_${i}`,
        text: `KPLC tokens hazikuji tangu asubuhi, nimelipa M-Pesa na hakuna token #${i}`,
      });
    }

    const page = await eventually(
      'a page to the primary',
      () => smsTo(PHONES.primary)[0],
      120_000,
      processes,
    );
    const onsetToPageSeconds = (Date.parse(page.receivedAt) - onset) / 1000;
    console.log(
      `onset-to-page latency: ${onsetToPageSeconds.toFixed(1)} s (rules at 1/${E2E_TIME_SCALE} time scale)`,
    );

    const escalation = await eventually(
      'an escalation to the secondary',
      () => smsTo(PHONES.secondary)[0],
      60_000,
      processes,
    );
    console.log(
      `page-to-escalation: ${((Date.parse(escalation.receivedAt) - Date.parse(page.receivedAt)) / 1000).toFixed(1)} s`,
    );
    expect(smsTo(PHONES.primary)).toHaveLength(1);

    const { incidents } = (await api('/v1/incidents?status=open')) as {
      incidents: { id: string; service: string }[];
    };
    const vending = incidents.find((incident) => incident.service === 'vending');
    expect(vending).toBeDefined();
    await api(`/v1/incidents/${vending?.id}/ack`, { method: 'POST', body: '{}' });
    const ackedAt = Date.now();

    await eventually(
      'a comms nudge while the utility is silent',
      () => smsTo(PHONES.comms)[0],
      90_000,
      processes,
    );
    await eventually(
      'SocialComplaintSurge and PublicSilence firing',
      async () => {
        const firing = await firingAlerts(prometheusUrl);
        return firing.has('SocialComplaintSurge') && firing.has('PublicSilence') ? firing : undefined;
      },
      120_000,
      processes,
    );
    // Longer than two escalation steps: an acknowledged incident must not reach the third level.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 15_000 - (Date.now() - ackedAt))));
    expect(smsTo(PHONES.tertiary)).toEqual([]);
    expect(smsTo(PHONES.primary)).toHaveLength(1);

    traffic.setMode('healthy');
    await eventually(
      'the vending incident resolved',
      async () => {
        const detail = (await api(`/v1/incidents/${vending?.id}`)) as { incident: { status: string } };
        return detail.incident.status === 'resolved' ? true : undefined;
      },
      120_000,
      processes,
    );
    expect(traffic.failures).toEqual([]);
  }, 420_000);
});
