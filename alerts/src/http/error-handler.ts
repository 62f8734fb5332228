import { errorBody, httpStatusFor, type Logger, StimaError } from '@stimawatch/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** The one place errors become HTTP answers: `{error, message, details}` with the code's status. */
export function handleError(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof StimaError) {
      const status = httpStatusFor(error.code) as ContentfulStatusCode;
      if (status >= 500) logger.error({ err: error, path: c.req.path }, error.message);
      const details = Object.keys(error.context).length > 0 ? error.context : undefined;
      return c.json(errorBody(error, details), status);
    }
    logger.error({ err: error, path: c.req.path }, 'unexpected error');
    return c.json({ error: 'INTERNAL', message: 'internal error' }, 500);
  };
}

/** Zod issues as `{path, message}` pairs: enough to fix a request, without echoing its content. */
export function issuesOf(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function validationError(message: string, error: ZodError): StimaError {
  return new StimaError('VALIDATION', message, { issues: issuesOf(error) });
}
