import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port';
import { PrivateRedisServer } from './private-redis-server';

/**
 * A fake Redis for one moment of an outage: Redis goes away just after a client has connected. It answers the
 * handshake ioredis sends on connect (`CLIENT …` with OK, the ready check's `INFO` with a server that is not
 * loading) and leaves every later command unanswered. `dropAfterMs` after the first handshake it closes every
 * connection and stops listening, so reconnects are refused until a real server takes the port.
 */
export interface DroppingRedis {
  /** Resolves once the connections are closed and the port is free. */
  dropped: Promise<void>;
}

export async function redisDroppingAfterHandshake(port: number, dropAfterMs: number): Promise<DroppingRedis> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {
      // The client may reset while the fake closes; nothing to report.
    });
    let pending = Buffer.alloc(0);
    let handshakeDone = false;
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const parsed = readCommand(pending);
        if (parsed === undefined) return;
        pending = pending.subarray(parsed.length);
        if (handshakeDone) continue;
        const name = parsed.args[0]?.toUpperCase();
        if (name === 'CLIENT') socket.write('+OK\r\n');
        if (name === 'INFO') {
          const info = '# Server\r\nredis_version:7.0.15\r\nloading:0\r\n';
          socket.write(`$${Buffer.byteLength(info)}\r\n${info}\r\n`);
          handshakeDone = true;
          handshaken();
        }
      }
    });
  });
  let handshaken: () => void = () => undefined;
  const firstHandshake = new Promise<void>((resolve) => {
    handshaken = resolve;
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const dropped = firstHandshake
    .then(() => new Promise((resolve) => setTimeout(resolve, dropAfterMs)))
    .then(async () => {
      const closed = once(server, 'close');
      server.close();
      for (const socket of sockets) socket.destroy();
      await closed;
    });
  return { dropped };
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
  if (!header.startsWith('*')) throw new Error(`not a RESP command: ${header}`);
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
  const fake = await redisDroppingAfterHandshake(port, 50);
  const started = start(`redis://127.0.0.1:${port}`);
  await fake.dropped;
  await sleep(refusedForMs);
  return { started, redis: await PrivateRedisServer.startOn(port) };
}
