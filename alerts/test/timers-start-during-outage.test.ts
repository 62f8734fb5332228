import {
  type PrivateRedisServer,
  privateRedisPrefix,
  startDuringRedisBlip,
  waitFor,
} from '@stimawatch/core/testing';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { escalationJobId } from '../src/incidents/incident-timers';
import { type BullmqTimers, createBullmqTimers } from '../src/queues/bullmq-timers';

let timers: BullmqTimers | undefined;
let redis: PrivateRedisServer | undefined;
afterEach(async () => {
  await timers?.close();
  await redis?.stop();
});

describe('escalation timers whose Redis drops while their queues start', () => {
  it('schedule and list jobs once Redis is back', async () => {
    // 500 ms of refused reconnects: the producer's one retry is spent after the second (50 ms, then 100 ms).
    // BullMQ used to keep the failure of its start-up check for the queue's whole life.
    ({ started: timers, redis } = await startDuringRedisBlip(
      (redisUrl) =>
        createBullmqTimers({
          redisUrl,
          prefix: privateRedisPrefix('timers-start'),
          logger: pino({ level: 'silent' }),
          handlers: { escalate: async () => undefined, commsNudge: async () => undefined },
          runWorkers: false,
          commandTimeoutMs: 500,
        }),
      500,
    ));

    const pending = await waitFor(
      'the timers to answer once Redis is back',
      () => timers?.pending().catch(() => undefined),
      15_000,
    );
    expect(pending).toEqual([]);
    const job = { incidentId: 'c0ffee00-0000-4000-8000-000000000001', round: 1, level: 1, repeat: 0 };
    await timers.scheduleEscalation(job, 60_000);
    expect(await timers.pending()).toEqual([escalationJobId(job)]);
    await timers.ping();
  });
});
