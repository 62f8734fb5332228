import { describe, expect, it } from 'vitest';
import { loadConsoleUsers, parseConsoleUsers } from './console-users';

const HASH = `scrypt$32768$8$1$${'A'.repeat(22)}$${'B'.repeat(43)}`;

describe('console users file', () => {
  it('reads YAML or JSON users with their roles', () => {
    const yaml = parseConsoleUsers(
      `users:\n  - { username: amina, name: Amina, role: oncall, password_hash: "${HASH}" }\n`,
      'u.yml',
    );
    expect(yaml.find('amina')).toEqual({
      username: 'amina',
      name: 'Amina',
      role: 'oncall',
      passwordHash: HASH,
    });
    expect(yaml.find('AMINA')?.username).toBe('amina');
    const json = parseConsoleUsers(
      JSON.stringify({ users: [{ username: 'z', name: 'Z', role: 'viewer', password_hash: HASH }] }),
      'u.json',
    );
    expect(json.size).toBe(1);
  });

  it('names the file and field of a mistake', () => {
    expect(() =>
      parseConsoleUsers(
        `users:\n  - { username: amina, name: A, role: boss, password_hash: "${HASH}" }`,
        'u.yml',
      ),
    ).toThrow(/^u\.yml is invalid: users\.0\.role: /);
    expect(() =>
      parseConsoleUsers(
        'users:\n  - { username: amina, name: A, role: oncall, password_hash: hunter2 }',
        'u.yml',
      ),
    ).toThrow(/users\.0\.password_hash: must be a hash from hash-password\.ts/);
    const twice = `users:\n  - { username: a, name: A, role: oncall, password_hash: "${HASH}" }\n  - { username: a, name: B, role: admin, password_hash: "${HASH}" }`;
    expect(() => parseConsoleUsers(twice, 'u.yml')).toThrow('u.yml lists user a twice');
  });

  it('treats a missing default file as no users, and a missing configured file as an error', () => {
    expect(loadConsoleUsers('/nonexistent/console-users.yml', false).size).toBe(0);
    expect(() => loadConsoleUsers('/nonexistent/console-users.yml', true)).toThrow(
      /CONSOLE_USERS_FILE .* does not exist/,
    );
  });
});
