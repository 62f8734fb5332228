import { Redis } from 'ioredis';
import { TRACK_ATTEMPTS_LUA } from '../collector/src/tracking/track-attempts-script';
const r = new Redis();
const sha = (await r.script('LOAD', TRACK_ATTEMPTS_LUA)) as string;
const now = Date.now(); const minute = String(Math.floor(now / 60000));
function groups(b: number, perAttempt: number) {
  const g: unknown[] = [];
  for (let i = 0; i < 1000 / perAttempt; i++) {
    const ops: unknown[] = [`b${b}-${i}`];
    const stages = perAttempt === 4 ? [['i', 5], ['m', 4], ['q', 6], ['u', 4]] : [['q', 6]];
    for (const [f, bits] of stages) ops.push([f, bits, String(now), 'mpesa_c2b', minute]);
    g.push(ops);
  }
  return JSON.stringify(g);
}
for (const per of [4, 1]) {
  await r.config('RESETSTAT');
  for (let b = 0; b < 100; b++) await r.evalsha(sha, 0, 'lt2', 86400, 691200, groups(b + per * 1000, per));
  const stats = (await r.info('commandstats')).split('\n').find((l) => l.startsWith('cmdstat_evalsha'));
  console.log('per attempt', per, stats?.match(/usec_per_call=([\d.]+)/)?.[1]);
}
let c = '0'; do { const [n, k] = await r.scan(c, 'MATCH', 'lt2*', 'COUNT', 10000); c = n; if (k.length) await r.del(...k); } while (c !== '0');
r.disconnect();
