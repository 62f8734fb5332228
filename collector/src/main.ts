import { pathToFileURL } from 'node:url';
import { createLogger, StimaError } from '@stimawatch/core';
import { z } from 'zod';
import { parseCollectorConfig } from './config/collector-config';
import type { CollectorExtensionFactory } from './create-collector';
import { parseSocialConfig } from './social/social-config';
import { socialExtension } from './social/social-extension';
import { type RunningCollector, startCollector } from './start-collector';

const storageEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .refine(
      (value) => value === undefined || /^postgres(ql)?:\/\//.test(value),
      'DATABASE_URL must be a postgres:// URL',
    ),
  DATA_DIR: z.string().min(1).default('./data'),
  ALERTS_URL: z.url('ALERTS_URL must be an http(s) URL').optional(),
  STATEMENT_TOKEN: z.string().min(16, 'STATEMENT_TOKEN must be at least 16 characters').optional(),
});

/** The social module's configuration: its own variables plus where mentions are stored and statements sent. */
function socialFromEnv(env: Record<string, string | undefined>): CollectorExtensionFactory {
  const parsed = storageEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new StimaError('CONFIG', parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  return socialExtension({
    social: parseSocialConfig(env),
    databaseUrl: parsed.data.DATABASE_URL,
    dataDir: parsed.data.DATA_DIR,
    alertsServiceUrl: parsed.data.ALERTS_URL,
    statementToken: parsed.data.STATEMENT_TOKEN,
  });
}

/**
 * The collector's composition root: reads the environment once, starts the server with social listening, and
 * stops it gracefully on SIGTERM/SIGINT. Tests may pass their own extensions instead.
 */
export async function main(
  env: Record<string, string | undefined> = process.env,
  extensions?: readonly CollectorExtensionFactory[],
): Promise<RunningCollector> {
  const config = parseCollectorConfig(env);
  const logger = createLogger('collector', config.logLevel);
  const running = await startCollector(config, { logger, extensions: extensions ?? [socialFromEnv(env)] });
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
