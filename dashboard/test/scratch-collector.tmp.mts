// Scratch launcher (NOT committed): collector main + the social module, to verify the console's social views.
import { openDatabase } from '@stimawatch/core/db';
import { main } from '../../collector/src/main';
import { createSocialModule, parseSocialConfig } from '../../collector/src/social';
import { classifyPost } from '../../collector/src/social/classifier/classify-post';

const env = process.env;
await main(env, [
  async (ctx) => {
    const db = await openDatabase({ databaseUrl: undefined, dataDir: env.DATA_DIR ?? './data', service: 'collector' });
    const social = createSocialModule({
      config: parseSocialConfig(env),
      db,
      redisUrl: ctx.config.redisUrl,
      redisPrefix: `${ctx.config.redisKeyPrefix}:social`,
      registry: ctx.registry,
      logger: ctx.logger,
      classify: classifyPost,
      ingestTokens: ctx.config.ingestTokens,
    });
    return {
      name: 'social',
      routes: (app) => app.route('/', social.routes),
      start: () => social.start(),
      stop: async () => {
        await social.stop();
        await db.close();
      },
    };
  },
]);
