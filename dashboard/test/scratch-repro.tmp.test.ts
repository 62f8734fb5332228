import { it } from 'vitest';
import { launchChromium, openPage, signIn } from './support/chromium';
import { startStack } from './support/stack';

it('repro', async () => {
  const [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  try {
    for (let i = 0; i < 25; i++) {
      const { page, context } = await openPage(browser);
      const log: string[] = [];
      page.on('request', (r) => log.push(`> ${r.method()} ${r.url()} ${r.headers()['x-csrf-token'] ?? ''}`));
      page.on('response', async (r) => log.push(`< ${r.status()} ${r.url()} ${(await r.allHeaders())['set-cookie'] ?? ''}`));
      const role = (['oncall', 'comms', 'viewer', 'admin'] as const)[i % 4];
      try {
        await signIn(page, stack.alertsUrl, role, stack.passwords[role]);
      } catch (e) {
        console.log('FAILED', i, (e as Error).message, '\n' + log.join('\n'));
        throw e;
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}, 120_000);
