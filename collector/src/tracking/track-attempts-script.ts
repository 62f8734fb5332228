import { createHash } from 'node:crypto';

/** Attempt records are spread over this many hashes per generation, so no single key grows huge. */
export const ATTEMPT_SHARDS = 16;

/** The stage+outcome letters (see tracking-op.ts) of payment_received/success and token_generation/success. */
export const PAID_LETTER = 'i';
export const TOKEN_LETTER = 'q';

/**
 * Dedupes and pairs a batch of stage events in one call (queued with its siblings in one pipeline).
 *
 * ARGV: key prefix, attempt TTL seconds, and a JSON array of attempt groups
 * `[attemptId, shard, letters, distinctLetters, paidAt, paidChannel, tokenAt]`: `letters` holds one letter
 * per event of the attempt, in arrival order (stage and outcome, 'a'-'x'), `distinctLetters` the same
 * without repeats; the times (ms, as strings) are those of the group's first payment received and first
 * token generated, and the channel that of the payment ('' if none).
 *
 * An attempt's record is `seen|paidAt|paidChannel|tokenAt` in hash `<prefix>:g:<generation>:<shard>`;
 * a generation lasts one TTL (Redis TIME) and lookups read the current and the previous one, so an
 * attempt is remembered for one to two TTLs and expiry costs one EXPIREAT per hash, not per attempt.
 * Reads are one HMGET per shard and generation, writes one HSET per shard, so Redis work grows with
 * the attempts in the batch rather than with calls per event. Unpaired payments wait in a sorted set
 * scored by paid time. Keys derive from the prefix: single Redis, not Redis Cluster.
 *
 * Most attempts are new: their record is written as given and the script says nothing about them (the
 * caller knows every distinct letter is new). For an attempt already recorded it merges letter by letter
 * and returns `groupNumber, {reply per letter}`: 0 = duplicate (attempt+stage+outcome seen before),
 * 1 = new, or `"<ms>|<channel>"` = new and it completes a payment→token pair (the other side's time and
 * the payment channel).
 */
export const TRACK_ATTEMPTS_LUA = `
local prefix = ARGV[1]
local ttl = tonumber(ARGV[2])
local groups = cjson.decode(ARGV[3])
local generation = math.floor(tonumber(redis.call('TIME')[1]) / ttl)
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

local out = {}
local writes, add, remove = {}, {}, {}
for gi, g in ipairs(groups) do
  local record
  local state = states[gi]
  if not state then
    record = g[4] .. '|' .. g[5] .. '|' .. g[6] .. '|' .. g[7]
    if g[5] ~= '' and g[7] == '' then
      add[#add + 1] = g[5]
      add[#add + 1] = g[1]
    end
  else
    local seen, paidAt, paidChannel, tokenAt = '', false, false, false
    local a, b, c, d = string.match(state, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)$')
    seen = a or ''
    if b and b ~= '' then paidAt = b end
    if c and c ~= '' then paidChannel = c end
    if d and d ~= '' then tokenAt = d end
    local hadPaid = paidAt
    local changed, newToken = false, false
    local replies = {}
    local letters = g[3]
    for k = 1, #letters do
      local letter = string.sub(letters, k, k)
      if string.find(seen, letter, 1, true) then
        replies[k] = 0
      else
        seen = seen .. letter
        changed = true
        replies[k] = 1
        if letter == '${PAID_LETTER}' then
          paidAt, paidChannel = g[5], g[6]
          if tokenAt then replies[k] = tokenAt .. '|' .. paidChannel end
        elseif letter == '${TOKEN_LETTER}' then
          tokenAt, newToken = g[7], true
          if paidAt then replies[k] = paidAt .. '|' .. paidChannel end
        end
      end
    end
    out[#out + 1] = gi
    out[#out + 1] = replies
    if changed then
      record = seen .. '|' .. (paidAt or '') .. '|' .. (paidChannel or '') .. '|' .. (tokenAt or '')
      if paidAt and not hadPaid and not tokenAt then
        add[#add + 1] = paidAt
        add[#add + 1] = g[1]
      end
      if newToken and hadPaid then remove[#remove + 1] = g[1] end
    end
  end
  if record then
    local w = writes[g[2]]
    if not w then
      w = {}
      writes[g[2]] = w
    end
    w[#w + 1] = g[1]
    w[#w + 1] = record
  end
end
local expireAt = (generation + 2) * ttl
for shard, w in pairs(writes) do
  redis.call('HSET', current .. shard, unpack(w))
  redis.call('EXPIREAT', current .. shard, expireAt)
end
if #add > 0 then redis.call('ZADD', awaiting, unpack(add)) end
if #remove > 0 then redis.call('ZREM', awaiting, unpack(remove)) end
return out
`;

/** Sent as EVALSHA (ioredis resends a defined command's full text in every pipeline, which costs more). */
export const TRACK_ATTEMPTS_SHA = createHash('sha1').update(TRACK_ATTEMPTS_LUA).digest('hex');
