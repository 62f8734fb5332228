import { stringify } from 'yaml';
import { z } from 'zod';
import { formatDuration, parseDuration } from './duration';
import { parseOptions } from './parse-options';
import { ALERTS_JOB, COLLECTOR_JOB } from './platform-rules';

const DEFAULT_SCRAPE_TIMEOUT_MS = 10_000;

const target = z.string().regex(/^[^\s/]+:\d+$/, 'a host:port scrape target');
const optionsSchema = z.object({
  /** Prometheus durations, e.g. `15s` in production, `1s` in the fast end-to-end test. */
  scrapeInterval: z.string().refine(isDuration, 'a Prometheus duration such as 15s'),
  evaluationInterval: z.string().refine(isDuration, 'a Prometheus duration such as 15s'),
  collectorTargets: z.array(target),
  alertsTargets: z.array(target),
  /** Alertmanager base URL, e.g. `http://127.0.0.1:9093` (a path prefix is kept). */
  alertmanagerUrl: z.url(),
  /** Rule files as Prometheus should read them (relative paths resolve against the config file's folder). */
  ruleFiles: z.array(z.string().min(1)),
  /** Extra labels on every series and alert leaving this Prometheus (e.g. region). */
  externalLabels: z.record(z.string(), z.string()).optional(),
});
export type PrometheusConfigOptions = z.input<typeof optionsSchema>;

function isDuration(text: string): boolean {
  try {
    parseDuration(text);
    return true;
  } catch {
    // Not a duration: the refinement reports it with the field name.
    return false;
  }
}

/**
 * `prometheus.yml` text scraping the collectors (`stimawatch-collector`) and the alerts service
 * (`stimawatch-alerts`), loading the given rule files and sending alerts to one Alertmanager.
 */
export function renderPrometheusConfig(options: PrometheusConfigOptions): string {
  const o = parseOptions(optionsSchema, options, 'Prometheus');
  const alertmanager = new URL(o.alertmanagerUrl);
  const pathPrefix = alertmanager.pathname.replace(/\/+$/, '');
  // Prometheus rejects a scrape timeout longer than the interval (its default 10s breaks a 1s scrape).
  const scrapeTimeout = formatDuration(Math.min(parseDuration(o.scrapeInterval), DEFAULT_SCRAPE_TIMEOUT_MS));
  const config = {
    global: {
      scrape_interval: o.scrapeInterval,
      scrape_timeout: scrapeTimeout,
      evaluation_interval: o.evaluationInterval,
      ...(o.externalLabels === undefined ? {} : { external_labels: o.externalLabels }),
    },
    alerting: {
      alertmanagers: [
        {
          scheme: alertmanager.protocol.replace(':', ''),
          ...(pathPrefix === '' ? {} : { path_prefix: pathPrefix }),
          api_version: 'v2',
          static_configs: [{ targets: [alertmanager.host] }],
        },
      ],
    },
    rule_files: o.ruleFiles,
    scrape_configs: [
      { job_name: COLLECTOR_JOB, static_configs: [{ targets: o.collectorTargets }] },
      { job_name: ALERTS_JOB, static_configs: [{ targets: o.alertsTargets }] },
    ],
  };
  return stringify(config, { lineWidth: 0 });
}
