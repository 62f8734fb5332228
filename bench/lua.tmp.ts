import { Redis } from 'ioredis';
const r = new Redis();
const N = 1000;
const mk = (b: number) => JSON.stringify(Array.from({ length: N }, (_, i) => [`b${b}-${i}`, 's40', 6, String(Date.now()), 'mpesa_c2b', '29930231']));
const flat = (b: number) => Array.from({ length: N }, (_, i) => [`b${b}-${i}`, 's40', '6', String(Date.now()), 'mpesa_c2b', '29930231']).flat();
const scripts: Record<string, string> = {
  decodeOnly: `local e = cjson.decode(ARGV[1]) local n = 0 for i, x in ipairs(e) do n = n + x[3] end return n`,
  hsetnxOnly: `local e = cjson.decode(ARGV[1]) local n = 0 for i, x in ipairs(e) do n = n + redis.call('HSETNX', 'lt:a:' .. x[1], x[2], 1) end return n`,
  hsetnxExpire: `local e = cjson.decode(ARGV[1]) local n = 0 for i, x in ipairs(e) do n = n + redis.call('HSETNX', 'lt:a:' .. x[1], x[2], 1) redis.call('EXPIRE', 'lt:a:' .. x[1], 86400) end return n`,
  setnxex: `local e = cjson.decode(ARGV[1]) local n = 0 for i, x in ipairs(e) do if redis.call('SET', 'lt:d:' .. x[1] .. ':' .. x[2], 1, 'NX', 'EX', 86400) then n = n + 1 end end return n`,
  flatArgs: `local n = 0 for i = 1, #ARGV, 6 do n = n + redis.call('HSETNX', 'lt:a:' .. ARGV[i], ARGV[i+1], 1) end return n`,
  hsetnxHlen: `local e = cjson.decode(ARGV[1]) local n = 0 for i, x in ipairs(e) do local k = 'lt:a:' .. x[1] if redis.call('HSETNX', k, x[2], 1) == 1 then n = n + 1 if redis.call('HLEN', k) == 1 then redis.call('EXPIRE', k, 86400) end end end return n`,
};
let b = 0;
for (const [name, lua] of Object.entries(scripts)) {
  const sha = await r.script('LOAD', lua) as string;
  await r.config('RESETSTAT');
  const t = performance.now();
  for (let i = 0; i < 50; i++) {
    if (name === 'flatArgs') await r.evalsha(sha, 0, ...flat(b++)); else await r.evalsha(sha, 0, mk(b++));
  }
  const stats = (await r.info('commandstats')).split('\n').find((l) => l.startsWith('cmdstat_evalsha'));
  console.log(name, stats?.match(/usec_per_call=([\d.]+)/)?.[1], 'wall/batch', ((performance.now() - t) / 50).toFixed(2));
}
let c = '0'; do { const [n, k] = await r.scan(c, 'MATCH', 'lt:*', 'COUNT', 10000); c = n; if (k.length) await r.del(...k); } while (c !== '0');
r.disconnect();
