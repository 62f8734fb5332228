import type { Notification, NotificationPurpose } from '../../delivery/notification';

/** The JSON Slack's incoming webhooks take: `text` is the fallback shown in notifications. */
export interface SlackMessage {
  text: string;
  blocks: Array<{ type: string; [field: string]: unknown }>;
}

const PURPOSE_LABEL: Record<NotificationPurpose, string> = {
  page: ':rotating_light: Page',
  escalation: ':rotating_light: Escalation',
  comms_nudge: ':loudspeaker: Statement overdue',
  resolved: ':white_check_mark: Resolved',
  acknowledged: ':eyes: Acknowledged',
};

/** Slack mrkdwn treats &, < and > as control characters (Slack docs, "Escaping text"). */
export function escapeSlackText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A header, the text, and an acknowledge link (a link, not a button: buttons need an interactive app). */
export function buildSlackMessage(notification: Notification): SlackMessage {
  const title = `${PURPOSE_LABEL[notification.purpose]}: ${notification.subject}`;
  const lines = [`*${escapeSlackText(title)}*`, escapeSlackText(notification.text)];
  const context = [
    `incident ${escapeSlackText(notification.incidentId)}`,
    `for ${escapeSlackText(notification.recipient)}`,
  ];
  if (notification.ackUrl !== undefined) context.unshift(`<${notification.ackUrl}|Acknowledge>`);
  return {
    text: escapeSlackText(`${title}\n${notification.text}`),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] },
    ],
  };
}
