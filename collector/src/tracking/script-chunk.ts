import { ATTEMPT_SHARDS } from './track-attempts-script';
import { OP_PAID, OP_TOKEN, opBits, opLetter, type TrackingOp } from './tracking-op';

/** One script call's argument: ops grouped by attempt, and where each reply belongs. */
export interface ScriptChunk {
  json: string;
  /** For the n-th reply (group order), the op's position within the chunk. */
  order: number[];
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

type Row = [
  attemptId: string,
  shard: number,
  paymentChannel: string,
  letters: string,
  paidAt: number,
  tokenAt: number,
];

/** Groups ops[start, end) by attempt (first appearance order, arrival order inside a group). */
export function groupByAttempt(ops: readonly TrackingOp[], start: number, end: number): ScriptChunk {
  const groups = new Map<string, { row: Row; positions: number[] }>();
  for (let index = start; index < end; index++) {
    const op = ops[index] as TrackingOp;
    let group = groups.get(op[0]);
    if (group === undefined) {
      group = { row: [op[0], shardOf(op[0]), '', '', 0, 0], positions: [] };
      groups.set(op[0], group);
    }
    const row = group.row;
    row[3] += opLetter(op);
    const bits = opBits(op);
    // Only a group's first payment and first token can be new; later ones repeat their letter.
    if (bits & OP_PAID && row[2] === '') {
      row[2] = op[3];
      row[4] = op[2];
    }
    if (bits & OP_TOKEN && row[5] === 0) row[5] = op[2];
    group.positions.push(index - start);
  }
  const payload: Row[] = [];
  const order: number[] = [];
  for (const group of groups.values()) {
    payload.push(group.row);
    for (const position of group.positions) order.push(position);
  }
  return { json: JSON.stringify(payload), order };
}

/** Puts a script's replies (group order) back in the chunk's op order. */
export function inOpOrder(chunk: ScriptChunk, replies: readonly unknown[]): unknown[] {
  const ordered: unknown[] = new Array(chunk.order.length);
  for (const [n, position] of chunk.order.entries()) ordered[position] = replies[n];
  return ordered;
}
