export { type AlertsService, type AlertsServiceOptions, createAlertsService } from './alerts-service';
export { type AlertsConfig, parseAlertsConfig } from './config';
export type { Delivery, DeliveryFactory, DeliveryOutcomeHandler } from './incidents/delivery-port';
export { loadOnCallFile, parseOnCallYaml } from './oncall/load-oncall';
export { nextEscalation } from './oncall/next-escalation';
export { whoIsOnCall } from './oncall/who-is-on-call';
