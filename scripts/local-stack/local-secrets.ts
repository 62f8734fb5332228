import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Secrets the local stack needs; generated once per machine and kept in `DATA_DIR/local.env` (never in git). */
const GENERATED_KEYS = [
  'SIMULATOR_INGEST_TOKEN',
  'VENDING_INGEST_TOKEN',
  'MENTIONS_INGEST_TOKEN',
  'MPESA_CALLBACK_SECRET',
  'ACK_LINK_SECRET',
  'ADMIN_API_TOKEN',
  'STATEMENT_TOKEN',
  'SMS_INBOUND_SECRET',
  'ALERTMANAGER_WEBHOOK_TOKEN',
] as const;
export type LocalSecretKey = (typeof GENERATED_KEYS)[number];

export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) values[match[1]] = match[2];
  }
  return values;
}

/** Loads `local.env`, adds any missing secret, and writes it back with owner-only permissions. */
export function loadLocalSecrets(dataDir: string): Record<LocalSecretKey, string> {
  const path = join(dataDir, 'local.env');
  const values = readEnvFile(path);
  for (const key of GENERATED_KEYS) values[key] ??= randomBytes(24).toString('hex');
  const text = Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  writeFileSync(path, `${text}\n`, { mode: 0o600 });
  return values as Record<LocalSecretKey, string>;
}

/** Adds endpoint facts (ports, URLs) that demo scripts read from `local.env`. */
export function writeLocalFacts(dataDir: string, facts: Record<string, string>): void {
  const path = join(dataDir, 'local.env');
  const values = { ...readEnvFile(path), ...facts };
  const text = Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  writeFileSync(path, `${text}\n`, { mode: 0o600 });
}
