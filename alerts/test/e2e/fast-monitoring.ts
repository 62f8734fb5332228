import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@stimawatch/core/testing';
import { renderAlertmanagerConfig } from '../../alertmanager/render-config';
import { renderPrometheusConfig } from '../../prometheus/render-prometheus-config';
import { renderRuleFiles, ruleFileYaml } from '../../prometheus/rules';
import { eventually, type StackProcess, startProcess, waitForHealthy } from './stack-processes';

/** The production rules compressed in time, so the real rule logic runs at test speed with 1 s scrapes. */
export const E2E_TIME_SCALE = 20;

export interface FastMonitoringOptions {
  dir: string;
  collectorTarget: string;
  alertsTarget: string;
  webhookUrl: string;
  webhookToken: string;
}

export interface FastMonitoring {
  prometheusUrl: string;
  alertmanagerUrl: string;
  processes: StackProcess[];
}

/** Prometheus (1 s scrape and evaluation) and Alertmanager (1 s group wait) from the Debian binaries. */
export async function startFastMonitoring(options: FastMonitoringOptions): Promise<FastMonitoring> {
  const rulesDir = join(options.dir, 'rules');
  mkdirSync(rulesDir, { recursive: true });
  const ruleFiles: string[] = [];
  for (const [name, file] of Object.entries(
    renderRuleFiles({ timeScale: E2E_TIME_SCALE, scrapeIntervalSeconds: 1 }),
  )) {
    writeFileSync(join(rulesDir, name), ruleFileYaml(file));
    ruleFiles.push(join(rulesDir, name));
  }
  const [prometheusPort, alertmanagerPort] = [await freePort(), await freePort()];
  const alertmanagerUrl = `http://127.0.0.1:${alertmanagerPort}`;
  writeFileSync(
    join(options.dir, 'prometheus.yml'),
    renderPrometheusConfig({
      scrapeInterval: '1s',
      evaluationInterval: '1s',
      collectorTargets: [options.collectorTarget],
      alertsTargets: [options.alertsTarget],
      alertmanagerUrl,
      ruleFiles,
    }),
  );
  writeFileSync(
    join(options.dir, 'alertmanager.yml'),
    renderAlertmanagerConfig({
      webhookUrl: options.webhookUrl,
      webhookBearerToken: options.webhookToken,
      groupWait: '1s',
      groupInterval: '3s',
      ticketGroupWait: '1s',
      ticketGroupInterval: '3s',
    }),
  );
  const prometheus = startProcess('prometheus', 'prometheus', [
    `--config.file=${join(options.dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(options.dir, 'prometheus-data')}`,
    `--web.listen-address=127.0.0.1:${prometheusPort}`,
    '--rules.alert.resend-delay=1s',
  ]);
  const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
  await waitForHealthy(`${prometheusUrl}/-/ready`, prometheus);
  // Until its first scrapes, Prometheus sees no collector at all; at 1/20 time scale CollectorDown's `for` is only
  // 3 s, so Alertmanager joins once every target is up and that start-up blindness has passed.
  await eventually('every target scraped and no alert pending', () => settled(prometheusUrl), 60_000, [
    prometheus,
  ]);
  const alertmanager = startProcess('alertmanager', 'prometheus-alertmanager', [
    `--config.file=${join(options.dir, 'alertmanager.yml')}`,
    `--storage.path=${join(options.dir, 'alertmanager-data')}`,
    `--web.listen-address=127.0.0.1:${alertmanagerPort}`,
    '--cluster.listen-address=',
  ]);
  await waitForHealthy(`${alertmanagerUrl}/-/ready`, alertmanager);
  return { prometheusUrl, alertmanagerUrl, processes: [prometheus, alertmanager] };
}

async function settled(prometheusUrl: string): Promise<true | undefined> {
  const targets = (await (await fetch(`${prometheusUrl}/api/v1/targets`)).json()) as {
    data: { activeTargets: { health: string }[] };
  };
  const up =
    targets.data.activeTargets.length > 0 && targets.data.activeTargets.every((t) => t.health === 'up');
  const alerts = (await (await fetch(`${prometheusUrl}/api/v1/alerts`)).json()) as {
    data: { alerts: { labels: Record<string, string> }[] };
  };
  const quiet = alerts.data.alerts.every((alert) => alert.labels.alertname === 'Watchdog');
  return up && quiet ? true : undefined;
}

/** Names of the alerts Prometheus currently has firing. */
export async function firingAlerts(prometheusUrl: string): Promise<Set<string>> {
  const body = (await (await fetch(`${prometheusUrl}/api/v1/alerts`)).json()) as {
    data: { alerts: { labels: Record<string, string>; state: string }[] };
  };
  return new Set(body.data.alerts.filter((a) => a.state === 'firing').map((a) => a.labels.alertname ?? ''));
}
