import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port';
import { PrivateRedisServer } from './private-redis-server';

/** How long the fake keeps the first connection after its handshake: enough for a client to send its first commands. */
const DROP_AFTER_HANDSHAKE_MS = 50;

/**
 * Starts a client (`start(url)`) while its Redis drops just after the handshake, keeps the port refusing
 * connections for `refusedForMs` (long enough for the client's retries to run out), then brings a real private
 * Redis up on that port.
 */
export async function startDuringRedisBlip<T>(
  start: (url: string) => T,
  refusedForMs: number,
): Promise<{ started: T; redis: PrivateRedisServer }> {
  const port = await freePort();
  const fake = createServer();
  fake.on('connection', (socket: Socket) => answerHandshakeOnly(fake, socket));
  fake.listen(port, '127.0.0.1');
  await once(fake, 'listening');
  const handshaken = once(fake, 'handshake');
  const started = start(`redis://127.0.0.1:${port}`);
  await handshaken;
  await sleep(DROP_AFTER_HANDSHAKE_MS);
  await closeWithConnections(fake);
  await sleep(refusedForMs);
  return { started, redis: await PrivateRedisServer.startOn(port) };
}

/**
 * A fake Redis connection: answers the handshake ioredis sends on connect (`CLIENT …` with OK, the ready check's
 * `INFO` with a server that is not loading), then leaves every later command unanswered. Emits 'handshake' on
 * the server after each handshake.
 */
function answerHandshakeOnly(server: Server, socket: Socket): void {
  socket.on('error', () => {
    // The client may reset while the fake closes; nothing to report.
  });
  server.once('drop', () => socket.destroy());
  let pending = Buffer.alloc(0);
  let handshakeDone = false;
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (!handshakeDone) {
      const parsed = readCommand(pending);
      if (parsed === undefined) return;
      pending = pending.subarray(parsed.length);
      const name = parsed.args[0]?.toUpperCase();
      if (name === 'CLIENT') socket.write('+OK\r\n');
      if (name === 'INFO') {
        const info = '# Server\r\nredis_version:7.0.15\r\nloading:0\r\n';
        socket.write(`$${Buffer.byteLength(info)}\r\n${info}\r\n`);
        handshakeDone = true;
        server.emit('handshake');
      }
    }
  });
}

/** Stops listening and drops every open connection (each socket destroys itself on 'drop'). */
async function closeWithConnections(server: Server): Promise<void> {
  const closed = once(server, 'close');
  server.close();
  server.emit('drop');
  await closed;
}

/** One RESP command (an array of bulk strings) from the start of `buffer`, or undefined while incomplete. */
function readCommand(buffer: Buffer): { args: string[]; length: number } | undefined {
  let offset = 0;
  const line = (): string | undefined => {
    const end = buffer.indexOf('\r\n', offset);
    if (end === -1) return undefined;
    const text = buffer.toString('latin1', offset, end);
    offset = end + 2;
    return text;
  };
  const header = line();
  if (header === undefined) return undefined;
  const args: string[] = [];
  for (let count = Number(header.slice(1)); count > 0; count--) {
    const size = line();
    if (size === undefined) return undefined;
    const length = Number(size.slice(1));
    if (buffer.length < offset + length + 2) return undefined;
    args.push(buffer.toString('utf8', offset, offset + length));
    offset += length + 2;
  }
  return { args, length: offset };
}
