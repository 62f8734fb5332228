import type { AlertEventPayload } from '../store/alert-event-store';

/** Services whose failure customers feel directly: their incidents start the public-silence timer. */
export const CUSTOMER_FACING_SERVICES: readonly string[] = ['vending', 'payments'];

export interface AlertFacts {
  alertname: string;
  /** `info` alerts (Watchdog) never open incidents. Missing or unknown severities count as `ticket`. */
  severity: 'page' | 'ticket' | 'info';
  service: string;
  team: string;
  title: string;
  customerFacing: boolean;
}

/** What an alert means for incidents, from its own labels first and the group's common labels second. */
export function classifyAlert(event: AlertEventPayload): AlertFacts {
  const label = (name: string): string | undefined => event.alert.labels[name] ?? event.commonLabels[name];
  const severityLabel = label('severity');
  const severity = severityLabel === 'page' || severityLabel === 'info' ? severityLabel : 'ticket';
  const service = label('service') ?? 'platform';
  const alertname = label('alertname') ?? 'unnamed';
  const title =
    event.alert.annotations.summary ??
    event.commonAnnotations.summary ??
    event.alert.annotations.description ??
    alertname;
  return {
    alertname,
    severity,
    service,
    team: label('team') ?? 'oncall',
    title: title.slice(0, 200),
    customerFacing: CUSTOMER_FACING_SERVICES.includes(service) || label('customer_facing') === 'true',
  };
}
