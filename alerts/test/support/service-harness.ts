import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { serve } from '@hono/node-server';
import type { SqlClient } from '@stimawatch/core/db';
import { privateRedisPrefix, TEST_REDIS_URL } from '@stimawatch/core/testing';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { type AlertsService, createAlertsService } from '../../src/alerts-service';
import { parseAlertsConfig } from '../../src/config';
import { testOnCall } from './oncall-fixture';
import { type RecordingDelivery, recordingDelivery } from './recording-delivery';

export const TOKENS = { oncall: 'oncall-token-0123456789', comms: 'comms-token-01234567890' };

export interface RunningAlerts {
  url: string;
  /** Every log record the service wrote (debug and up), parsed. */
  logs: Record<string, unknown>[];
  service: AlertsService;
  delivery: RecordingDelivery;
  prefix: string;
  post(path: string, body: unknown, token?: string): Promise<Response>;
  /** Stops HTTP, workers and queues (not the database, and not the Redis keys: see `deleteRedisPrefix`). */
  stop(): Promise<void>;
}

/**
 * The real service (BullMQ timers on Redis, the given database) on a random port, with an in-test recording
 * delivery standing in for notification delivery. Timers are short: escalation `delayMinutes`, comms silence
 * `COMMS_SILENCE_MINUTES`.
 */
export async function startAlerts(options: {
  db: SqlClient;
  delayMinutes: number;
  env?: Record<string, string>;
  prefix?: string;
  delivery?: RecordingDelivery;
}): Promise<RunningAlerts> {
  const prefix = options.prefix ?? privateRedisPrefix('alerts');
  const config = parseAlertsConfig({
    ACK_LINK_SECRET: 'integration-ack-secret-0123456789abcdef',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    API_TOKENS: `amina:oncall:${TOKENS.oncall},wanjiku:comms:${TOKENS.comms}`,
    LOG_LEVEL: 'silent',
    // Tests of one file share a database and a team; each test's incident must stay its own.
    INCIDENT_CORRELATION_MINUTES: '0',
    ...options.env,
  });
  const delivery = options.delivery ?? recordingDelivery();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line));
      done();
    },
  });
  const service = await createAlertsService({
    config: { ...config, outboxRetryMs: 500 },
    db: options.db,
    onCall: testOnCall(options.delayMinutes),
    logger: pino({ level: 'debug' }, sink),
    registry: new Registry(),
    createDelivery: () => delivery,
  });
  const server = serve({ fetch: service.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    logs,
    service,
    delivery,
    prefix,
    post: (path, body, token) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
      }),
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
    },
  };
}
