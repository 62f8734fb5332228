import { randomBytes } from 'node:crypto';
import { StimaError } from '@stimawatch/core';
import { z } from 'zod';
import { SCENARIO_NAMES, type ScenarioName } from '../scenario/scenario';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);
const optionalPort = z.coerce.number().int().min(0).max(65_535).optional();
const blankAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  COLLECTOR_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8081'),
  SIMULATOR_INGEST_TOKEN: z
    .string()
    .min(16, 'must be set (the bearer token for /v1/vend-events), 16+ characters'),
  MPESA_CALLBACK_SECRET: z.string().min(8, 'must be set (the Daraja callback path secret), 8+ characters'),
  SIM_SCALE: z.coerce.number().positive().max(10).default(0.1),
  SIM_TIME_SCALE: z.coerce.number().positive().max(10_000).default(1),
  SIM_POST_SCALE: z.coerce.number().min(0).max(100).default(1),
  SIM_SCENARIO: z.enum(SCENARIO_NAMES).default('normal'),
  SIM_SEED: z.preprocess(blankAsUndefined, z.string().min(1).max(100).optional()),
  SIMULATOR_CONTROL_PORT: port(8090),
  FAKE_X_PORT: z.preprocess(blankAsUndefined, optionalPort),
  FAKE_X_URL: z.preprocess(blankAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface SimulatorConfig {
  collectorUrl: string;
  ingestToken: string;
  callbackSecret: string;
  scale: number;
  timeScale: number;
  postScale: number;
  initialScenario: ScenarioName;
  /** Random per process unless SIM_SEED is set: ids (TransID…) must not repeat across restarts. */
  seed: string;
  controlPort: number;
  /** Start the fake X API in this process on this port. */
  fakeXPort: number | undefined;
  /** Or add posts to an already running fake X API through its admin routes. */
  fakeXUrl: string | undefined;
  logLevel: string;
}

/** Reads the simulator's environment; fails with a message naming the variable. */
export function parseSimulatorConfig(env: Readonly<Record<string, string | undefined>>): SimulatorConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new StimaError('CONFIG', `simulator configuration invalid: ${problems.join('; ')}`, {
      variables: parsed.error.issues.map((issue) => issue.path.join('.')),
    });
  }
  const e = parsed.data;
  return {
    collectorUrl: e.COLLECTOR_URL,
    ingestToken: e.SIMULATOR_INGEST_TOKEN,
    callbackSecret: e.MPESA_CALLBACK_SECRET,
    scale: e.SIM_SCALE,
    timeScale: e.SIM_TIME_SCALE,
    postScale: e.SIM_POST_SCALE,
    initialScenario: e.SIM_SCENARIO,
    seed: e.SIM_SEED ?? randomBytes(8).toString('hex'),
    controlPort: e.SIMULATOR_CONTROL_PORT,
    fakeXPort: e.FAKE_X_PORT,
    fakeXUrl: e.FAKE_X_URL,
    logLevel: e.LOG_LEVEL,
  };
}
