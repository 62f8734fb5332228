import { z } from 'zod';
import { NOTIFICATION_CHANNELS, NOTIFICATION_PURPOSES, type Notification } from './notification';

/** BullMQ job ids may not contain ':' nor be all digits. */
const KEY_PATTERN = /^(?!\d+$)[^:]{1,256}$/;

export const notificationSchema = z.object({
  key: z.string().regex(KEY_PATTERN, 'key must be 1-256 characters without ":", and not all digits'),
  incidentId: z.string().min(1),
  purpose: z.enum(NOTIFICATION_PURPOSES),
  channel: z.enum(NOTIFICATION_CHANNELS),
  to: z.string().min(1),
  recipient: z.string().min(1),
  subject: z.string(),
  text: z.string().min(1),
  ackUrl: z.url().optional(),
}) satisfies z.ZodType<Notification>;

/** Parses a notification, failing with every problem listed (field paths, not values: `to` may be a phone). */
export function parseNotification(input: unknown): Notification | { error: string } {
  const result = notificationSchema.safeParse(input);
  if (result.success) return result.data;
  return {
    error: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
  };
}
