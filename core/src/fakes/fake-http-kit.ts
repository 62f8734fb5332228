import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeListenOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/** Starts a node:http server for a fake provider; `close()` also drops held (timed-out) connections. */
export async function startFakeHttpServer(
  handler: Handler,
  options: FakeListenOptions = {},
): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((request, response) => {
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, `fake server error: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function readRawBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendText(response: ServerResponse, status: number, text: string, type = 'text/plain'): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
  response.end(text);
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
  });
  response.end(JSON.stringify(body));
}

export function headerRecord(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Scripted failures: "answer the next N requests with this". */
export class FailureScript<F> {
  private readonly pending: Array<{ failure: F; remaining: number }> = [];

  add(count: number, failure: F): void {
    if (count > 0) this.pending.push({ failure, remaining: count });
  }

  /** The failure for the request now arriving, if one is scripted. */
  take(): F | undefined {
    const head = this.pending[0];
    if (head === undefined) return undefined;
    head.remaining -= 1;
    if (head.remaining === 0) this.pending.shift();
    return head.failure;
  }

  clear(): void {
    this.pending.length = 0;
  }
}

/** A growing list whose length tests can wait on, without sleeping. */
export class RecordedList<T> {
  private readonly items: T[] = [];
  private readonly events = new EventEmitter();

  constructor(private readonly limit = 10_000) {
    this.events.setMaxListeners(0);
  }

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.limit) this.items.shift();
    this.events.emit('push');
  }

  /** Oldest first. */
  all(): T[] {
    return [...this.items];
  }

  get length(): number {
    return this.items.length;
  }

  clear(): void {
    this.items.length = 0;
  }

  /** Resolves once at least `count` items are recorded; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs = 10_000): Promise<T[]> {
    if (this.items.length >= count) return Promise.resolve(this.all());
    return new Promise((resolve, reject) => {
      const onPush = () => {
        if (this.items.length < count) return;
        clearTimeout(timer);
        this.events.off('push', onPush);
        resolve(this.all());
      };
      const timer = setTimeout(() => {
        this.events.off('push', onPush);
        reject(
          new Error(`expected ${count} recorded items within ${timeoutMs} ms, got ${this.items.length}`),
        );
      }, timeoutMs);
      this.events.on('push', onPush);
    });
  }
}
