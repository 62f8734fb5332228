import { pathToFileURL } from 'node:url';
import { createLogger, StimaError } from '@stimawatch/core';
import { parseCollectorConfig } from './config/collector-config';
import type { CollectorExtensionFactory } from './create-collector';
import { type RunningCollector, startCollector } from './start-collector';

/**
 * The collector's composition root: reads the environment once, starts the server, and stops it
 * gracefully on SIGTERM/SIGINT. Extensions (the social module) are passed in by the caller.
 */
export async function main(
  env: Record<string, string | undefined> = process.env,
  extensions: readonly CollectorExtensionFactory[] = [],
): Promise<RunningCollector> {
  const config = parseCollectorConfig(env);
  const logger = createLogger('collector', config.logLevel);
  const running = await startCollector(config, { logger, extensions });
  logger.info({ url: running.url, probes: config.probeTargets.length }, 'collector listening');
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return running;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main().catch((error: unknown) => {
    const message = error instanceof StimaError ? error.message : (error as Error).stack;
    process.stderr.write(`collector: cannot start: ${message}\n`);
    process.exit(1);
  });
}
