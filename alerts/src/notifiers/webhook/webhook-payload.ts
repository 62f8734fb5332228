import type { Notification } from '../../delivery/notification';

/** The JSON body of an outgoing webhook (version 1). `sentAt` is inside the signed body, against replays. */
export interface WebhookPayload {
  version: '1';
  key: string;
  incidentId: string;
  purpose: Notification['purpose'];
  target: string;
  recipient: string;
  subject: string;
  text: string;
  ackUrl: string | null;
  sentAt: string;
}

export function buildWebhookPayload(notification: Notification, sentAt: Date): WebhookPayload {
  return {
    version: '1',
    key: notification.key,
    incidentId: notification.incidentId,
    purpose: notification.purpose,
    target: notification.to,
    recipient: notification.recipient,
    subject: notification.subject,
    text: notification.text,
    ackUrl: notification.ackUrl ?? null,
    sentAt: sentAt.toISOString(),
  };
}
