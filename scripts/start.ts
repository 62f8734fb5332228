/**
 * `npm start`: the whole Stima Watch stack on one machine, on embedded defaults.
 * Redis (reused when one answers), Prometheus and Alertmanager from their Debian binaries with generated config
 * under DATA_DIR, the collector, the alerts service with the console, the local SMS inbox, and the simulator
 * (which also serves the fake X API) unless real sources are configured.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureLocalConsoleUsers } from '../alerts/src/console/local-console-users';
import { ensureConsoleBuilt } from './local-stack/console-build';
import { ensureBinaries, type LocalBinary } from './local-stack/debian-binaries';
import { loadLocalSecrets, writeLocalFacts } from './local-stack/local-secrets';
import { writeMonitoringConfig } from './local-stack/monitoring-config';
import { ProcessSupervisor } from './local-stack/process-supervisor';
import { redisAnswers } from './local-stack/redis-ping';
import { waitForHttp } from './local-stack/wait-for-http';

const env = process.env;
const dataDir = resolve(env.DATA_DIR ?? './data');
const ports = {
  collector: env.COLLECTOR_PORT ?? '8081',
  alerts: env.ALERTS_PORT ?? '8082',
  prometheus: env.PROMETHEUS_PORT ?? '9090',
  alertmanager: env.ALERTMANAGER_PORT ?? '9093',
  fakeX: env.FAKE_X_PORT ?? '8089',
  simulatorControl: env.SIMULATOR_CONTROL_PORT ?? '8090',
  smsInbox: env.FAKE_SMS_PORT ?? '8093',
};
const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = (line: string) => process.stdout.write(`[stimawatch] ${line}\n`);

mkdirSync(dataDir, { recursive: true });
const secrets = loadLocalSecrets(dataDir);
const consoleUsers = await ensureLocalConsoleUsers(dataDir);
if (consoleUsers.created) {
  writeLocalFacts(
    dataDir,
    Object.fromEntries(
      consoleUsers.credentials.map((user) => [`CONSOLE_PASSWORD_${user.role.toUpperCase()}`, user.password]),
    ),
  );
}
ensureConsoleBuilt((line) => process.stdout.write(`[stimawatch] ${line}\n`));
const supervisor = new ProcessSupervisor((code) => process.exit(code));
const tsx = resolve('node_modules/.bin/tsx');

const startRedis = !(await redisAnswers(redisUrl));
const binaries: LocalBinary[] = ['prometheus', 'prometheus-alertmanager'];
if (startRedis) binaries.push('redis-server');
ensureBinaries(binaries);

if (startRedis) {
  const port = new URL(redisUrl).port || '6379';
  mkdirSync(`${dataDir}/redis`, { recursive: true });
  log(`no Redis answers at ${redisUrl}; starting redis-server on port ${port}`);
  supervisor.start({
    name: 'redis',
    command: 'redis-server',
    args: [
      '--port',
      port,
      '--bind',
      '127.0.0.1',
      '--dir',
      `${dataDir}/redis`,
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
    ],
  });
}

const collectorUrl = `http://127.0.0.1:${ports.collector}`;
const alertsUrl = `http://127.0.0.1:${ports.alerts}`;
const monitoring = writeMonitoringConfig({
  dataDir,
  collectorTarget: `127.0.0.1:${ports.collector}`,
  alertsTarget: `127.0.0.1:${ports.alerts}`,
  alertmanagerTarget: `127.0.0.1:${ports.alertmanager}`,
  webhookUrl: `${alertsUrl}/v1/alertmanager`,
  webhookToken: secrets.ALERTMANAGER_WEBHOOK_TOKEN,
});
supervisor.start({
  name: 'prometheus',
  command: 'prometheus',
  args: [
    `--config.file=${monitoring.prometheusConfig}`,
    `--storage.tsdb.path=${dataDir}/prometheus`,
    `--web.listen-address=127.0.0.1:${ports.prometheus}`,
    '--web.enable-lifecycle',
  ],
});
supervisor.start({
  name: 'alertmanager',
  command: 'prometheus-alertmanager',
  args: [
    `--config.file=${monitoring.alertmanagerConfig}`,
    `--storage.path=${dataDir}/alertmanager`,
    `--web.listen-address=127.0.0.1:${ports.alertmanager}`,
    '--cluster.listen-address=',
  ],
});

const useFakeSms = env.AT_API_KEY === undefined;
if (useFakeSms) {
  supervisor.start({
    name: 'sms-inbox',
    command: tsx,
    args: ['core/src/fakes/run-fake-sms-inbox.ts'],
    env: { FAKE_SMS_PORT: ports.smsInbox },
  });
}
const useFakeX = env.X_BEARER_TOKEN === undefined;

const shared = { REDIS_URL: redisUrl, DATA_DIR: dataDir, LOG_LEVEL: env.LOG_LEVEL ?? 'info' };
supervisor.start({
  name: 'collector',
  command: tsx,
  args: ['collector/src/main.ts'],
  env: {
    ...shared,
    COLLECTOR_PORT: ports.collector,
    INGEST_TOKENS:
      env.INGEST_TOKENS ??
      `simulator:${secrets.SIMULATOR_INGEST_TOKEN},vending:${secrets.VENDING_INGEST_TOKEN},mentions:${secrets.MENTIONS_INGEST_TOKEN}`,
    MPESA_CALLBACK_SECRET: env.MPESA_CALLBACK_SECRET ?? secrets.MPESA_CALLBACK_SECRET,
    ALERTS_URL: alertsUrl,
    STATEMENT_TOKEN: secrets.STATEMENT_TOKEN,
    ...(useFakeX
      ? { X_API_BASE_URL: `http://127.0.0.1:${ports.fakeX}`, X_BEARER_TOKEN: 'local-fake-x-token' }
      : {}),
  },
});
supervisor.start({
  name: 'alerts',
  command: tsx,
  args: ['alerts/src/main.ts'],
  env: {
    ...shared,
    ALERTS_PORT: ports.alerts,
    ACK_LINK_SECRET: env.ACK_LINK_SECRET ?? secrets.ACK_LINK_SECRET,
    API_TOKENS:
      env.API_TOKENS ?? `admin:admin:${secrets.ADMIN_API_TOKEN},watcher:comms:${secrets.STATEMENT_TOKEN}`,
    ALERTMANAGER_WEBHOOK_TOKEN: secrets.ALERTMANAGER_WEBHOOK_TOKEN,
    SMS_INBOUND_SECRET: secrets.SMS_INBOUND_SECRET,
    PUBLIC_BASE_URL: env.PUBLIC_BASE_URL ?? alertsUrl,
    CONSOLE_USERS_FILE: consoleUsers.file,
    ...(useFakeX
      ? { X_API_BASE_URL: `http://127.0.0.1:${ports.fakeX}`, X_USER_ACCESS_TOKEN: 'local-fake-x-user-token' }
      : {}),
    COLLECTOR_URL: collectorUrl,
    ...(useFakeSms
      ? {
          AT_USERNAME: 'sandbox',
          AT_API_KEY: 'local-fake-at-key',
          AT_BASE_URL: `http://127.0.0.1:${ports.smsInbox}`,
        }
      : {}),
  },
});

await waitForHttp(`${collectorUrl}/healthz`);
if (env.SIMULATOR !== 'off') {
  supervisor.start({
    name: 'simulator',
    command: tsx,
    args: ['simulator/src/main.ts'],
    env: {
      ...shared,
      COLLECTOR_URL: collectorUrl,
      SIMULATOR_INGEST_TOKEN: secrets.SIMULATOR_INGEST_TOKEN,
      MPESA_CALLBACK_SECRET: env.MPESA_CALLBACK_SECRET ?? secrets.MPESA_CALLBACK_SECRET,
      SIMULATOR_CONTROL_PORT: ports.simulatorControl,
      // Real-scale traffic: at night a tenth of it is a trickle below the burn-rate alert's traffic guard.
      SIM_SCALE: env.SIM_SCALE ?? '1',
      ...(useFakeX ? { FAKE_X_PORT: ports.fakeX } : {}),
    },
  });
}
writeLocalFacts(dataDir, {
  COLLECTOR_URL: collectorUrl,
  ALERTS_URL: alertsUrl,
  SIMULATOR_CONTROL_PORT: ports.simulatorControl,
  SMS_INBOX_URL: `http://127.0.0.1:${ports.smsInbox}/inbox`,
  PROMETHEUS_URL: `http://127.0.0.1:${ports.prometheus}`,
});
await waitForHttp(`${alertsUrl}/healthz`);
log(
  `console      ${alertsUrl}/  (users admin, oncall, comms, viewer; passwords: CONSOLE_PASSWORD_* in ${dataDir}/local.env)`,
);
log(`status page  ${alertsUrl}/status`);
log(`collector    ${collectorUrl}/metrics`);
log(`prometheus   http://127.0.0.1:${ports.prometheus}/alerts`);
log(`sms inbox    http://127.0.0.1:${ports.smsInbox}/inbox`);
for (const user of consoleUsers.credentials)
  log(`console user ${user.username.padEnd(8)} password ${user.password}`);
log('replay an outage with: npm run demo:outage   (Ctrl-C stops everything)');
