import { parentPort } from 'node:worker_threads';
import { StimaError } from '@stimawatch/core';
import { encodeBatch, transferables } from './batch-codec';
import type { ParseReply, ParseRequest } from './parse-worker-protocol';
import { readVendEvents } from './read-vend-events';

/**
 * The parse worker's entry point: reads request bodies into validated batches off the request thread.
 * A body that is not a batch at all answers its StimaError; any other failure answers `failed`, and the
 * request thread then parses that body itself.
 */
const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs as a worker thread');
port.on('message', (request: ParseRequest) => {
  const { id, bytes, contentType, maxEvents, receivedAtMs } = request;
  try {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const batch = encodeBatch(readVendEvents(text, contentType, maxEvents, receivedAtMs));
    port.postMessage({ id, outcome: 'batch', batch } satisfies ParseReply, transferables(batch));
  } catch (error) {
    const reply: ParseReply =
      error instanceof StimaError
        ? { id, outcome: 'refused', code: error.code, message: error.message, context: error.context }
        : { id, outcome: 'failed', message: (error as Error).message };
    port.postMessage(reply);
  }
});
