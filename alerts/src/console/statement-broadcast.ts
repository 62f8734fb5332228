import type { Logger } from '@stimawatch/core';
import type { MiddlewareHandler } from 'hono';
import type { AlertsHttpEnv } from '../http/http-env';
import type { XPoster } from './x-poster';

export const X_MAX_CHARACTERS = 280;

export type XOutcome = { status: 'posted'; id: string } | { status: 'skipped' | 'failed'; reason: string };

/**
 * Wraps `POST /v1/statements`: with `?x=1`, a statement that was recorded (201) is also posted to X as the
 * utility's account, and the answer gains `x: {status, id | reason}`. The statement stands whatever X does:
 * a failed post is reported, not turned into an error.
 */
export function statementBroadcast(deps: {
  poster: XPoster | undefined;
  logger: Logger;
}): MiddlewareHandler<AlertsHttpEnv> {
  const log = deps.logger.child({ module: 'statement-broadcast' });
  return async (c, next) => {
    await next();
    if (c.req.method !== 'POST' || c.req.query('x') !== '1' || c.res.status !== 201) return;
    const body = (await c.res.clone().json()) as { statement?: { id?: string; text?: string } };
    const text = body.statement?.text ?? '';
    let x: XOutcome;
    if (deps.poster === undefined) {
      x = { status: 'skipped', reason: 'X posting is not configured' };
    } else if ([...text].length > X_MAX_CHARACTERS) {
      x = { status: 'skipped', reason: `longer than ${X_MAX_CHARACTERS} characters` };
    } else {
      try {
        x = { status: 'posted', ...(await deps.poster.post(text)) };
        log.info({ statementId: body.statement?.id, postId: x.id }, 'statement posted to X');
      } catch (error) {
        x = { status: 'failed', reason: (error as Error).message };
        log.warn({ statementId: body.statement?.id, err: x.reason }, 'statement could not be posted to X');
      }
    }
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    // Cleared first: assigning over a response would copy its headers (and length) onto the new one.
    c.res = undefined;
    c.res = new Response(JSON.stringify({ ...body, x }), { status: 201, headers });
  };
}
