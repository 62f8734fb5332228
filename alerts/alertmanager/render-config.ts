import { StimaError, SEVERITIES, type Severity, TEAMS, type Team } from '@stimawatch/core';
import { stringify } from 'yaml';
import { z } from 'zod';
import { parseOptions } from '../prometheus/parse-options';

export const DEFAULT_WEBHOOK_URL = 'http://127.0.0.1:8082/v1/alertmanager';

/** Alerts that read collector metrics: blind (not healthy) while every collector is down. */
export const COLLECTOR_FED_ALERTS = [
  'VendFailureBurnRate',
  'PaidButNoToken',
  'TokenIssuanceStalled',
  'PaymentErrorSpike',
  'SocialComplaintSurge',
] as const;

const duration = z.string().regex(/^(?:\d+(?:ms|[smhdwy]))+$/, 'a duration such as 10s, 1m or 4h');

const optionsSchema = z.object({
  /** The alerts service webhook (`POST /v1/alertmanager`). */
  webhookUrl: z.url(),
  /** Page routes: wait before the first notification of a new group. */
  groupWait: duration.default('10s'),
  /** Page routes: wait before notifying new or resolved alerts in a group already notified. */
  groupInterval: duration.default('1m'),
  /** Every route but Watchdog. Re-paging and escalation are the alerts service's job; this only refreshes. */
  repeatInterval: duration.default('1h'),
  /** Ticket and info routes. */
  ticketGroupWait: duration.default('30s'),
  ticketGroupInterval: duration.default('5m'),
  /** The heartbeat's cadence: the alerts service raises the alarm when Watchdog stops arriving. */
  watchdogRepeatInterval: duration.default('1m'),
  /** Bearer token the webhook expects, inline (rendered into the file) or read by Alertmanager from a file. */
  webhookBearerToken: z.string().min(1).optional(),
  webhookBearerTokenFile: z.string().min(1).optional(),
});
export type AlertmanagerConfigOptions = z.input<typeof optionsSchema>;

/** Receiver name per team and severity; the alerts service reads it from the payload's `receiver`. */
export function receiverName(team: Team, severity: Severity): string {
  return `${team}-${severity}`;
}
export const WATCHDOG_RECEIVER = 'watchdog';
export const UNROUTED_RECEIVER = 'unrouted';

function resolveOptions(options: AlertmanagerConfigOptions) {
  const parsed = parseOptions(optionsSchema, options, 'Alertmanager');
  if (parsed.webhookBearerToken !== undefined && parsed.webhookBearerTokenFile !== undefined) {
    throw new StimaError('VALIDATION', 'set webhookBearerToken or webhookBearerTokenFile, not both');
  }
  return parsed;
}

/** The Alertmanager configuration as an object (see `renderAlertmanagerConfig` for the YAML). */
export function buildAlertmanagerConfig(options: AlertmanagerConfigOptions) {
  const o = resolveOptions(options);
  const authorization =
    o.webhookBearerToken !== undefined
      ? { type: 'Bearer', credentials: o.webhookBearerToken }
      : o.webhookBearerTokenFile !== undefined
        ? { type: 'Bearer', credentials_file: o.webhookBearerTokenFile }
        : undefined;
  const receiver = (name: string) => ({
    name,
    webhook_configs: [
      {
        url: o.webhookUrl,
        send_resolved: true,
        max_alerts: 0,
        ...(authorization === undefined ? {} : { http_config: { authorization } }),
      },
    ],
  });
  const teamRoutes = TEAMS.flatMap((team) =>
    SEVERITIES.map((severity) => ({
      receiver: receiverName(team, severity),
      matchers: [`team="${team}"`, `severity="${severity}"`],
      ...(severity === 'page'
        ? { group_wait: o.groupWait, group_interval: o.groupInterval }
        : { group_wait: o.ticketGroupWait, group_interval: o.ticketGroupInterval }),
    })),
  );
  return {
    global: { resolve_timeout: '5m' },
    route: {
      receiver: UNROUTED_RECEIVER,
      group_by: ['alertname', 'service'],
      group_wait: o.ticketGroupWait,
      group_interval: o.ticketGroupInterval,
      repeat_interval: o.repeatInterval,
      routes: [
        {
          receiver: WATCHDOG_RECEIVER,
          matchers: ['alertname="Watchdog"'],
          group_wait: o.groupWait,
          group_interval: o.watchdogRepeatInterval,
          repeat_interval: o.watchdogRepeatInterval,
        },
        ...teamRoutes,
      ],
    },
    inhibit_rules: [
      {
        // Every collector down: the alerts fed by collector metrics are blind, not informative.
        source_matchers: ['alertname="CollectorDown"', 'severity="page"'],
        target_matchers: [`alertname=~"${COLLECTOR_FED_ALERTS.join('|')}"`],
      },
      {
        source_matchers: ['alertname="SocialSourceDown"'],
        target_matchers: ['alertname="SocialComplaintSurge"'],
      },
      {
        // The page already says it; a ticket for the same problem (and team, and stage) is noise.
        source_matchers: ['severity="page"'],
        target_matchers: ['severity="ticket"'],
        equal: ['alertname', 'team', 'stage'],
      },
    ],
    receivers: [
      receiver(UNROUTED_RECEIVER),
      receiver(WATCHDOG_RECEIVER),
      ...TEAMS.flatMap((team) => SEVERITIES.map((severity) => receiver(receiverName(team, severity)))),
    ],
  };
}

const HEADER =
  '# Generated by alerts/alertmanager/generate-config.ts (renderAlertmanagerConfig defaults); do not edit.\n';

/** `alertmanager.yml` text routing every alert to the alerts service webhook by team and severity. */
export function renderAlertmanagerConfig(options: AlertmanagerConfigOptions): string {
  return HEADER + stringify(buildAlertmanagerConfig(options), { lineWidth: 0 });
}
