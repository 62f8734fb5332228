import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { deleteRedisPrefix, freePort, privateRedisPrefix, TEST_REDIS_URL } from '@stimawatch/core/testing';
import { ensureLocalConsoleUsers } from '../../../alerts/src/console/local-console-users';
import { buildDashboardIfMissing } from './build-dashboard';

export const REPO = resolve(import.meta.dirname, '../../..');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const COLLECTOR_ENTRY = 'collector/src/main.ts';

export interface Stack {
  collectorUrl: string;
  alertsUrl: string;
  ingestToken: string;
  hookToken: string;
  adminToken: string;
  /** username (= role) → password of the generated console users. */
  passwords: Record<'oncall' | 'comms' | 'viewer' | 'admin', string>;
  stop(): Promise<void>;
}

/** Escalation for the e2e tests: level 1 waits `delayMinutes` (fractions allowed) for an acknowledgement. */
function onCallYaml(delayMinutes: number): string {
  return `timezone: Africa/Nairobi
people:
  amina: { name: Amina Odhiambo, phone: "+254700000101" }
  brian: { name: Brian Kiprono, phone: "+254700000102" }
  wanjiku: { name: Wanjiku Kamau, phone: "+254700000201" }
  zawadi: { name: Zawadi Njeri, phone: "+254700000301" }
rotations:
  primary: { handoff: { day: monday, time: "09:00" }, start: 2026-01-05, members: [amina] }
  secondary: { handoff: { day: monday, time: "09:00" }, start: 2026-01-05, members: [brian] }
  comms: { handoff: { day: friday, time: "17:00" }, start: 2026-01-02, members: [wanjiku] }
escalation_policies:
  engineering:
    levels:
      - { targets: [{ rotation: primary }], channels: [sms], delay_minutes: ${delayMinutes} }
      - { targets: [{ rotation: secondary }], channels: [sms], delay_minutes: ${delayMinutes} }
  comms:
    levels:
      - { targets: [{ rotation: comms }], channels: [sms], delay_minutes: 10 }
  management:
    levels:
      - { targets: [{ person: zawadi }], channels: [sms], delay_minutes: 30 }
teams:
  oncall: { escalation_policy: engineering }
  comms: { escalation_policy: comms }
  management: { escalation_policy: management }
`;
}

interface Started {
  child: ChildProcess;
  output: string[];
}

/** Starts a service with `tsx`, resolving with the first JSON log line that `ready` accepts. */
function startService(
  name: string,
  entry: string,
  env: Record<string, string>,
  ready: (log: Record<string, unknown>) => string | undefined,
): Promise<Started & { value: string }> {
  const child = spawn(TSX, [entry], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start in 30 s:\n${output.join('\n')}`)),
      30_000,
    );
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 200) output.shift();
      try {
        const value = ready(JSON.parse(line) as Record<string, unknown>);
        if (value !== undefined) {
          clearTimeout(timer);
          resolvePromise({ child, output, value });
        }
      } catch {
        // Not a JSON log line (a start-up message for humans); kept in `output` for the error.
      }
    };
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', onLine);
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', onLine);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${output.join('\n')}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A real collector and alerts service (with the console) as child processes on free ports, sharing a private
 * Redis prefix; the alerts service keeps its PGlite database in a temporary DATA_DIR.
 */
export async function startStack(
  options: { escalationDelayMinutes?: number; commsSilenceMinutes?: number; dashboardDir?: string } = {},
): Promise<Stack> {
  if (options.dashboardDir === undefined) await buildDashboardIfMissing();
  const dataDir = mkdtempSync(join(tmpdir(), 'stimawatch-e2e-'));
  const prefix = privateRedisPrefix('e2e');
  const secret = () => randomBytes(18).toString('base64url');
  const tokens = { ingest: secret(), hook: secret(), admin: secret() };
  const oncallFile = join(dataDir, 'oncall.yml');
  writeFileSync(oncallFile, onCallYaml(options.escalationDelayMinutes ?? 5));
  const users = await ensureLocalConsoleUsers(dataDir);
  const passwords = Object.fromEntries(
    users.credentials.map((c) => [c.username, c.password]),
  ) as Stack['passwords'];
  const shared = {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  const started: Started[] = [];
  const collectorPort = await freePort();
  const collectorUrl = `http://127.0.0.1:${collectorPort}`;
  const launches = [
    startService(
      'collector',
      COLLECTOR_ENTRY,
      {
        ...shared,
        COLLECTOR_PORT: String(collectorPort),
        INGEST_TOKENS: `e2e:${tokens.ingest}`,
        MPESA_CALLBACK_SECRET: secret(),
      },
      (log) => (log.msg === 'collector listening' && typeof log.url === 'string' ? log.url : undefined),
    ),
    // Started alongside the collector: the console only reaches it when a browser asks for live data.
    startService(
      'alerts',
      'alerts/src/main.ts',
      {
        ...shared,
        ALERTS_PORT: '0',
        ACK_LINK_SECRET: secret() + secret(),
        API_TOKENS: `e2e:admin:${tokens.admin}`,
        ALERTMANAGER_WEBHOOK_TOKEN: tokens.hook,
        ONCALL_FILE: oncallFile,
        COLLECTOR_URL: collectorUrl,
        DASHBOARD_DIR: options.dashboardDir ?? join(REPO, 'dashboard/dist'),
        COMMS_SILENCE_MINUTES: String(options.commsSilenceMinutes ?? 15),
        // Each test alert opens its own incident (no joining the team's incident of the last hour).
        INCIDENT_CORRELATION_MINUTES: '0',
      },
      (log) =>
        log.msg === 'alerts service listening' && typeof log.port === 'number'
          ? `http://127.0.0.1:${log.port}`
          : undefined,
    ),
  ];
  for (const launch of launches)
    void launch.then(
      (s) => started.push(s),
      () => undefined,
    );
  try {
    const [, alerts] = await Promise.all(launches);
    if (alerts === undefined) throw new Error('alerts service did not start');
    return {
      collectorUrl,
      alertsUrl: alerts.value,
      ingestToken: tokens.ingest,
      hookToken: tokens.hook,
      adminToken: tokens.admin,
      passwords,
      async stop() {
        await Promise.all(started.map((s) => stopChild(s.child)));
        await cleanUp(prefix, dataDir);
      },
    };
  } catch (error) {
    await Promise.allSettled(launches);
    await Promise.all(started.map((s) => stopChild(s.child)));
    await cleanUp(prefix, dataDir);
    throw error;
  }
}

async function cleanUp(prefix: string, dataDir: string): Promise<void> {
  await deleteRedisPrefix(prefix);
  if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
}
