import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@stimawatch/core/testing';
import { renderPrometheusConfig } from '../../../alerts/prometheus/render-prometheus-config';
import {
  eventually,
  type StackProcess,
  startProcess,
  waitForHealthy,
} from '../../../alerts/test/e2e/stack-processes';

export interface PrometheusServer {
  url: string;
  process: StackProcess;
  /** The value of an instant query whose answer is one sample (`sum(...)`, `max(...)`), undefined when empty. */
  value(expr: string): Promise<number | undefined>;
  /** Each sample of an instant query keyed by the label given (e.g. `instance`). */
  valuesBy(expr: string, label: string): Promise<Record<string, number>>;
  /** Resolves once every collector target was scraped, healthy, after `sinceMs` (its samples include what came before). */
  scrapedAfter(sinceMs: number, timeoutMs?: number): Promise<void>;
}

interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

interface ActiveTarget {
  labels: Record<string, string>;
  health: string;
  lastScrape: string;
}

/**
 * The Debian `prometheus` binary with the production configuration renderer, scraping the given collector
 * targets every second. No rule files: this Prometheus only stores and answers queries.
 */
export async function startPrometheus(dir: string, collectorTargets: string[]): Promise<PrometheusServer> {
  const port = await freePort();
  const alertmanagerPort = await freePort();
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(
    configFile,
    renderPrometheusConfig({
      scrapeInterval: '1s',
      evaluationInterval: '1s',
      collectorTargets,
      alertsTargets: [],
      // Nothing listens there and no rule fires: the renderer requires an Alertmanager.
      alertmanagerUrl: `http://127.0.0.1:${alertmanagerPort}`,
      ruleFiles: [],
    }),
  );
  const process = startProcess('prometheus', 'prometheus', [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${join(dir, 'prometheus-data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ]);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealthy(`${url}/-/ready`, process, 30_000);
  } catch (error) {
    await process.stop();
    throw error;
  }

  const query = async (expr: string): Promise<VectorSample[]> => {
    const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: { result: VectorSample[] };
    };
    if (body.status !== 'success' || body.data === undefined) {
      throw new Error(`Prometheus query ${expr} failed: ${body.error ?? response.status}`);
    }
    return body.data.result;
  };

  return {
    url,
    process,
    async value(expr) {
      const result = await query(expr);
      if (result.length > 1) throw new Error(`${expr} answered ${result.length} samples, expected one`);
      const sample = result[0];
      return sample === undefined ? undefined : Number(sample.value[1]);
    },
    async valuesBy(expr, label) {
      const result = await query(expr);
      return Object.fromEntries(
        result.map((sample) => [sample.metric[label] ?? '', Number(sample.value[1])]),
      );
    },
    async scrapedAfter(sinceMs, timeoutMs = 15_000) {
      await eventually(
        `every collector target scraped after ${new Date(sinceMs).toISOString()}`,
        async () => {
          const body = (await (await fetch(`${url}/api/v1/targets?state=active`)).json()) as {
            data: { activeTargets: ActiveTarget[] };
          };
          const collectors = body.data.activeTargets.filter((target) =>
            collectorTargets.includes(target.labels.instance ?? ''),
          );
          const fresh = collectors.filter(
            (target) => target.health === 'up' && Date.parse(target.lastScrape) > sinceMs,
          );
          return collectors.length === collectorTargets.length && fresh.length === collectors.length
            ? true
            : undefined;
        },
        timeoutMs,
        [process],
      );
    },
  };
}
