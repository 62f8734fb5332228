import { type Logger, StimaError } from '@stimawatch/core';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { MentionSink, MentionSource } from '../mention';
import { bearerSource, issuesOf, limitBody, readJsonBody } from './social-http';

export const MAX_WEBHOOK_BYTES = 1024 * 1024;
export const MAX_WEBHOOK_ITEMS = 1000;
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** One mention from another channel (Facebook, the call centre, the SMS short code…). */
export const webhookMentionSchema = z.object({
  id: z.union([z.string().trim().min(1).max(128), z.number().int().nonnegative()]).transform(String),
  source: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a lower-case channel name such as facebook or call_centre'),
  text: z.string().trim().min(1).max(5000),
  author: z.string().trim().min(1).max(200),
  createdAt: z.union([z.iso.datetime({ offset: true }), z.number().int().positive()]),
  reach: z.number().int().nonnegative().max(1e12).optional(),
});

export interface RejectedItem {
  index: number;
  reason: string;
}

/**
 * `POST /v1/mentions` (bearer token from INGEST_TOKENS): one object or a JSON array. Valid items are ingested,
 * invalid ones are listed with their reason (partial acceptance); 400 only when nothing was valid.
 */
export function createMentionsWebhook(deps: {
  ingestTokens: ReadonlyMap<string, string>;
  sink: MentionSink;
  retentionMs: number;
  logger: Logger;
  now: () => number;
}): MentionSource {
  return {
    source: 'webhook',
    mount(app: Hono) {
      app.post('/v1/mentions', limitBody(MAX_WEBHOOK_BYTES), async (c) => {
        const tokenSource = bearerSource(c, deps.ingestTokens);
        const body = await readJsonBody(c);
        const items = Array.isArray(body) ? body : [body];
        if (items.length === 0) throw new StimaError('VALIDATION', 'no mentions in the body');
        if (items.length > MAX_WEBHOOK_ITEMS) {
          throw new StimaError('PAYLOAD_TOO_LARGE', `at most ${MAX_WEBHOOK_ITEMS} mentions per request`);
        }
        const now = deps.now();
        const rejected: RejectedItem[] = [];
        const valid = items.flatMap((item, index) => {
          const parsed = webhookMentionSchema.safeParse(item);
          if (!parsed.success) {
            const issue = issuesOf(parsed.error)[0];
            rejected.push({ index, reason: issue ? `${issue.path || 'item'}: ${issue.message}` : 'invalid' });
            return [];
          }
          const mention = parsed.data;
          const createdAtMs =
            typeof mention.createdAt === 'number' ? mention.createdAt : Date.parse(mention.createdAt);
          if (createdAtMs > now + FUTURE_TOLERANCE_MS) {
            rejected.push({ index, reason: 'createdAt: is in the future' });
            return [];
          }
          if (createdAtMs < now - deps.retentionMs) {
            rejected.push({ index, reason: 'createdAt: is older than the retention window' });
            return [];
          }
          return [{ mention, createdAtMs }];
        });
        if (valid.length === 0) {
          throw new StimaError('VALIDATION', 'no valid mention in the body', { details: { rejected } });
        }
        const summary = await deps.sink(
          valid.map(({ mention, createdAtMs }) => ({
            source: 'webhook' as const,
            channel: mention.source,
            externalId: mention.id,
            authorId: mention.author,
            authorHandle: mention.author,
            text: mention.text,
            createdAtMs,
            ...(mention.reach === undefined ? {} : { reach: mention.reach }),
          })),
        );
        deps.logger.info(
          {
            tokenSource,
            accepted: summary.stored,
            rejected: rejected.length,
            duplicates: summary.duplicates,
          },
          'mentions received',
        );
        return c.json({
          accepted: summary.stored,
          duplicates: summary.duplicates,
          repeats: summary.repeats,
          retweets: summary.retweets,
          rejected,
        });
      });
    },
  };
}
