import { type Logger, StimaError } from '@stimawatch/core';
import type { SqlQueryable } from '@stimawatch/core/db';
import { Hono } from 'hono';
import type { AckLinks } from '../ack-link';
import type { IncidentEngine } from '../incidents/incident-engine';
import { getIncident } from '../store/incident-store';
import type { AlertsHttpEnv } from './http-env';

export interface AckLinkDeps {
  engine: IncidentEngine;
  db: SqlQueryable;
  ackLinks: AckLinks;
  logger: Logger;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}
button{font-size:1.1rem;padding:.6rem 1.2rem}</style></head><body>${body}</body></html>`;
}

/**
 * One-click acknowledgement from a page. GET only shows a confirmation form (SMS apps and chat tools fetch
 * links to preview them, and that must not acknowledge); the form's POST acknowledges.
 */
export function ackLinkRoutes(deps: AckLinkDeps): Hono<AlertsHttpEnv> {
  const log = deps.logger.child({ module: 'ack-link' });
  const check = (token: string) => {
    const result = deps.ackLinks.verify(token);
    if (!result.ok && result.reason === 'invalid')
      throw new StimaError('FORBIDDEN', 'invalid acknowledgement link');
    return result;
  };
  const expired = (expiresAt: Date, ref: number | undefined) =>
    page(
      'Link expired',
      `<h1>This acknowledgement link has expired</h1><p>It was valid until ${escapeHtml(expiresAt.toISOString())}.
Acknowledge in the console${ref === undefined ? '' : `, or reply <b>ACK ${ref}</b> to the page SMS`}.</p>`,
    );

  return new Hono<AlertsHttpEnv>()
    .get('/v1/ack/:token', async (c) => {
      const result = check(c.req.param('token'));
      const incident = await getIncident(deps.db, result.incidentId);
      if (incident === undefined)
        throw new StimaError('NOT_FOUND', 'the incident of this link no longer exists');
      c.header('Cache-Control', 'no-store');
      if (!result.ok) return c.html(expired(result.expiresAt, incident.ref), 410);
      const heading = `#${incident.ref} ${incident.title}`;
      if (incident.status !== 'open') {
        return c.html(page(heading, `<h1>${escapeHtml(heading)}</h1><p>Already ${incident.status}.</p>`));
      }
      return c.html(
        page(
          heading,
          `<h1>${escapeHtml(heading)}</h1><p>Service ${escapeHtml(incident.service)}, open since
${escapeHtml(incident.openedAt.toISOString())}.</p><form method="post"><button type="submit">Acknowledge</button></form>`,
        ),
      );
    })
    .post('/v1/ack/:token', async (c) => {
      const result = check(c.req.param('token'));
      c.header('Cache-Control', 'no-store');
      if (!result.ok) {
        const incident = await getIncident(deps.db, result.incidentId);
        return c.html(expired(result.expiresAt, incident?.ref), 410);
      }
      const { incident, changed } = await deps.engine.acknowledge(
        result.incidentId,
        result.recipient,
        'link',
      );
      log.info({ incidentId: incident.id, recipient: result.recipient, changed }, 'acknowledged by link');
      const heading = `#${incident.ref} ${incident.title}`;
      return c.html(
        page(heading, `<h1>Acknowledged</h1><p>${escapeHtml(heading)}: escalation stopped. Thank you.</p>`),
      );
    });
}
