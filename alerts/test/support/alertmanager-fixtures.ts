import { type AlertmanagerPayload, alertmanagerPayloadSchema } from '@stimawatch/core';

export interface AlertSpec {
  alertname?: string;
  fingerprint: string;
  status?: 'firing' | 'resolved';
  startsAt?: string;
  labels?: Record<string, string>;
  summary?: string;
}

/** A webhook v4 notification as Alertmanager 0.25–0.34 sends it, validated so fixtures cannot drift. */
export function webhookPayload(
  alerts: AlertSpec[],
  group: { groupKey?: string; labels?: Record<string, string> } = {},
): AlertmanagerPayload {
  const common = { severity: 'page', service: 'vending', team: 'oncall', ...group.labels };
  const body = {
    version: '4',
    groupKey: group.groupKey ?? '{}/{severity="page"}:{alertname="VendFailureBurnRate"}',
    truncatedAlerts: 0,
    status: alerts.some((a) => (a.status ?? 'firing') === 'firing') ? 'firing' : 'resolved',
    receiver: 'stimawatch-pager',
    groupLabels: { alertname: alerts[0]?.alertname ?? 'VendFailureBurnRate' },
    commonLabels: common,
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    notification_reason: 'new_alerts',
    alerts: alerts.map((a) => ({
      status: a.status ?? 'firing',
      labels: { alertname: a.alertname ?? 'VendFailureBurnRate', ...common, ...a.labels },
      annotations: {
        summary: a.summary ?? 'Token vend failures burning the error budget fast',
        runbook_url: 'https://runbooks/vend',
      },
      startsAt: a.startsAt ?? '2026-05-04T19:02:15.123456789Z',
      endsAt: a.status === 'resolved' ? '2026-05-04T19:30:00Z' : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph?g0.expr=x',
      fingerprint: a.fingerprint,
    })),
  };
  return alertmanagerPayloadSchema.parse(body);
}
