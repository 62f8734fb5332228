import { openDatabase } from '@stimawatch/core/db';
import type { CollectorExtensionFactory } from '../create-collector';
import { classifyPost } from './classifier';
import type { SocialConfig } from './social-config';
import { createSocialModule } from './social-module';

export interface SocialExtensionOptions {
  social: SocialConfig;
  databaseUrl: string | undefined;
  dataDir: string;
  alertsServiceUrl: string | undefined;
  statementToken: string | undefined;
}

/** Mounts social listening on the collector: its database, routes, pollers and statement forwarding. */
export function socialExtension(options: SocialExtensionOptions): CollectorExtensionFactory {
  return async (context) => {
    const db = await openDatabase({
      databaseUrl: options.databaseUrl,
      dataDir: options.dataDir,
      service: 'collector',
    });
    const social = createSocialModule({
      config: options.social,
      db,
      redisUrl: context.config.redisUrl,
      redisPrefix: context.config.redisKeyPrefix,
      registry: context.registry,
      logger: context.logger,
      classify: classifyPost,
      ingestTokens: context.config.ingestTokens,
      ...(options.alertsServiceUrl !== undefined && { alertsServiceUrl: options.alertsServiceUrl }),
      ...(options.statementToken !== undefined && { statementToken: options.statementToken }),
    });
    return {
      name: 'social',
      routes: (app) => {
        app.route('/', social.routes);
      },
      start: () => social.start(),
      async stop() {
        await social.stop();
        await db.close();
      },
    };
  };
}
