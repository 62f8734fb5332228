import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderPrometheusConfig } from '../prometheus/render-prometheus-config';
import { renderRulesYaml } from '../prometheus/rules';
import { runTool } from '../prometheus/run-tool';

const RULES_DIR = join(import.meta.dirname, '..', 'prometheus', 'rules');
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding copies of the committed rule files under rules/, as `npm start` lays them out. */
function stackDir(): { dir: string; ruleFiles: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'stimawatch-prometheus-'));
  tempDirs.push(dir);
  mkdirSync(join(dir, 'rules'));
  const names = readdirSync(RULES_DIR).filter((name) => name.endsWith('.yml'));
  for (const name of names) copyFileSync(join(RULES_DIR, name), join(dir, 'rules', name));
  return { dir, ruleFiles: names.map((name) => `rules/${name}`) };
}

describe('renderPrometheusConfig', () => {
  it('renders a config promtool accepts, with the committed rules, both jobs and the Alertmanager', () => {
    const { dir, ruleFiles } = stackDir();
    const text = renderPrometheusConfig({
      scrapeInterval: '15s',
      evaluationInterval: '15s',
      collectorTargets: ['127.0.0.1:8081', '127.0.0.1:18081'],
      alertsTargets: ['127.0.0.1:8082'],
      alertmanagerUrl: 'http://127.0.0.1:9093',
      ruleFiles,
      externalLabels: { region: 'nairobi' },
    });
    writeFileSync(join(dir, 'prometheus.yml'), text);
    const result = runTool('promtool', ['check', 'config', 'prometheus.yml'], dir);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('SUCCESS: 4 rule files found');

    const config = parse(text);
    expect(config.scrape_configs.map((job: { job_name: string }) => job.job_name)).toEqual([
      'stimawatch-collector',
      'stimawatch-alerts',
    ]);
    expect(config.scrape_configs[0].static_configs[0].targets).toEqual(['127.0.0.1:8081', '127.0.0.1:18081']);
    expect(config.alerting.alertmanagers[0].static_configs[0].targets).toEqual(['127.0.0.1:9093']);
    expect(config.global.scrape_timeout).toBe('10s');
  });

  it('renders the fast end-to-end variant: 1 s intervals, 20x rules, Alertmanager under a path prefix', () => {
    const { dir } = stackDir();
    writeFileSync(join(dir, 'fast-rules.yml'), renderRulesYaml({ timeScale: 20, scrapeIntervalSeconds: 1 }));
    const text = renderPrometheusConfig({
      scrapeInterval: '1s',
      evaluationInterval: '1s',
      collectorTargets: ['127.0.0.1:41001'],
      alertsTargets: [],
      alertmanagerUrl: 'http://127.0.0.1:41002/alertmanager/',
      ruleFiles: ['fast-rules.yml'],
    });
    writeFileSync(join(dir, 'prometheus.yml'), text);
    const result = runTool('promtool', ['check', 'config', 'prometheus.yml'], dir);
    expect(result.status, result.output).toBe(0);
    const config = parse(text);
    // Prometheus rejects a scrape timeout above the scrape interval (its default is 10s).
    expect(config.global.scrape_timeout).toBe('1s');
    expect(config.alerting.alertmanagers[0].path_prefix).toBe('/alertmanager');
  });

  it('names the bad option', () => {
    const base = {
      scrapeInterval: '15s',
      evaluationInterval: '15s',
      collectorTargets: ['127.0.0.1:8081'],
      alertsTargets: ['127.0.0.1:8082'],
      alertmanagerUrl: 'http://127.0.0.1:9093',
      ruleFiles: ['rules/vending.yml'],
    };
    expect(() => renderPrometheusConfig({ ...base, scrapeInterval: '15 seconds' })).toThrow(/scrapeInterval/);
    expect(() => renderPrometheusConfig({ ...base, collectorTargets: ['http://x:1/metrics'] })).toThrow(
      /collectorTargets/,
    );
  });
});
