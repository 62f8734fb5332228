import { StimaError } from '@stimawatch/core';
import type { z } from 'zod';

/** Validates renderer options, failing with a message that names the first bad field. */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'options';
  throw new StimaError('VALIDATION', `invalid ${what} option ${field}: ${issue?.message}`, { field });
}
