import { Redis } from 'ioredis';
const r = new Redis();
const LUA = `
local prefix = ARGV[1]
local gen = tonumber(ARGV[2])
local expireAt = tonumber(ARGV[3])
local groups = cjson.decode(ARGV[4])
local curPrefix = prefix .. ':g:' .. gen .. ':'
local prevPrefix = prefix .. ':g:' .. (gen - 1) .. ':'
local byShard = {}
for gi, g in ipairs(groups) do
  local s = g[2]
  local list = byShard[s]
  if not list then list = {} byShard[s] = list end
  list[#list + 1] = gi
end
local states = {}
for s, list in pairs(byShard) do
  local args = { curPrefix .. s }
  for i, gi in ipairs(list) do args[i + 1] = groups[gi][1] end
  local cur = redis.call('HMGET', unpack(args))
  args[1] = prevPrefix .. s
  local prev = redis.call('HMGET', unpack(args))
  for i, gi in ipairs(list) do states[gi] = cur[i] or prev[i] end
end
local writes = {}
local out, o = {}, 0
for gi, g in ipairs(groups) do
  local seen = states[gi] or ''
  local changed = false
  for j = 4, #g, 2 do
    local code = g[j]
    local ch = string.char(97 + code % 32)
    o = o + 1
    if string.find(seen, ch, 1, true) then out[o] = 0 else seen = seen .. ch; changed = true; out[o] = 1 end
  end
  if changed then
    local w = writes[g[2]]
    if not w then w = {} writes[g[2]] = w end
    w[#w + 1] = g[1]
    w[#w + 1] = seen
  end
end
for s, w in pairs(writes) do
  redis.call('HSET', curPrefix .. s, unpack(w))
  redis.call('EXPIREAT', curPrefix .. s, expireAt)
end
return out
`;
const sha = (await r.script('LOAD', LUA)) as string;
const now = Date.now();
function fnv(s: string) { let h = 0x811c9dc5; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); } return (h >>> 0) % 16; }
function groups(b: number, per: number) {
  const g: unknown[] = [];
  for (let i = 0; i < 1000 / per; i++) {
    const id = `b${b}-${i}`;
    const row: unknown[] = [id, fnv(id), 'mpesa_c2b'];
    for (let k = 0; k < per; k++) row.push(k * 4 + 128 * 6, now);
    g.push(row);
  }
  return JSON.stringify(g);
}
for (const per of [4, 1]) {
  await r.config('RESETSTAT');
  for (let b = 0; b < 100; b++) await r.evalsha(sha, 0, 'lt3', 20000, Math.floor(now / 1000) + 86400, groups(b + per * 1000, per));
  const stats = (await r.info('commandstats')).split('\n').find((l) => l.startsWith('cmdstat_evalsha'));
  console.log('per attempt', per, stats?.match(/usec_per_call=([\d.]+)/)?.[1]);
}
let c = '0'; do { const [n, k] = await r.scan(c, 'MATCH', 'lt3*', 'COUNT', 10000); c = n; if (k.length) await r.del(...k); } while (c !== '0');
r.disconnect();
