import { StimaError } from '@stimawatch/core';
import type { z } from 'zod';

export type Env = Record<string, string | undefined>;

/**
 * Validates a notifier's settings gathered from environment variables. `fields` maps each setting to the
 * variable it came from, so every failure names the variable to fix. Empty strings count as unset.
 */
export function parseEnvConfig<S extends z.ZodType>(
  provider: string,
  schema: S,
  env: Env,
  fields: Record<string, string>,
): z.output<S> {
  const input: Record<string, string | undefined> = {};
  for (const [setting, variable] of Object.entries(fields)) input[setting] = nonEmpty(env[variable]);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const setting = String(issue.path[0] ?? '');
    const variable = fields[setting] ?? setting;
    return input[setting] === undefined ? `${variable} is required` : `${variable}: ${issue.message}`;
  });
  throw new StimaError('CONFIG', `${provider} configuration is invalid: ${problems.join('; ')}`, {
    variables: Object.values(fields),
  });
}

/** True when any of the variables is set: the provider is wanted, so missing companions are errors. */
export function anySet(env: Env, variables: readonly string[]): boolean {
  return variables.some((variable) => nonEmpty(env[variable]) !== undefined);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
