import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderComposeAlertmanagerConfig } from '../src/compose-alertmanager-config';
import { CONTAINER_RULE_FILES_GLOB, readRuleFiles, REPO_ROOT, RULES_DIR } from './rule-files';

const run = promisify(execFile);
const PROMETHEUS_CONFIG = join(REPO_ROOT, 'deploy/prometheus/prometheus.yml');
const ALERTMANAGER_CONFIG = join(REPO_ROOT, 'deploy/alertmanager/alertmanager.yml');

interface Compose {
  services: Record<string, { volumes?: string[]; secrets?: string[] }>;
  secrets?: Record<string, { environment?: string }>;
}
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8')) as Compose;

async function outcome(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return run(command, args).then(
    ({ stdout, stderr }) => ({ code: 0, output: `${stdout}${stderr}` }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? -1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );
}

describe('compose Prometheus config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stimawatch-prometheus-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes promtool check config together with the rule files compose mounts', async () => {
    const rules = readRuleFiles();
    mkdirSync(join(dir, 'rules'));
    for (const file of rules.files) copyFileSync(join(RULES_DIR, file), join(dir, 'rules', file));
    const text = readFileSync(PROMETHEUS_CONFIG, 'utf8');
    expect(text).toContain(CONTAINER_RULE_FILES_GLOB);
    writeFileSync(
      join(dir, 'prometheus.yml'),
      text.replace(CONTAINER_RULE_FILES_GLOB, join(dir, 'rules/*.yml')),
    );

    const result = await outcome('promtool', ['check', 'config', join(dir, 'prometheus.yml')]);
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
    for (const file of rules.files) expect(result.output).toContain(file);
  });

  it('reads its rules from the folder compose mounts alerts/prometheus/rules into', () => {
    const mounts = compose.services.prometheus?.volumes ?? [];
    const target = CONTAINER_RULE_FILES_GLOB.replace('/*.yml', '');
    expect(mounts).toContain(`./alerts/prometheus/rules:${target}:ro`);
    expect(mounts).toContain('./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
  });

  it('scrapes the collector and alerts jobs and alerts through the compose Alertmanager', () => {
    const config = parse(readFileSync(PROMETHEUS_CONFIG, 'utf8')) as {
      scrape_configs: { job_name: string; dns_sd_configs?: { names: string[]; port: number }[] }[];
      alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
    };
    const job = (name: string) => config.scrape_configs.find((c) => c.job_name === name)?.dns_sd_configs?.[0];
    expect(job('stimawatch-collector')).toMatchObject({ names: ['collector'], port: 8081 });
    expect(job('stimawatch-alerts')).toMatchObject({ names: ['alerts'], port: 8082 });
    expect(config.alerting.alertmanagers[0]?.static_configs[0]?.targets).toEqual(['alertmanager:9093']);
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['collector', 'alerts', 'alertmanager']),
    );
  });
});

describe('compose Alertmanager config', () => {
  it('is the committed output of its generator (npx tsx grafana/src/generate-compose-alertmanager.ts)', () => {
    expect(readFileSync(ALERTMANAGER_CONFIG, 'utf8')).toBe(renderComposeAlertmanagerConfig());
  });

  it('routes and inhibits exactly like alerts/alertmanager/alertmanager.yml, only the webhook differs', () => {
    const shared = parse(readFileSync(join(REPO_ROOT, 'alerts/alertmanager/alertmanager.yml'), 'utf8'));
    const composed = parse(readFileSync(ALERTMANAGER_CONFIG, 'utf8'));
    expect(composed.route).toEqual(shared.route);
    expect(composed.inhibit_rules).toEqual(shared.inhibit_rules);
    expect(composed.receivers.map((r: { name: string }) => r.name)).toEqual(
      shared.receivers.map((r: { name: string }) => r.name),
    );
  });

  it('passes amtool check-config', async () => {
    const result = await outcome('amtool', ['check-config', ALERTMANAGER_CONFIG]);
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it('posts to the alerts service webhook with the bearer token compose mounts as a secret', () => {
    const config = parse(readFileSync(ALERTMANAGER_CONFIG, 'utf8')) as {
      route: { receiver: string };
      receivers: {
        name: string;
        webhook_configs?: { url: string; http_config?: { authorization?: { credentials_file?: string } } }[];
      }[];
    };
    const webhooks = config.receivers.flatMap((r) => r.webhook_configs ?? []);
    expect(webhooks.length).toBe(config.receivers.length);
    expect(new Set(webhooks.map((w) => w.url))).toEqual(new Set(['http://alerts:8082/v1/alertmanager']));
    const files = new Set(webhooks.map((w) => w.http_config?.authorization?.credentials_file));
    expect(files.size).toBe(1);
    const secretFile = [...files][0] ?? '';
    const secretName = secretFile.replace('/run/secrets/', '');
    expect(compose.services.alertmanager?.secrets).toContain(secretName);
    expect(compose.secrets?.[secretName]?.environment).toBe('ALERTMANAGER_WEBHOOK_TOKEN');
    expect(compose.services.alertmanager?.volumes).toContain(
      './deploy/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro',
    );
  });
});
