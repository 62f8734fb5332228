import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEVERITIES, TEAMS } from '@stimawatch/core';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_WEBHOOK_URL, renderAlertmanagerConfig } from '../alertmanager/render-config';
import { runTool } from '../prometheus/run-tool';

const COMMITTED = join(import.meta.dirname, '..', 'alertmanager', 'alertmanager.yml');
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** The receiver(s) amtool routes a label set to, per the committed configuration. */
function routeOf(labels: Record<string, string>, file = COMMITTED): string {
  const args = Object.entries(labels).map(([name, value]) => `${name}=${value}`);
  const result = runTool('amtool', ['config', 'routes', 'test', `--config.file=${file}`, ...args]);
  expect(result.status, result.output).toBe(0);
  return (
    result.output
      .split('\n')
      .find((line) => line.trim() !== '' && !line.startsWith('Warning'))
      ?.trim() ?? ''
  );
}

describe('alertmanager.yml', () => {
  it('is the renderer output for the default webhook (run generate-config.ts after a change)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(
      renderAlertmanagerConfig({ webhookUrl: DEFAULT_WEBHOOK_URL }),
    );
  });

  it('passes amtool check-config', () => {
    const result = runTool('amtool', ['check-config', COMMITTED]);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('3 inhibit rules');
  });

  it('routes every team and severity to its own receiver', () => {
    for (const team of TEAMS) {
      for (const severity of SEVERITIES) {
        expect(routeOf({ alertname: 'VendFailureBurnRate', severity, team, service: 'vending' })).toBe(
          `${team}-${severity}`,
        );
      }
    }
  });

  it('routes Watchdog to its own receiver, and alerts without routing labels to unrouted', () => {
    expect(routeOf({ alertname: 'Watchdog', severity: 'info', team: 'oncall', service: 'platform' })).toBe(
      'watchdog',
    );
    expect(routeOf({ alertname: 'SomethingNew' })).toBe('unrouted');
  });

  it('notifies pages fast, resolves too, and leaves re-paging to the alerts service', () => {
    const config = parse(readFileSync(COMMITTED, 'utf8'));
    const page = config.route.routes.find((route: { receiver: string }) => route.receiver === 'oncall-page');
    expect(page).toMatchObject({ group_wait: '10s', group_interval: '1m' });
    expect(config.route.repeat_interval).toBe('1h');
    const watchdog = config.route.routes[0];
    expect(watchdog).toMatchObject({ receiver: 'watchdog', repeat_interval: '1m' });
    for (const receiver of config.receivers) {
      expect(receiver.webhook_configs).toEqual([
        { url: DEFAULT_WEBHOOK_URL, send_resolved: true, max_alerts: 0 },
      ]);
    }
  });

  it('renders a bearer token file for an authenticated webhook, which amtool accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stimawatch-am-'));
    tempDirs.push(dir);
    const file = join(dir, 'alertmanager.yml');
    writeFileSync(
      file,
      renderAlertmanagerConfig({
        webhookUrl: 'https://alerts.internal:8443/v1/alertmanager',
        webhookBearerTokenFile: '/run/secrets/alertmanager-webhook-token',
        groupWait: '1s',
      }),
    );
    const result = runTool('amtool', ['check-config', file]);
    expect(result.status, result.output).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('credentials_file: /run/secrets/alertmanager-webhook-token');
    expect(routeOf({ severity: 'page', team: 'comms' }, file)).toBe('comms-page');
  });

  it('rejects bad options with the field name', () => {
    expect(() => renderAlertmanagerConfig({ webhookUrl: 'not a url' })).toThrow(/webhookUrl/);
    expect(() => renderAlertmanagerConfig({ webhookUrl: DEFAULT_WEBHOOK_URL, groupWait: 'soon' })).toThrow(
      /groupWait/,
    );
    expect(() =>
      renderAlertmanagerConfig({
        webhookUrl: DEFAULT_WEBHOOK_URL,
        webhookBearerToken: 'a',
        webhookBearerTokenFile: 'b',
      }),
    ).toThrow(/not both/);
  });
});
