import { ATTEMPT_SHARDS, PAID_LETTER, TOKEN_LETTER } from './track-attempts-script';
import {
  OP_PAID,
  OP_TOKEN,
  type OpReply,
  opBits,
  opLetter,
  type PairedWith,
  parsePairReply,
  type TrackingOp,
} from './tracking-op';

/** One attempt's ops in a script call, and where they sit in the chunk (arrival order). */
interface AttemptGroup {
  row: Row;
  positions: number[];
}

/** One script call's argument (ops grouped by attempt) and what is needed to read its reply. */
export interface ScriptChunk {
  json: string;
  /** The chunk's ops, in arrival order. */
  ops: readonly TrackingOp[];
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

/** See track-attempts-script.ts for the meaning of each field. */
type Row = [
  attemptId: string,
  shard: number,
  letters: string,
  distinctLetters: string,
  paidAt: string,
  paidChannel: string,
  tokenAt: string,
];

/** Groups ops[start, end) by attempt (first appearance order, arrival order inside a group). */
export function groupByAttempt(ops: readonly TrackingOp[], start: number, end: number): ScriptChunk {
  // A flush is nearly always one chunk: no copy then.
  const chunkOps = start === 0 && end === ops.length ? ops : ops.slice(start, end);
  const byAttempt = new Map<string, AttemptGroup>();
  const groups: AttemptGroup[] = [];
  for (let position = 0; position < chunkOps.length; position++) {
    const op = chunkOps[position] as TrackingOp;
    let group = byAttempt.get(op[0]);
    if (group === undefined) {
      group = { row: [op[0], shardOf(op[0]), '', '', '', '', ''], positions: [] };
      byAttempt.set(op[0], group);
      groups.push(group);
    }
    const row = group.row;
    const letter = opLetter(op);
    row[2] += letter;
    if (!row[3].includes(letter)) row[3] += letter;
    const bits = opBits(op);
    // Only a group's first payment and first token can be new; later ones repeat their letter.
    if (bits & OP_PAID && row[5] === '') {
      row[4] = String(op[2]);
      row[5] = op[3];
    }
    if (bits & OP_TOKEN && row[6] === '') row[6] = String(op[2]);
    group.positions.push(position);
  }
  return { json: JSON.stringify(groups.map((group) => group.row)), ops: chunkOps, groups };
}

/**
 * Reads a script reply into one reply per op, in the chunk's order. The script answers only for attempts
 * it already knew (`[groupNumber, letterReplies, …]`); an attempt seen for the first time is answered here,
 * exactly as the script would: each stage+outcome counts once, and whichever of payment and token comes
 * second completes the pair.
 */
export function repliesInOpOrder(chunk: ScriptChunk, reply: readonly unknown[]): OpReply[] {
  const replies: OpReply[] = new Array(chunk.ops.length);
  const known = new Map<number, readonly unknown[]>();
  for (let i = 0; i + 1 < reply.length; i += 2) {
    known.set(Number(reply[i]) - 1, reply[i + 1] as readonly unknown[]);
  }
  for (const [index, group] of chunk.groups.entries()) {
    const fromScript = known.get(index);
    if (fromScript === undefined) {
      firstSightReplies(group, replies);
      continue;
    }
    for (const [k, position] of group.positions.entries()) {
      const value = fromScript[k];
      replies[position] = value === 0 ? 0 : typeof value === 'string' ? parsePairReply(value) : 1;
    }
  }
  return replies;
}

function firstSightReplies(group: AttemptGroup, replies: OpReply[]): void {
  const [, , letters, , paidAt, paidChannel, tokenAt] = group.row;
  let seen = '';
  let paid = false;
  let token = false;
  for (const [k, position] of group.positions.entries()) {
    const letter = letters[k] as string;
    if (seen.includes(letter)) {
      replies[position] = 0;
      continue;
    }
    seen += letter;
    let reply: OpReply = 1;
    if (letter === PAID_LETTER) {
      paid = true;
      if (token) reply = pairedWith(tokenAt, paidChannel);
    } else if (letter === TOKEN_LETTER) {
      token = true;
      if (paid) reply = pairedWith(paidAt, paidChannel);
    }
    replies[position] = reply;
  }
}

function pairedWith(otherAt: string, channel: string): PairedWith {
  return { otherMs: Number(otherAt), channel: channel as PairedWith['channel'] };
}
