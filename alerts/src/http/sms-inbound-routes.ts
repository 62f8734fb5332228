import { type Logger, maskPhoneNumber, StimaError, secretsEqual } from '@stimawatch/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { IncidentEngine } from '../incidents/incident-engine';
import type { OnCallConfig, Person } from '../oncall/oncall-types';
import type { AlertsHttpEnv } from './http-env';

export interface SmsInboundDeps {
  engine: IncidentEngine;
  onCall: OnCallConfig;
  logger: Logger;
  /** The secret path segment registered as Africa's Talking's incoming-message callback; unset disables it. */
  secret: string | undefined;
}

const ACK_PATTERN = /^\s*ACK\s*#?\s*(\d{1,12})\b/i;

function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Matches a sender to an on-call person; Kenyan local forms (07…, 01…) count as +254. */
export function findPersonByPhone(onCall: OnCallConfig, phone: string): Person | undefined {
  let wanted = digits(phone);
  if (/^0[17]\d{8}$/.test(wanted)) wanted = `254${wanted.slice(1)}`;
  for (const person of onCall.people.values()) {
    if (person.phone !== undefined && digits(person.phone) === wanted) return person;
  }
  return undefined;
}

/**
 * `POST /v1/sms/:secret/inbound`: Africa's Talking posts replies as a form (from, to, text, date, id, linkId).
 * "ACK 123" from a known on-call phone acknowledges incident 123. Anything else is logged (number masked) and
 * answered 200, since the provider would only retry it.
 */
export function smsInboundRoutes(deps: SmsInboundDeps): Hono<AlertsHttpEnv> {
  const log = deps.logger.child({ module: 'sms-inbound' });
  return new Hono<AlertsHttpEnv>().post(
    '/v1/sms/:secret/inbound',
    bodyLimit({ maxSize: 16 * 1024 }),
    async (c) => {
      if (deps.secret === undefined || !secretsEqual(c.req.param('secret'), deps.secret)) {
        throw new StimaError('NOT_FOUND', 'not found');
      }
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const from = typeof form.from === 'string' ? form.from : '';
      const text = typeof form.text === 'string' ? form.text : '';
      const messageId = typeof form.id === 'string' ? form.id.slice(0, 64) : undefined;
      const person = from === '' ? undefined : findPersonByPhone(deps.onCall, from);
      if (person === undefined) {
        log.warn(
          { from: from === '' ? 'none' : maskPhoneNumber(from), messageId },
          'SMS from an unknown number ignored',
        );
        return c.json({ status: 'ignored', reason: 'unknown sender' });
      }
      const match = ACK_PATTERN.exec(text);
      if (match?.[1] === undefined) {
        log.info({ person: person.id, messageId }, 'SMS without an ACK command ignored');
        return c.json({ status: 'ignored', reason: 'no ACK command' });
      }
      try {
        const { incident, changed } = await deps.engine.acknowledge(match[1], person.id, 'sms');
        log.info({ incidentId: incident.id, person: person.id, changed }, 'acknowledged by SMS');
        return c.json({ status: changed ? 'acknowledged' : incident.status, incident: incident.ref });
      } catch (error) {
        if (error instanceof StimaError && (error.code === 'NOT_FOUND' || error.code === 'CONFLICT')) {
          log.info({ person: person.id, ref: match[1], code: error.code }, 'SMS ACK not applied');
          return c.json({ status: 'ignored', reason: error.message });
        }
        throw error;
      }
    },
  );
}
