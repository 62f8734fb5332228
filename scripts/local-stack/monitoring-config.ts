import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderAlertmanagerConfig } from '../../alerts/alertmanager/render-config';
import { renderPrometheusConfig } from '../../alerts/prometheus/render-prometheus-config';

export interface MonitoringConfigOptions {
  dataDir: string;
  collectorTarget: string;
  alertsTarget: string;
  alertmanagerTarget: string;
  webhookUrl: string;
  webhookToken: string;
}

const RULES_DIR = resolve('alerts/prometheus/rules');

/** Writes prometheus.yml (with a copy of the committed rules) and alertmanager.yml under DATA_DIR. */
export function writeMonitoringConfig(options: MonitoringConfigOptions): {
  prometheusConfig: string;
  alertmanagerConfig: string;
} {
  const prometheusDir = join(options.dataDir, 'prometheus-config');
  const rulesDir = join(prometheusDir, 'rules');
  mkdirSync(rulesDir, { recursive: true });
  const ruleFiles = readdirSync(RULES_DIR).filter((name) => name.endsWith('.yml'));
  for (const name of ruleFiles) copyFileSync(join(RULES_DIR, name), join(rulesDir, name));
  const prometheusConfig = join(prometheusDir, 'prometheus.yml');
  writeFileSync(
    prometheusConfig,
    renderPrometheusConfig({
      scrapeInterval: '15s',
      evaluationInterval: '15s',
      collectorTargets: [options.collectorTarget],
      alertsTargets: [options.alertsTarget],
      alertmanagerUrl: `http://${options.alertmanagerTarget}`,
      ruleFiles: ruleFiles.map((name) => `rules/${name}`),
    }),
  );
  const alertmanagerDir = join(options.dataDir, 'alertmanager-config');
  mkdirSync(alertmanagerDir, { recursive: true });
  const alertmanagerConfig = join(alertmanagerDir, 'alertmanager.yml');
  writeFileSync(
    alertmanagerConfig,
    renderAlertmanagerConfig({ webhookUrl: options.webhookUrl, webhookBearerToken: options.webhookToken }),
    { mode: 0o600 },
  );
  return { prometheusConfig, alertmanagerConfig };
}
