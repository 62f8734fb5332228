import { METRICS } from '@stimawatch/core';
import { num, type RuleContext, type RuleGroup } from './rule-context';

export const COLLECTOR_JOB = 'stimawatch-collector';
export const ALERTS_JOB = 'stimawatch-alerts';

/** The watcher itself: collectors, notification delivery and the always-firing Watchdog. */
export function platformGroup(ctx: RuleContext): RuleGroup {
  const failed = `sum by (channel) (rate(${METRICS.notificationsTotal}{outcome="failed"}[${ctx.window('15m')}]))`;
  const all = `sum by (channel) (rate(${METRICS.notificationsTotal}[${ctx.window('15m')}]))`;
  return {
    name: 'stimawatch-platform',
    rules: [
      ctx.alert({
        alert: 'CollectorDown',
        // No collector answering (all targets down, or none discovered): every collector signal is blind.
        expr: `absent(up{job="${COLLECTOR_JOB}"} == 1)`,
        for: '1m',
        severity: 'page',
        team: 'oncall',
        service: 'platform',
        summary: 'No collector is being scraped: vending and social signals are blind',
        description:
          `Prometheus has no healthy ${COLLECTOR_JOB} target for 1 minute, so vend, payment, token and ` +
          'social alerts cannot fire. Those alerts are inhibited until collectors are back.',
      }),
      ctx.alert({
        alert: 'CollectorDown',
        expr: `up{job="${COLLECTOR_JOB}"} == 0`,
        for: '5m',
        severity: 'ticket',
        team: 'oncall',
        service: 'platform',
        summary: 'Collector {{ $labels.instance }} is down',
        description:
          'Collector replica {{ $labels.instance }} has failed its scrapes for 5 minutes; the other replicas ' +
          'still serve traffic, with less headroom.',
      }),
      ctx.alert({
        alert: 'NotificationDeliveryFailing',
        expr: [
          `${failed} / ${all} > ${num(ctx.options.notificationFailureRatio)}`,
          // 0.0015/s is more than one failure per 15 minutes: a single failed retry does not page.
          `and ${failed} > 0.0015`,
        ].join('\n'),
        for: '5m',
        severity: 'page',
        team: 'oncall',
        service: 'platform',
        summary: 'Notifications on {{ $labels.channel }} are failing',
        description:
          '{{ $value | humanizePercentage }} of {{ $labels.channel }} notifications failed over 15 minutes; ' +
          'pages and statements may not be reaching people.',
      }),
      ctx.alert({
        alert: 'Watchdog',
        expr: 'vector(1)',
        severity: 'info',
        team: 'oncall',
        service: 'platform',
        summary: 'Alerting pipeline heartbeat',
        description:
          'Always firing. If the alerts service stops receiving it, Prometheus, Alertmanager or the path ' +
          'between them is broken.',
      }),
    ],
  };
}
