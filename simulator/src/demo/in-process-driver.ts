import { createLogger, StimaError } from '@stimawatch/core';
import { systemClock } from '../clock';
import { createCollectorClient } from '../generator/collector-client';
import { createTrafficGenerator } from '../generator/traffic-generator';
import { startTicker } from '../ticker';
import type { DemoConfig } from './demo-config';
import type { ScenarioDriver } from './outage-demo';

/** Plays the outage with a generator in this process (when no simulator is running), in real time. */
export async function startInProcessDriver(config: DemoConfig): Promise<ScenarioDriver> {
  if (config.callbackSecret === undefined) {
    throw new StimaError(
      'CONFIG',
      'MPESA_CALLBACK_SECRET must be set (env or local.env) to send Daraja callbacks',
    );
  }
  const logger = createLogger('demo-outage', 'warn');
  const generator = createTrafficGenerator({
    client: createCollectorClient({
      baseUrl: config.collectorUrl,
      ingestToken: config.ingestToken,
      callbackSecret: config.callbackSecret,
    }),
    clock: systemClock,
    logger,
    seed: `demo-${Date.now()}`,
    scale: config.scale,
    ...(config.timeScale === undefined ? {} : { timeScale: config.timeScale }),
  });
  const status = generator.setScenario({ name: 'outage' });
  const ticker = startTicker(
    () => generator.tick(),
    250,
    (error) => logger.error({ err: error }, 'tick failed'),
  );
  return {
    mode: 'in-process',
    status,
    phase: async () => generator.scenarioStatus().phase,
    async stop() {
      await ticker.stop();
      await generator.drain(Date.now() + 10_000);
    },
  };
}
