import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConsoleUsers } from './console-users';
import { ensureLocalConsoleUsers } from './local-console-users';
import { verifyPassword } from './password-hash';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ensureLocalConsoleUsers', () => {
  it('creates one user per role with a random password, once, readable only by its owner', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-users-'));
    dirs.push(dir);
    const first = await ensureLocalConsoleUsers(dir);
    expect(first.created).toBe(true);
    expect(first.credentials.map((c) => c.role)).toEqual(['oncall', 'comms', 'viewer', 'admin']);
    expect(new Set(first.credentials.map((c) => c.password)).size).toBe(4);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const users = loadConsoleUsers(first.file, true);
    const admin = first.credentials.find((c) => c.role === 'admin');
    expect(await verifyPassword(admin?.password ?? '', users.find('admin')?.passwordHash ?? '')).toBe(true);
    expect(await ensureLocalConsoleUsers(dir)).toEqual({ file: first.file, created: false, credentials: [] });
  });
});
