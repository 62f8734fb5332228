/** Metric names (DESIGN section 4, contract). Rules, dashboards and services all read them from here. */
export const METRICS = {
  vendStageTotal: 'stimawatch_vend_stage_total',
  vendErrorsTotal: 'stimawatch_vend_errors_total',
  vendStageDurationSeconds: 'stimawatch_vend_stage_duration_seconds',
  paymentToTokenSeconds: 'stimawatch_payment_to_token_seconds',
  paymentsWithoutToken: 'stimawatch_payments_without_token',
  lastTokenIssuedTimestampSeconds: 'stimawatch_last_token_issued_timestamp_seconds',
  probeSuccess: 'stimawatch_probe_success',
  probeDurationSeconds: 'stimawatch_probe_duration_seconds',
  socialPostsTotal: 'stimawatch_social_posts_total',
  socialComplaintAuthors: 'stimawatch_social_complaint_authors',
  socialComplaintAuthorsBaseline: 'stimawatch_social_complaint_authors_baseline',
  socialNegativeShare: 'stimawatch_social_negative_share',
  socialSourceUp: 'stimawatch_social_source_up',
  socialReadBudgetUsedRatio: 'stimawatch_social_read_budget_used_ratio',
  socialPostsReadTotal: 'stimawatch_social_posts_read_total',
  lastOfficialStatementTimestampSeconds: 'stimawatch_last_official_statement_timestamp_seconds',
  ingestRejectedTotal: 'stimawatch_ingest_rejected_total',
  ingestAcceptedTotal: 'stimawatch_ingest_accepted_total',
  redisUp: 'stimawatch_redis_up',
  incidentsOpen: 'stimawatch_incidents_open',
  notificationsTotal: 'stimawatch_notifications_total',
  commsSilenceSeconds: 'stimawatch_comms_silence_seconds',
  incidentAckSeconds: 'stimawatch_incident_time_to_ack_seconds',
  incidentResolveSeconds: 'stimawatch_incident_time_to_resolve_seconds',
  incidentFirstStatementSeconds: 'stimawatch_incident_time_to_first_statement_seconds',
  webhookRejectedTotal: 'stimawatch_alertmanager_webhook_rejected_total',
} as const;
export type MetricName = (typeof METRICS)[keyof typeof METRICS];

/** Alert names (DESIGN section 4, contract). */
export const ALERT_NAMES = [
  'VendFailureBurnRate',
  'PaidButNoToken',
  'TokenIssuanceStalled',
  'PaymentErrorSpike',
  'SyntheticVendFailing',
  'SocialComplaintSurge',
  'PublicSilence',
  'CollectorDown',
  'SocialSourceDown',
  'NotificationDeliveryFailing',
  'Watchdog',
] as const;
export type AlertName = (typeof ALERT_NAMES)[number];
export const SEVERITIES = ['page', 'ticket', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const TEAMS = ['oncall', 'comms', 'management'] as const;
export type Team = (typeof TEAMS)[number];
export const SERVICES = ['vending', 'payments', 'social', 'platform'] as const;
export type Service = (typeof SERVICES)[number];
