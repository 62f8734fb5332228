import { Redis } from 'ioredis';
import type { VendEvent } from '@stimawatch/core';
import { TRACK_ATTEMPTS_LUA } from '../collector/src/tracking/track-attempts-script';
import { toTrackingOp } from '../collector/src/tracking/tracking-op';
import { groupByAttempt } from '../collector/src/tracking/script-chunk';
const r = new Redis();
const sha = (await r.script('LOAD', TRACK_ATTEMPTS_LUA)) as string;
const now = Date.now();
function chunk(b: number, per: number) {
  const events: VendEvent[] = [];
  const stages = per === 4 ? ['payment_received', 'meter_lookup', 'token_generation', 'token_delivery_sms'] as const : ['token_generation'] as const;
  for (let i = 0; i < 1000 / per; i++) for (const stage of stages) events.push({ version: 1, attemptId: `b${b}-${i}`, channel: 'mpesa_c2b', stage, outcome: 'success', occurredAtMs: now, currency: 'KES' });
  const ops = events.map((e) => toTrackingOp(e, now));
  return groupByAttempt(ops, 0, ops.length).json;
}
for (const per of [4, 1]) {
  await r.config('RESETSTAT');
  for (let b = 0; b < 100; b++) await r.evalsha(sha, 0, 'lt4', 86400, 691200, chunk(b + per * 1000, per));
  const stats = (await r.info('commandstats')).split('\n').filter((l) => /evalsha|hmget|hset:|zadd|zrem|expireat|hincrby/.test(l)).map((l) => l.replace(/,rejected.*/, '')).join('\n');
  console.log('per attempt', per, '\n' + stats);
}
let c = '0'; do { const [n, k] = await r.scan(c, 'MATCH', 'lt4*', 'COUNT', 10000); c = n; if (k.length) await r.del(...k); } while (c !== '0');
r.disconnect();
