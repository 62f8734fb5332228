/**
 * The local SMS inbox for `npm start`: a fake Africa's Talking API on 127.0.0.1. Point the alerts service at it
 * with AT_BASE_URL=<printed url>; GET <url>/inbox lists the received messages, newest first.
 * Env: FAKE_SMS_PORT (default 8093).
 */
import { startFakeAfricasTalking } from './fake-africas-talking';

const port = Number(process.env.FAKE_SMS_PORT ?? '8093');
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`FAKE_SMS_PORT must be a port number, got "${process.env.FAKE_SMS_PORT}"`);
  process.exit(2);
}

const inbox = await startFakeAfricasTalking({ port });
console.log(
  `fake Africa's Talking SMS inbox listening on ${inbox.url} (AT_BASE_URL=${inbox.url}; GET ${inbox.url}/inbox)`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void inbox.close().then(() => process.exit(0));
  });
}
