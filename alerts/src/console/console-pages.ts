import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { StimaError } from '@stimawatch/core';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AlertsHttpEnv } from '../http/http-env';
import { rateLimit } from '../http/rate-limit';

/** Only our own scripts, styles and API; no inline code, no framing. The pages need nothing else. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Security headers on the pages (not on `/v1/*`: the API answers JSON, and the ack-link pages carry their own
 * inline style) and long caching for Vite's content-hashed assets.
 */
export const pageHeaders: MiddlewareHandler<AlertsHttpEnv> = async (c, next) => {
  await next();
  if (c.req.path.startsWith('/v1/')) return;
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Frame-Options', 'DENY');
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  if (c.req.path.startsWith('/assets/') && c.res.status === 200) {
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
  }
};

/** `GET /status`: the public status page (no sign-in), rate-limited like the `/v1/status` it reads. */
export function statusPageRoutes(dashboardDir: string): Hono<AlertsHttpEnv> {
  const file = join(dashboardDir, 'status.html');
  const app = new Hono<AlertsHttpEnv>();
  app.get('/status', rateLimit({ max: 120, windowMs: 60_000 }), async (c, next) => {
    if (!existsSync(file)) {
      throw new StimaError('NOT_FOUND', 'the status page is not built (npx vite build dashboard)');
    }
    c.header('Cache-Control', 'public, max-age=60');
    return serveStatic({ root: dashboardDir, path: 'status.html' })(c, next);
  });
  return app;
}
