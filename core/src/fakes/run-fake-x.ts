import { startFakeXServer } from './fake-x-server';

/**
 * Runs the fake X API for local mode: `FAKE_X_PORT` (default 8089). Seeds the utility's official accounts;
 * the simulator adds posts through `POST /__fake/posts`, and `POST /2/tweets` publishes as KenyaPower_Care.
 */
const port = Number(process.env.FAKE_X_PORT ?? '8089');
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`FAKE_X_PORT must be a port number, got ${process.env.FAKE_X_PORT}`);
  process.exit(2);
}
const server = await startFakeXServer({ port, defaultPublisherUsername: 'KenyaPower_Care' });
server.addUser({ username: 'KenyaPower_Care', name: 'Kenya Power Care', followersCount: 1_200_000 });
server.addUser({ username: 'KenyaPower', name: 'Kenya Power', followersCount: 2_100_000 });
console.log(JSON.stringify({ msg: 'fake X API listening', url: server.url }));

const shutdown = () => {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
