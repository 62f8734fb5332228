import { errorBody, httpStatusFor, type Logger, StimaError } from '@stimawatch/core';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Errors of the social routes as `{error, message, details}` with `httpStatusFor(code)`. */
export function socialErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof StimaError) {
      const status = httpStatusFor(error.code) as ContentfulStatusCode;
      if (status >= 500) logger.warn({ code: error.code, err: error.message }, 'social request failed');
      return c.json(errorBody(error, error.context.details), status);
    }
    logger.error({ err: error }, 'social route failed');
    return c.json({ error: 'INTERNAL', message: 'internal error' }, 500);
  };
}

/** Rejects bodies over `maxBytes` with 413 before they are read. */
export function limitBody(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json(errorBody(new StimaError('PAYLOAD_TOO_LARGE', `request body exceeds ${maxBytes} bytes`)), 413),
  });
}

/** The JSON body, or a 415/400 that says what is wrong with it. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type');
  if (type !== undefined && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new StimaError('UNSUPPORTED_MEDIA_TYPE', 'send application/json');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new StimaError('VALIDATION', 'body is not valid JSON');
  }
}

/** The source a bearer token belongs to; 401 when it is missing or unknown. */
export function bearerSource(c: Context, tokens: ReadonlyMap<string, string>): string {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const source = match?.[1] === undefined ? undefined : tokens.get(match[1]);
  if (source === undefined) {
    throw new StimaError('UNAUTHORIZED', match === null ? 'missing bearer token' : 'unknown bearer token');
  }
  return source;
}

/** The client address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Validation issues as `{path, message}` for answers. */
export function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
