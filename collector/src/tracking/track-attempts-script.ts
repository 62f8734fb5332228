import { createHash } from 'node:crypto';

/** Attempt records are spread over this many hashes per generation, so no single key grows huge. */
export const ATTEMPT_SHARDS = 16;

/**
 * Records a batch of stage events in one call (queued with its siblings in one pipeline per request).
 *
 * ARGV: key prefix, attempt TTL seconds, per-minute TTL seconds, and a JSON array of attempt groups
 * `[attemptId, shard, paymentChannel, code, occurredAtMs, code, occurredAtMs, …]`: the events of one
 * attempt in arrival order, each as `code = stageOutcome (0-23) + 32 * bits` with bits 1 payment
 * received, 2 token generated, 4 counts in the failure-ratio denominator, 8 system-caused failure,
 * 16 counted in its minute. Returns one entry per event, group by group: 0 = duplicate (attempt +
 * stage + outcome seen before), 1 = new, or `"<ms>|<channel>"` = new and it completes a
 * payment→token pair (the other side's time and the payment channel).
 *
 * An attempt's record is `seen|paidAt|paidChannel|tokenAt` in hash `<prefix>:g:<generation>:<shard>`;
 * a generation lasts one TTL and lookups read the current and previous generation, so an attempt is
 * remembered for one to two TTLs and expiry costs one EXPIREAT per hash instead of one per attempt.
 * Reads are one HMGET per shard and generation, writes one HSET per shard: Redis work grows with the
 * batch, not with calls per event. Unpaired payments wait in a sorted set scored by paid time.
 * Keys derive from the prefix: single Redis, not Redis Cluster.
 */
export const TRACK_ATTEMPTS_LUA = `
local prefix = ARGV[1]
local ttl = tonumber(ARGV[2])
local minuteTtl = tonumber(ARGV[3])
local groups = cjson.decode(ARGV[4])
local time = redis.call('TIME')
local generation = math.floor(tonumber(time[1]) / ttl)
local current = prefix .. ':g:' .. generation .. ':'
local previous = prefix .. ':g:' .. (generation - 1) .. ':'
local awaiting = prefix .. ':awaiting-token'

local byShard = {}
for gi, g in ipairs(groups) do
  local list = byShard[g[2]]
  if not list then
    list = {}
    byShard[g[2]] = list
  end
  list[#list + 1] = gi
end
local states = {}
for shard, list in pairs(byShard) do
  local args = { current .. shard }
  for i, gi in ipairs(list) do args[i + 1] = groups[gi][1] end
  local now = redis.call('HMGET', unpack(args))
  args[1] = previous .. shard
  local before = redis.call('HMGET', unpack(args))
  for i, gi in ipairs(list) do states[gi] = now[i] or before[i] end
end

local out, o = {}, 0
local writes, add, remove, minutes = {}, {}, {}, {}
for gi, g in ipairs(groups) do
  local seen, paidAt, paidChannel, tokenAt = '', false, false, false
  local state = states[gi]
  if state then
    local a, b, c, d = string.match(state, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)$')
    seen = a or ''
    if b and b ~= '' then paidAt = b end
    if c and c ~= '' then paidChannel = c end
    if d and d ~= '' then tokenAt = d end
  end
  local hadPaid = paidAt
  local changed, newToken = false, false
  for j = 4, #g, 2 do
    local code, ms = g[j], g[j + 1]
    local letter = string.char(97 + code % 32)
    local bits = math.floor(code / 32)
    o = o + 1
    if string.find(seen, letter, 1, true) then
      out[o] = 0
    else
      seen = seen .. letter
      changed = true
      local result = 1
      if bits % 2 == 1 and not paidAt then
        paidAt, paidChannel = string.format('%d', ms), g[3]
        if tokenAt then result = tokenAt .. '|' .. paidChannel end
      elseif math.floor(bits / 2) % 2 == 1 and not tokenAt then
        tokenAt, newToken = string.format('%d', ms), true
        if paidAt then result = paidAt .. '|' .. paidChannel end
      end
      if math.floor(bits / 16) % 2 == 1 then
        local minute = math.floor(ms / 60000)
        local counts = minutes[minute]
        if not counts then
          counts = { 0, 0, 0 }
          minutes[minute] = counts
        end
        if math.floor(bits / 2) % 2 == 1 then counts[1] = counts[1] + 1 end
        if math.floor(bits / 8) % 2 == 1 then counts[2] = counts[2] + 1 end
        if math.floor(bits / 4) % 2 == 1 then counts[3] = counts[3] + 1 end
      end
      out[o] = result
    end
  end
  if changed then
    local w = writes[g[2]]
    if not w then
      w = {}
      writes[g[2]] = w
    end
    w[#w + 1] = g[1]
    w[#w + 1] = seen .. '|' .. (paidAt or '') .. '|' .. (paidChannel or '') .. '|' .. (tokenAt or '')
    if paidAt and not hadPaid and not tokenAt then
      add[#add + 1] = paidAt
      add[#add + 1] = g[1]
    end
    if newToken and hadPaid then remove[#remove + 1] = g[1] end
  end
end
local expireAt = (generation + 2) * ttl
for shard, w in pairs(writes) do
  redis.call('HSET', current .. shard, unpack(w))
  redis.call('EXPIREAT', current .. shard, expireAt)
end
if #add > 0 then redis.call('ZADD', awaiting, unpack(add)) end
if #remove > 0 then redis.call('ZREM', awaiting, unpack(remove)) end
for minute, counts in pairs(minutes) do
  local key = prefix .. ':m:' .. string.format('%d', minute)
  if counts[1] > 0 then redis.call('HINCRBY', key, 'tok', counts[1]) end
  if counts[2] > 0 then redis.call('HINCRBY', key, 'fail', counts[2]) end
  if counts[3] > 0 then redis.call('HINCRBY', key, 'all', counts[3]) end
  redis.call('EXPIRE', key, minuteTtl)
end
return out
`;

/** Sent as EVALSHA (ioredis resends a defined command's full text in every pipeline, which costs more). */
export const TRACK_ATTEMPTS_SHA = createHash('sha1').update(TRACK_ATTEMPTS_LUA).digest('hex');
