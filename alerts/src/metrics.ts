import type { Logger } from '@stimawatch/core';
import { METRICS } from '@stimawatch/core';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { OpenIncidentStats } from './store/incident-store';

/** Info alerts (Watchdog) refresh this instead of opening incidents; a stale value means the pipeline broke. */
export const ALERT_HEARTBEAT_METRIC = 'stimawatch_alert_heartbeat_timestamp_seconds';

/** Minutes-to-hours buckets: acknowledgement in minutes, resolution and statements in hours. */
const INCIDENT_SECONDS_BUCKETS = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400];

export interface AlertsMetricsSources {
  incidentStats(): Promise<OpenIncidentStats>;
  heartbeats(): Promise<{ alertname: string; lastSeenAt: Date }[]>;
}

export interface AlertsMetrics {
  webhookRejected(reason: WebhookRejectReason): void;
  observeTimeToAck(seconds: number): void;
  observeTimeToResolve(seconds: number): void;
  observeTimeToFirstStatement(seconds: number): void;
}

export type WebhookRejectReason = 'unauthorized' | 'invalid_json' | 'invalid_payload' | 'too_large';

/**
 * The service's metrics on an injected registry. Open incidents and comms silence are read from the database at
 * scrape time, so every replica reports the same truth; a failed read keeps the previous value and is logged.
 */
export function createAlertsMetrics(
  registry: Registry,
  sources: AlertsMetricsSources,
  logger: Logger,
): AlertsMetrics {
  const rejected = new Counter({
    name: METRICS.webhookRejectedTotal,
    help: 'Alertmanager webhook requests refused, by reason',
    labelNames: ['reason'],
    registers: [registry],
  });
  for (const reason of ['unauthorized', 'invalid_json', 'invalid_payload', 'too_large'] as const)
    rejected.inc({ reason }, 0);

  const logFailure = (metric: string) => (error: unknown) => {
    logger.error(
      { err: error, metric },
      'could not read metric from the database; keeping the previous value',
    );
  };

  new Gauge({
    name: METRICS.incidentsOpen,
    help: 'Incidents not yet resolved, by severity',
    labelNames: ['severity'],
    registers: [registry],
    async collect() {
      try {
        const { openBySeverity } = await sources.incidentStats();
        for (const [severity, count] of Object.entries(openBySeverity)) this.set({ severity }, count);
      } catch (error) {
        logFailure(METRICS.incidentsOpen)(error);
      }
    },
  });
  new Gauge({
    name: METRICS.commsSilenceSeconds,
    help: 'Longest time an unresolved customer-facing incident has gone without a public statement (0 if none)',
    registers: [registry],
    async collect() {
      try {
        this.set((await sources.incidentStats()).maxCommsSilenceSeconds);
      } catch (error) {
        logFailure(METRICS.commsSilenceSeconds)(error);
      }
    },
  });
  new Gauge({
    name: ALERT_HEARTBEAT_METRIC,
    help: 'When an info alert (Watchdog) was last received from Alertmanager, Unix seconds',
    labelNames: ['alertname'],
    registers: [registry],
    async collect() {
      try {
        for (const beat of await sources.heartbeats())
          this.set({ alertname: beat.alertname }, beat.lastSeenAt.getTime() / 1000);
      } catch (error) {
        logFailure(ALERT_HEARTBEAT_METRIC)(error);
      }
    },
  });

  const histogram = (name: string, help: string) =>
    new Histogram({ name, help, buckets: INCIDENT_SECONDS_BUCKETS, registers: [registry] });
  const ack = histogram(METRICS.incidentAckSeconds, 'Time from an incident opening to its acknowledgement');
  const resolve = histogram(
    METRICS.incidentResolveSeconds,
    'Time from an incident opening to its resolution',
  );
  const statement = histogram(
    METRICS.incidentFirstStatementSeconds,
    'Time from a customer-facing incident opening to its first public statement',
  );

  return {
    webhookRejected: (reason) => rejected.inc({ reason }),
    observeTimeToAck: (seconds) => ack.observe(seconds),
    observeTimeToResolve: (seconds) => resolve.observe(seconds),
    observeTimeToFirstStatement: (seconds) => statement.observe(seconds),
  };
}
