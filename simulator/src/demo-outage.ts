import { join } from 'node:path';
import { parseDemoConfig, readLocalEnv } from './demo/demo-config';
import { startInProcessDriver } from './demo/in-process-driver';
import { runOutageDemo } from './demo/outage-demo';

/** `npm run demo:outage`: replays a token-vending outage against the running stack and narrates it. */
const dataDir = process.env.DATA_DIR ?? './data';
try {
  const config = parseDemoConfig(process.env, readLocalEnv(join(dataDir, 'local.env')));
  const summary = await runOutageDemo({
    config,
    fetch,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: Date.now,
    print: (line) => console.log(line),
    startInProcess: startInProcessDriver,
  });
  process.exit(summary.ended === 'done' ? 0 : 1);
} catch (error) {
  console.error(`demo:outage failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
