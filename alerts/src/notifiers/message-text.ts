import type { Notification } from '../delivery/notification';

/** The plain-text body every channel shares: subject, text, and the acknowledgement link when there is one. */
export function plainText(notification: Notification, options: { includeSubject: boolean }): string {
  const lines = options.includeSubject && notification.subject !== '' ? [notification.subject] : [];
  lines.push(notification.text);
  if (notification.ackUrl !== undefined) lines.push(`Acknowledge: ${notification.ackUrl}`);
  return lines.join('\n');
}

/** Provider answers quoted in error messages are cut short: they can be HTML pages. */
export function shortBody(body: unknown, max = 160): string {
  const text = (typeof body === 'string' ? body : JSON.stringify(body ?? '')).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
