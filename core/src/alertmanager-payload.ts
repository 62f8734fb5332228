import { z } from 'zod';

/** One alert inside an Alertmanager webhook notification (payload version 4). */
export const alertmanagerAlertSchema = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()).default({}),
  startsAt: z.string().min(1),
  endsAt: z.string().default('0001-01-01T00:00:00Z'),
  generatorURL: z.string().default(''),
  fingerprint: z.string().min(1),
});
export type AlertmanagerAlert = z.infer<typeof alertmanagerAlertSchema>;

/** The Alertmanager webhook body, version 4; unknown keys are allowed (newer Alertmanagers add some). */
export const alertmanagerPayloadSchema = z.looseObject({
  version: z.literal('4'),
  groupKey: z.string().min(1),
  truncatedAlerts: z.number().int().nonnegative().default(0),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupLabels: z.record(z.string(), z.string()).default({}),
  commonLabels: z.record(z.string(), z.string()).default({}),
  commonAnnotations: z.record(z.string(), z.string()).default({}),
  externalURL: z.string().default(''),
  alerts: z.array(alertmanagerAlertSchema).min(1),
});
export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;
