import { serve } from '@hono/node-server';
import { createLogger } from '@stimawatch/core';
import { openDatabase } from '@stimawatch/core/db';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createAlertsService } from './alerts-service';
import { parseAlertsConfig } from './config';
import { createConsole, parseConsoleConfig } from './console';
import { createDelivery } from './delivery';
import { createNotifiers, parseNotifierConfig } from './notifiers';
import { loadOnCallFile } from './oncall/load-oncall';

/** `npm run alerts`: the alerts service, configured only by environment variables (see alerts/README.md). */
async function main(): Promise<void> {
  const env = process.env;
  const config = parseAlertsConfig(env);
  const consoleConfig = parseConsoleConfig(env, config.dataDir);
  const logger = createLogger('alerts', config.logLevel);
  const onCall = loadOnCallFile(config.oncallFile);
  const notifiers = createNotifiers(parseNotifierConfig(env));
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    service: 'alerts',
  });
  const service = await createAlertsService({
    config,
    db,
    onCall,
    logger,
    registry,
    createDelivery: (onOutcome) =>
      createDelivery({
        connection: config.redisUrl,
        prefix: config.redisKeyPrefix,
        notifiers,
        registry,
        logger,
        onOutcome,
      }),
  });
  // The console (sign-in, collector proxy, X posting, status page) in front of the service's routes.
  const webConsole = createConsole({ config: consoleConfig, service: config, logger });
  const app = webConsole.mount(service.app);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      {
        port: info.port,
        host: config.host,
        database: db.kind,
        channels: Object.keys(notifiers),
        oncallFile: config.oncallFile,
      },
      'alerts service listening',
    );
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await webConsole.close(); // ends live streams, which would otherwise hold the server open
      await closed;
      await service.close();
      await db.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // Start-up failures (configuration, on-call file, database) are for a human to read, not for a log parser.
  console.error(`alerts service failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
