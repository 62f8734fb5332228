import type { ErrorCode } from '@stimawatch/core';
import type { EncodedBatch } from './batch-codec';

/** What the request thread asks the parse worker: one body to read into a validated batch. */
export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  contentType: string | undefined;
  maxEvents: number;
  receivedAtMs: number;
}

/** The worker's answer: the batch, the StimaError that refuses the body, or a failure to parse it there. */
export type ParseReply =
  | { id: number; outcome: 'batch'; batch: EncodedBatch }
  | { id: number; outcome: 'refused'; code: ErrorCode; message: string; context: Record<string, unknown> }
  | { id: number; outcome: 'failed'; message: string };
