import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DASHBOARDS, dashboardModel } from '../src/dashboards';
import { PROMETHEUS_DATASOURCE } from '../src/panel-builders';
import { dashboardTargets } from './dashboard-targets';
import { REPO_ROOT } from './rule-files';

interface Panel {
  id?: number;
  type?: string;
  title?: string;
  datasource?: { uid?: string };
  gridPos?: { x: number; y: number; w: number; h: number };
  options?: { legend?: { showLegend?: boolean } };
}

const readYaml = (path: string): unknown => parse(readFileSync(join(REPO_ROOT, path), 'utf8'));
const models = DASHBOARDS.map((source) => dashboardModel(source));
const panelsOf = (model: (typeof models)[number]): Panel[] => (model.panels ?? []) as Panel[];

describe('generated dashboards', () => {
  it('query the provisioned Prometheus datasource by its uid, in every panel and target', () => {
    const provisioned = readYaml('grafana/provisioning/datasources/prometheus.yaml') as {
      apiVersion: number;
      datasources: { uid: string; type: string; url: string }[];
    };
    expect(provisioned.apiVersion).toBe(1);
    expect(provisioned.datasources).toHaveLength(1);
    expect(provisioned.datasources[0]).toMatchObject({ uid: PROMETHEUS_DATASOURCE.uid, type: 'prometheus' });
    expect(provisioned.datasources[0]?.url).toBe(`\${PROMETHEUS_URL}`);

    const panels = models.flatMap(panelsOf).filter((panel) => panel.type !== 'row');
    expect(panels.filter((panel) => panel.datasource?.uid !== PROMETHEUS_DATASOURCE.uid)).toEqual([]);
    expect(dashboardTargets().filter((target) => target.datasourceUid !== PROMETHEUS_DATASOURCE.uid)).toEqual(
      [],
    );
  });

  it('show the legend on every time series panel (the SDK hides it by default)', () => {
    const hidden = models
      .flatMap(panelsOf)
      .filter((panel) => panel.type === 'timeseries' && panel.options?.legend?.showLegend !== true);
    expect(hidden.map((panel) => panel.title)).toEqual([]);
  });

  it('have unique uids, unique panel ids and non-overlapping panels inside the 24-column grid', () => {
    expect(new Set(models.map((model) => model.uid)).size).toBe(models.length);
    for (const model of models) {
      const panels = panelsOf(model);
      expect(new Set(panels.map((panel) => panel.id)).size, model.title).toBe(panels.length);
      const cells = new Set<string>();
      for (const panel of panels) {
        const pos = panel.gridPos;
        if (pos === undefined) throw new Error(`${model.title} › ${panel.title} has no gridPos`);
        expect(pos.x + pos.w, `${panel.title} overflows`).toBeLessThanOrEqual(24);
        for (let x = pos.x; x < pos.x + pos.w; x += 1) {
          for (let y = pos.y; y < pos.y + pos.h; y += 1) {
            expect(cells.has(`${x},${y}`), `${model.title} › ${panel.title} overlaps`).toBe(false);
            cells.add(`${x},${y}`);
          }
        }
      }
    }
  });

  it('are raw dashboard models as file provisioning expects (no API or resource wrapper)', () => {
    for (const model of models) {
      expect(model).not.toHaveProperty('dashboard');
      expect(model).not.toHaveProperty('spec');
      expect(model.schemaVersion).toBeGreaterThanOrEqual(39);
      expect(model.tags).toContain('stimawatch');
    }
  });

  it('default the executive average purchase to KSh 500', () => {
    const executive = models.find((model) => model.title === 'Executive overview');
    const variable = executive?.templating?.list?.find((v) => v.name === 'average_purchase_kes');
    expect(variable).toMatchObject({ type: 'textbox', query: '500', current: { value: '500' } });
  });

  it('are loaded by the file provider from the folder compose mounts them into', () => {
    const provider = readYaml('grafana/provisioning/dashboards/provider.yaml') as {
      apiVersion: number;
      providers: { type: string; options: { path: string } }[];
    };
    expect(provider.apiVersion).toBe(1);
    expect(provider.providers[0]?.type).toBe('file');
    const compose = readYaml('docker-compose.yml') as { services: { grafana: { volumes: string[] } } };
    expect(compose.services.grafana.volumes).toContain(
      `./grafana/dashboards:${provider.providers[0]?.options.path}:ro`,
    );
    expect(compose.services.grafana.volumes).toContain('./grafana/provisioning:/etc/grafana/provisioning:ro');
  });
});
