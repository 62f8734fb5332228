import { createHash } from 'node:crypto';

/**
 * Records a batch of stage events in one call (queued with its siblings in one pipeline per request).
 *
 * ARGV: key prefix, attempt TTL seconds, per-minute TTL seconds, JSON array of events
 * `[attemptId, dedupeField, bits, occurredAtMs, channel, minute]` where bits: 1 payment received,
 * 2 token generated, 4 counts in the failure-ratio denominator, 8 system-caused failure.
 * Returns one entry per event: 0 = duplicate (attempt+stage+outcome seen before), 1 = new, or
 * `"<ms>|<channel>"` = new and it completes a payment→token pair (the other side's time and the payment
 * channel). Attempt hashes live for the TTL; unpaired payments wait in a sorted set scored by paid time.
 * Keys are derived from the prefix, so the script is for a single Redis (not Redis Cluster).
 */
export const TRACK_ATTEMPTS_LUA = `
local prefix = ARGV[1]
local ttl = tonumber(ARGV[2])
local minuteTtl = tonumber(ARGV[3])
local events = cjson.decode(ARGV[4])
local awaiting = prefix .. ':awaiting-token'
local minutes = {}
local out = {}
for i, e in ipairs(events) do
  local id, field, bits, ms, channel, minute = e[1], e[2], e[3], e[4], e[5], e[6]
  local key = prefix .. ':a:' .. id
  if redis.call('HSETNX', key, field, 1) == 0 then
    out[i] = 0
  else
    redis.call('EXPIRE', key, ttl)
    local result = 1
    if bits % 2 == 1 then
      local tokenAt = redis.call('HGET', key, 't')
      redis.call('HSET', key, 'p', ms, 'c', channel)
      if tokenAt then
        result = tokenAt .. '|' .. channel
      else
        redis.call('ZADD', awaiting, ms, id)
      end
    elseif math.floor(bits / 2) % 2 == 1 then
      local paid = redis.call('HMGET', key, 'p', 'c')
      redis.call('HSET', key, 't', ms)
      if paid[1] then
        result = paid[1] .. '|' .. paid[2]
        redis.call('ZREM', awaiting, id)
      end
    end
    if minute ~= '' then
      local counts = minutes[minute]
      if not counts then
        counts = { 0, 0, 0 }
        minutes[minute] = counts
      end
      if math.floor(bits / 2) % 2 == 1 then counts[1] = counts[1] + 1 end
      if math.floor(bits / 4) % 2 == 1 then counts[3] = counts[3] + 1 end
      if math.floor(bits / 8) % 2 == 1 then counts[2] = counts[2] + 1 end
    end
    out[i] = result
  end
end
for minute, counts in pairs(minutes) do
  local key = prefix .. ':m:' .. minute
  if counts[1] > 0 then redis.call('HINCRBY', key, 'tok', counts[1]) end
  if counts[2] > 0 then redis.call('HINCRBY', key, 'fail', counts[2]) end
  if counts[3] > 0 then redis.call('HINCRBY', key, 'all', counts[3]) end
  redis.call('EXPIRE', key, minuteTtl)
end
return out
`;

/** Sent as EVALSHA (ioredis resends a defined command's full text in every pipeline, which costs more). */
export const TRACK_ATTEMPTS_SHA = createHash('sha1').update(TRACK_ATTEMPTS_LUA).digest('hex');
