/** The contract between the incident engine (producer) and delivery (queue, worker, notifiers). */
export const NOTIFICATION_CHANNELS = ['sms', 'slack', 'email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_PURPOSES = [
  'page',
  'escalation',
  'comms_nudge',
  'resolved',
  'acknowledged',
] as const;
export type NotificationPurpose = (typeof NOTIFICATION_PURPOSES)[number];

export interface Notification {
  /** Idempotency key: the same key is delivered at most once (becomes the BullMQ job id; no ':' allowed). */
  key: string;
  incidentId: string;
  purpose: NotificationPurpose;
  channel: NotificationChannel;
  /** Phone number (E.164), e-mail address, Slack webhook name or webhook URL name, per channel. */
  to: string;
  /** Person or team being notified (for the timeline; a name from the on-call file, never a phone number). */
  recipient: string;
  subject: string;
  text: string;
  /** Signed, expiring one-click acknowledgement link, when the purpose allows acknowledging. */
  ackUrl?: string;
}

export type DeliveryOutcome =
  | { status: 'delivered'; notification: Notification; providerMessageId?: string; attempts: number }
  | { status: 'failed'; notification: Notification; reason: string; permanent: boolean; attempts: number };

/** One provider adapter per channel; throws NotifierError (permanent or transient) on failure. */
export interface Notifier {
  readonly channel: NotificationChannel;
  send(notification: Notification): Promise<{ providerMessageId?: string }>;
}
