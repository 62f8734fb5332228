import { createHash } from 'node:crypto';

/** Attempt records are spread over this many hashes per generation, so no single key grows huge. */
export const ATTEMPT_SHARDS = 16;

/** The stage+outcome letters (see tracking-op.ts) of payment_received/success and token_generation/success. */
export const PAID_LETTER = 'i';
export const TOKEN_LETTER = 'q';

/**
 * Dedupes and pairs a batch of stage events in one call (see script-chunk.ts for the caller's side).
 *
 * ARGV: key prefix, attempt TTL seconds, and a JSON array with one entry per shard the batch touches:
 * `[shard, attemptIds, records, awaiting]`. `records[j]` is attempt j's record as if it were new,
 * `distinctLetters|paidAt|paidChannel|tokenAt` (one letter per stage+outcome seen, 'a'-'x'; times in ms;
 * '' when absent), and `awaiting[j]` its payment time when it has a payment and no token, else ''.
 *
 * An attempt's record lives in hash `<prefix>:g:<generation>:<shard>`; a generation lasts one TTL
 * (Redis TIME) and lookups read the current one, then the previous one for attempts not found, so an
 * attempt is remembered for one to two TTLs and expiry costs one EXPIREAT per hash, not per attempt.
 * Each shard costs one or two HMGET and one HSET, so Redis work grows with the attempts in the batch
 * rather than with calls per event. Unpaired payments wait in a sorted set scored by paid time. Keys
 * derive from the prefix: single Redis, not Redis Cluster.
 *
 * A new attempt's record is written as given (no string work here). A known one is merged: letters not
 * seen before are appended, and the payment and token keep their first time. The script returns
 * `n, storedRecord` for each known attempt (n counts attempts across the shards in argument order,
 * from 1); the caller works out from the stored record which events are replays and which complete a
 * payment→token pair. Letters are a-x, so a record's letters form a valid pattern character class.
 */
export const TRACK_ATTEMPTS_LUA = `
local prefix = ARGV[1]
local ttl = tonumber(ARGV[2])
local shards = cjson.decode(ARGV[3])
local generation = math.floor(tonumber(redis.call('TIME')[1]) / ttl)
local current = prefix .. ':g:' .. generation .. ':'
local previous = prefix .. ':g:' .. (generation - 1) .. ':'
local expireAt = (generation + 2) * ttl
local FIELDS = '^([^|]*)|([^|]*)|([^|]*)|([^|]*)$'
-- unpack() is limited to a few thousand values: long argument lists go in slices.
local function callInSlices(command, key, list)
  for from = 1, #list, 2000 do
    redis.call(command, key, unpack(list, from, math.min(#list, from + 1999)))
  end
end

local out, add, remove = {}, {}, {}
local n = 0
for _, entry in ipairs(shards) do
  local key = current .. entry[1]
  local ids, records, awaiting = entry[2], entry[3], entry[4]
  local stored = redis.call('HMGET', key, unpack(ids))
  local missing = {}
  for j = 1, #ids do
    if not stored[j] then missing[#missing + 1] = j end
  end
  if #missing == #ids then
    stored = redis.call('HMGET', previous .. entry[1], unpack(ids))
  elseif #missing > 0 then
    local lookup = {}
    for k, j in ipairs(missing) do lookup[k] = ids[j] end
    local before = redis.call('HMGET', previous .. entry[1], unpack(lookup))
    for k, j in ipairs(missing) do stored[j] = before[k] end
  end
  local writes = {}
  for j = 1, #ids do
    n = n + 1
    local state = stored[j]
    if not state then
      writes[#writes + 1] = ids[j]
      writes[#writes + 1] = records[j]
      if awaiting[j] ~= '' then
        add[#add + 1] = awaiting[j]
        add[#add + 1] = ids[j]
      end
    else
      out[#out + 1] = n
      out[#out + 1] = state
      local seen, paidAt, paidChannel, tokenAt = string.match(state, FIELDS)
      local letters, newPaidAt, newChannel, newTokenAt = string.match(records[j], FIELDS)
      seen, paidAt, paidChannel, tokenAt = seen or '', paidAt or '', paidChannel or '', tokenAt or ''
      local added = letters
      if seen ~= '' then added = string.gsub(letters, '[' .. seen .. ']', '') end
      if added ~= '' then
        local paidNow = paidAt == '' and newPaidAt ~= ''
        local tokenNow = tokenAt == '' and newTokenAt ~= ''
        if tokenNow and paidAt ~= '' then remove[#remove + 1] = ids[j] end
        if paidNow then paidAt, paidChannel = newPaidAt, newChannel end
        if tokenNow then tokenAt = newTokenAt end
        if paidNow and tokenAt == '' then
          add[#add + 1] = paidAt
          add[#add + 1] = ids[j]
        end
        writes[#writes + 1] = ids[j]
        writes[#writes + 1] = seen .. added .. '|' .. paidAt .. '|' .. paidChannel .. '|' .. tokenAt
      end
    end
  end
  if #writes > 0 then
    callInSlices('HSET', key, writes)
    redis.call('EXPIREAT', key, expireAt)
  end
end
callInSlices('ZADD', prefix .. ':awaiting-token', add)
callInSlices('ZREM', prefix .. ':awaiting-token', remove)
return out
`;

/** Sent as EVALSHA (ioredis resends a defined command's full text in every pipeline, which costs more). */
export const TRACK_ATTEMPTS_SHA = createHash('sha1').update(TRACK_ATTEMPTS_LUA).digest('hex');
