import { existsSync, readFileSync } from 'node:fs';
import { StimaError } from '@stimawatch/core';
import { z } from 'zod';

/** Reads `KEY=VALUE` lines (as `npm start` writes `DATA_DIR/local.env`); a missing file is an empty one. */
export function readLocalEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1] && match[2] !== undefined) values[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
  return values;
}

const schema = z.object({
  COLLECTOR_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8081'),
  SIMULATOR_INGEST_TOKEN: z.string().min(16, 'must be set (env or local.env): run `npm start` first'),
  MPESA_CALLBACK_SECRET: z.string().min(8).optional(),
  SIMULATOR_CONTROL_PORT: z.coerce.number().int().min(1).max(65_535).default(8090),
  SIM_TIME_SCALE: z.coerce.number().positive().max(10_000).optional(),
  SIM_SCALE: z.coerce.number().positive().max(10).default(0.1),
  DEMO_INTERVAL_SECONDS: z.coerce.number().positive().max(600).default(10),
});

export interface DemoConfig {
  collectorUrl: string;
  controlUrl: string;
  ingestToken: string;
  /** Needed only when the demo runs the generator itself (no simulator answering). */
  callbackSecret: string | undefined;
  timeScale: number | undefined;
  scale: number;
  intervalMs: number;
}

/** Environment first, then `local.env`; fails with a message naming the variable. */
export function parseDemoConfig(
  env: Readonly<Record<string, string | undefined>>,
  localEnv: Readonly<Record<string, string>>,
): DemoConfig {
  const merged: Record<string, string | undefined> = { ...localEnv };
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && value !== '') merged[name] = value;
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new StimaError('CONFIG', `demo:outage configuration invalid: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    collectorUrl: e.COLLECTOR_URL.replace(/\/+$/, ''),
    controlUrl: `http://127.0.0.1:${e.SIMULATOR_CONTROL_PORT}`,
    ingestToken: e.SIMULATOR_INGEST_TOKEN,
    callbackSecret: e.MPESA_CALLBACK_SECRET,
    timeScale: e.SIM_TIME_SCALE,
    scale: e.SIM_SCALE,
    intervalMs: e.DEMO_INTERVAL_SECONDS * 1000,
  };
}
