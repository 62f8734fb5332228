import { ATTEMPT_SHARDS, PAID_LETTER, TOKEN_LETTER } from './track-attempts-script';
import {
  OP_PAID,
  OP_TOKEN,
  type OpReply,
  opBits,
  opIndex,
  opLetter,
  type PairedWith,
  type TrackingOp,
} from './tracking-op';

/** An attempt's record as the tracking script stores it: see track-attempts-script.ts. */
interface AttemptRecord {
  letters: string;
  paidAt: string;
  paidChannel: string;
  tokenAt: string;
}

/** One attempt's ops in a script call, and where they sit in the chunk (arrival order). */
interface AttemptGroup extends AttemptRecord {
  attemptId: string;
  /** The letters as bits (1 << index), to test an op's letter without a string search. */
  seenBits: number;
  positions: number[];
}

/** One script call's argument (ops grouped by shard, then attempt) and what is needed to read its reply. */
export interface ScriptChunk {
  json: string;
  /** The chunk's ops, in arrival order. */
  ops: readonly TrackingOp[];
  /** The attempts in the argument's order (the script's `n` - 1). */
  groups: AttemptGroup[];
}

/** FNV-1a: a cheap, stable spread of attempt ids over the shards. */
export function shardOf(attemptId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < attemptId.length; i++) {
    hash ^= attemptId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % ATTEMPT_SHARDS;
}

const NO_RECORD: AttemptRecord = { letters: '', paidAt: '', paidChannel: '', tokenAt: '' };

/** Groups ops[start, end) by shard, then attempt (first appearance order, arrival order inside a group). */
export function groupByAttempt(ops: readonly TrackingOp[], start: number, end: number): ScriptChunk {
  // A flush is nearly always one chunk: no copy then.
  const chunkOps = start === 0 && end === ops.length ? ops : ops.slice(start, end);
  const byAttempt = new Map<string, AttemptGroup>();
  const byShard: AttemptGroup[][] = Array.from({ length: ATTEMPT_SHARDS }, () => []);
  for (let position = 0; position < chunkOps.length; position++) {
    const op = chunkOps[position] as TrackingOp;
    let group = byAttempt.get(op[0]);
    if (group === undefined) {
      group = {
        attemptId: op[0],
        letters: '',
        paidAt: '',
        paidChannel: '',
        tokenAt: '',
        seenBits: 0,
        positions: [],
      };
      byAttempt.set(op[0], group);
      (byShard[shardOf(op[0])] as AttemptGroup[]).push(group);
    }
    const bit = 1 << opIndex(op);
    if ((group.seenBits & bit) === 0) {
      group.seenBits |= bit;
      group.letters += opLetter(op);
    }
    const bits = opBits(op);
    // Only a group's first payment and first token can be new; later ones repeat their letter.
    if (bits & OP_PAID && group.paidAt === '') {
      group.paidAt = String(op[2]);
      group.paidChannel = op[3];
    }
    if (bits & OP_TOKEN && group.tokenAt === '') group.tokenAt = String(op[2]);
    group.positions.push(position);
  }
  const argument: Array<[number, string[], string[], string[]]> = [];
  const groups: AttemptGroup[] = [];
  for (let shard = 0; shard < ATTEMPT_SHARDS; shard++) {
    const members = byShard[shard] as AttemptGroup[];
    if (members.length === 0) continue;
    const ids: string[] = new Array(members.length);
    const records: string[] = new Array(members.length);
    const awaiting: string[] = new Array(members.length);
    for (let j = 0; j < members.length; j++) {
      const group = members[j] as AttemptGroup;
      ids[j] = group.attemptId;
      records[j] = recordOf(group);
      awaiting[j] = group.tokenAt === '' ? group.paidAt : '';
      groups.push(group);
    }
    argument.push([shard, ids, records, awaiting]);
  }
  return { json: JSON.stringify(argument), ops: chunkOps, groups };
}

function recordOf(record: AttemptRecord): string {
  return `${record.letters}|${record.paidAt}|${record.paidChannel}|${record.tokenAt}`;
}

function parseRecord(stored: string): AttemptRecord {
  const [letters = '', paidAt = '', paidChannel = '', tokenAt = ''] = stored.split('|');
  return { letters, paidAt, paidChannel, tokenAt };
}

/**
 * Reads a script reply into one reply per op, in the chunk's order. The script returns the stored record
 * of each attempt it already knew (`[n, record, …]`); every attempt is answered from what was stored
 * before (nothing, for a new one) exactly as the script merged it: each stage+outcome counts once, and
 * whichever of payment and token comes second completes the pair.
 */
export function repliesInOpOrder(chunk: ScriptChunk, reply: readonly unknown[]): OpReply[] {
  const replies: OpReply[] = new Array(chunk.ops.length);
  const stored = new Map<number, string>();
  for (let i = 0; i + 1 < reply.length; i += 2) stored.set(Number(reply[i]) - 1, String(reply[i + 1]));
  for (let index = 0; index < chunk.groups.length; index++) {
    const before = stored.get(index);
    groupReplies(chunk, index, before === undefined ? NO_RECORD : parseRecord(before), replies);
  }
  return replies;
}

function groupReplies(chunk: ScriptChunk, index: number, before: AttemptRecord, replies: OpReply[]): void {
  const group = chunk.groups[index] as AttemptGroup;
  let { paidAt, paidChannel, tokenAt } = before;
  let seenBits = 0;
  for (let k = 0; k < before.letters.length; k++) seenBits |= 1 << (before.letters.charCodeAt(k) - 97);
  for (const position of group.positions) {
    const op = chunk.ops[position] as TrackingOp;
    const bit = 1 << opIndex(op);
    if (seenBits & bit) {
      replies[position] = 0;
      continue;
    }
    seenBits |= bit;
    let reply: OpReply = 1;
    const letter = opLetter(op);
    if (letter === PAID_LETTER) {
      paidAt = group.paidAt;
      paidChannel = group.paidChannel;
      if (tokenAt !== '') reply = pairedWith(tokenAt, paidChannel);
    } else if (letter === TOKEN_LETTER) {
      tokenAt = group.tokenAt;
      if (paidAt !== '') reply = pairedWith(paidAt, paidChannel);
    }
    replies[position] = reply;
  }
}

function pairedWith(otherAt: string, channel: string): PairedWith {
  return { otherMs: Number(otherAt), channel: channel as PairedWith['channel'] };
}
