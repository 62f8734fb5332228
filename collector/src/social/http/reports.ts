import { randomUUID } from 'node:crypto';
import { hashIdentifier, type Logger, type PostClassification, StimaError } from '@stimawatch/core';
import type { Hono } from 'hono';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import {
  type Classify,
  type MentionSink,
  type MentionSource,
  REPORT_KINDS,
  type ReportKind,
} from '../mention';
import type { SocialKeys } from '../social-keys';
import { clientAddress, issuesOf, limitBody, readJsonBody } from './social-http';

export const MAX_REPORT_BYTES = 4096;
const ONE_REPORT_PER_MS = 60 * 60_000;

export const reportSchema = z.object({
  /** A phone number or device id; hashed at once, never stored or logged. */
  reporterId: z.string().trim().min(3).max(64).optional(),
  county: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z' -]{1,39}$/, 'must be a county name')
    .optional(),
  kind: z.enum(REPORT_KINDS),
  text: z.string().trim().min(1).max(1000).optional(),
});

const KIND_TEXT: Record<ReportKind, string> = {
  no_token: 'Self-report: paid but no token',
  no_power: 'Self-report: no power',
  payment_failed: 'Self-report: payment failed',
};

/** One reporter however the phone number is written: 0712…, +254 712…, 254712… */
export function normaliseReporterId(id: string): string {
  const compact = id.replace(/[\s-]/g, '');
  const phone = /^(?:\+?254|0)([17]\d{8})$/.exec(compact);
  return phone?.[1] === undefined ? compact : `254${phone[1]}`;
}

/** Checks and counts the fixed-window rate of one client; true when the request may proceed. */
async function allowClient(redis: Redis, key: string, limit: number): Promise<boolean> {
  const [[error, count] = [null, 0]] = (await redis.multi().incr(key).pexpire(key, 60_000).exec()) ?? [];
  if (error) throw error;
  return Number(count) <= limit;
}

/**
 * `POST /v1/reports`: a customer says "no token", "no power" or "payment failed" (public, rate-limited per
 * client address). As on Downdetector, one report per reporter per hour counts; later ones are kept but not
 * counted. The reporter id (or, without one, the client address) is hashed before anything else uses it.
 */
export function createReportsSource(deps: {
  redis: Redis;
  keys: SocialKeys;
  sink: MentionSink;
  classify: Classify;
  hashSalt: string;
  ratePerMinute: number;
  trustProxy: boolean;
  logger: Logger;
  now: () => number;
}): MentionSource {
  return {
    source: 'report',
    mount(app: Hono) {
      app.post('/v1/reports', limitBody(MAX_REPORT_BYTES), async (c) => {
        const now = deps.now();
        const client = hashIdentifier(`ip:${clientAddress(c, deps.trustProxy)}`, deps.hashSalt);
        const minute = Math.floor(now / 60_000);
        if (!(await allowClient(deps.redis, deps.keys.reportRate(client, minute), deps.ratePerMinute))) {
          c.header('retry-after', String(60 - Math.floor((now % 60_000) / 1000)));
          throw new StimaError('RATE_LIMITED', 'too many reports from this address; try again in a minute');
        }
        const parsed = reportSchema.safeParse(await readJsonBody(c));
        if (!parsed.success) {
          throw new StimaError('VALIDATION', 'invalid report', { details: issuesOf(parsed.error) });
        }
        const report = parsed.data;
        const reporter =
          report.reporterId === undefined
            ? client
            : hashIdentifier(`reporter:${normaliseReporterId(report.reporterId)}`, deps.hashSalt);
        const counted =
          (await deps.redis.set(deps.keys.reportCounted(reporter), '1', 'PX', ONE_REPORT_PER_MS, 'NX')) ===
          'OK';
        const text = report.text ?? KIND_TEXT[report.kind];
        const fromText = report.text === undefined ? undefined : deps.classify({ text: report.text });
        const classification: PostClassification = {
          category: 'outage_complaint',
          topic: report.kind === 'no_power' ? 'power_outage' : 'token_purchase',
          lang: fromText?.lang ?? 'en',
          county: report.county ?? fromText?.county ?? null,
          sentiment: 'negative',
          sentiment_score: Math.min(fromText?.sentiment_score ?? -0.5, -0.5),
        };
        const id = randomUUID();
        await deps.sink([
          {
            source: 'report',
            channel: 'self_report',
            externalId: id,
            authorId: reporter,
            authorHandle: null,
            text,
            createdAtMs: now,
            reportKind: report.kind,
            countable: counted,
            classification,
          },
        ]);
        deps.logger.debug({ reportId: id, kind: report.kind, counted }, 'self-report received');
        return c.json({ id, counted }, 202);
      });
    },
  };
}
