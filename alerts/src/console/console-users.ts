import { existsSync, readFileSync } from 'node:fs';
import { StimaError } from '@stimawatch/core';
import { parse } from 'yaml';
import { z } from 'zod';
import { ROLES, type Role } from '../api-tokens';
import { isPasswordHash } from './password-hash';

export interface ConsoleUser {
  username: string;
  name: string;
  role: Role;
  passwordHash: string;
}

export interface ConsoleUsers {
  find(username: string): ConsoleUser | undefined;
  readonly size: number;
}

const userSchema = z.strictObject({
  username: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'must be lower-case letters, digits, . _ - (max 40)'),
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  password_hash: z
    .string()
    .refine(isPasswordHash, 'must be a hash from hash-password.ts (scrypt$N$r$p$salt$key)'),
});
const fileSchema = z.strictObject({ users: z.array(userSchema) });

/** Parses a console users file (YAML, or JSON which is YAML too); errors name the file and the field. */
export function parseConsoleUsers(text: string, source: string): ConsoleUsers {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new StimaError('CONFIG', `${source} is not valid YAML or JSON: ${(error as Error).message}`, {
      source,
    });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new StimaError('CONFIG', `${source} is invalid: ${problems.join('; ')}`, { source, problems });
  }
  const byName = new Map<string, ConsoleUser>();
  for (const user of parsed.data.users) {
    if (byName.has(user.username))
      throw new StimaError('CONFIG', `${source} lists user ${user.username} twice`);
    byName.set(user.username, {
      username: user.username,
      name: user.name,
      role: user.role,
      passwordHash: user.password_hash,
    });
  }
  return { find: (username) => byName.get(username.toLowerCase()), size: byName.size };
}

/** Reads the users file; a missing file is an empty list unless `required` (then it is a start-up error). */
export function loadConsoleUsers(path: string, required: boolean): ConsoleUsers {
  if (!existsSync(path)) {
    if (required) throw new StimaError('CONFIG', `CONSOLE_USERS_FILE ${path} does not exist`);
    return parseConsoleUsers('users: []', path);
  }
  return parseConsoleUsers(readFileSync(path, 'utf8'), path);
}
