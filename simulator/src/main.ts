import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createLogger } from '@stimawatch/core';
import { startFakeXServer } from '@stimawatch/core/fakes';
import { systemClock } from './clock';
import { parseSimulatorConfig } from './config/simulator-config';
import { createControlApp } from './control/control-app';
import { createCollectorClient } from './generator/collector-client';
import { createTrafficGenerator } from './generator/traffic-generator';
import { fakeXAdminSink, fakeXServerSink } from './posts/fake-x-sink';
import { createPostStream, DEFAULT_OFFICIAL_ACCOUNT } from './posts/post-stream';
import type { PostSink } from './posts/post-types';
import { startTicker } from './ticker';

const TRAFFIC_TICK_MS = 250;
const POSTS_TICK_MS = 5_000;
const SHUTDOWN_GRACE_MS = 10_000;

const config = parseSimulatorConfig(process.env);
const logger = createLogger('simulator', config.logLevel);

const generator = createTrafficGenerator({
  client: createCollectorClient({
    baseUrl: config.collectorUrl,
    ingestToken: config.ingestToken,
    callbackSecret: config.callbackSecret,
  }),
  clock: systemClock,
  logger: logger.child({ module: 'traffic' }),
  seed: config.seed,
  scale: config.scale,
  timeScale: config.timeScale,
});
if (config.initialScenario === 'outage') generator.setScenario({ name: 'outage' });

/** The fake X API, when this process runs it (FAKE_X_PORT), seeded with the utility's official accounts. */
const fakeX =
  config.fakeXPort === undefined
    ? undefined
    : await startFakeXServer({
        port: config.fakeXPort,
        defaultPublisherUsername: DEFAULT_OFFICIAL_ACCOUNT.username,
      });
fakeX?.addUser(DEFAULT_OFFICIAL_ACCOUNT);
fakeX?.addUser({ username: 'KenyaPower', name: 'Kenya Power', followersCount: 2_100_000 });

const sink: PostSink | undefined = fakeX
  ? fakeXServerSink(fakeX)
  : config.fakeXUrl
    ? fakeXAdminSink(config.fakeXUrl)
    : undefined;
const posts = sink
  ? createPostStream({ sink, startMs: Date.now(), seed: `${config.seed}-posts`, postScale: config.postScale })
  : undefined;

const control = serve({
  fetch: createControlApp({
    generator,
    token: config.ingestToken,
    logger: logger.child({ module: 'control' }),
  }).fetch,
  port: config.controlPort,
  hostname: '127.0.0.1',
});
control.on('error', (error) => {
  logger.fatal(
    { err: error, port: config.controlPort },
    'control API cannot listen (SIMULATOR_CONTROL_PORT)',
  );
  process.exit(1);
});
control.on('listening', () => {
  logger.info(
    {
      control: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
      collector: config.collectorUrl,
      fakeX: fakeX?.url ?? config.fakeXUrl ?? null,
      scale: config.scale,
      timeScale: config.timeScale,
    },
    'simulator running',
  );
});

const traffic = startTicker(
  () => generator.tick(),
  TRAFFIC_TICK_MS,
  (error) => logger.error({ err: error }, 'traffic tick failed'),
);
const postTicker = posts
  ? startTicker(
      () => posts.advanceTo(Date.now(), generator.effectsNow()),
      POSTS_TICK_MS,
      (error) => logger.error({ err: error }, 'adding simulated posts failed'),
    )
  : undefined;

let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'simulator stopping');
  await Promise.all([traffic.stop(), postTicker?.stop()]);
  const left = await generator.drain(Date.now() + SHUTDOWN_GRACE_MS);
  await new Promise<void>((resolve) => control.close(() => resolve()));
  await fakeX?.close();
  logger.info({ undelivered: left, ...generator.stats() }, 'simulator stopped');
  process.exit(left === 0 ? 0 : 1);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
