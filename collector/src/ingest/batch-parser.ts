import { type ResourceLimits, Worker, type WorkerOptions } from 'node:worker_threads';
import { type Logger, StimaError } from '@stimawatch/core';
import { decodeBatch } from './batch-codec';
import type { ParseReply, ParseRequest } from './parse-worker-protocol';
import { readVendEvents, type ValidatedBatch } from './read-vend-events';

/** Reads request bodies into validated batches: small ones on the request thread, large ones on a worker. */
export interface BatchParser {
  parse(
    bytes: Buffer,
    contentType: string | undefined,
    maxEvents: number,
    receivedAtMs: number,
  ): Promise<ValidatedBatch>;
  /** Stops the worker; bodies it was reading are read on the request thread. */
  close(): Promise<void>;
  /** Bodies read so far, by where they were read. */
  readonly reads: { onWorker: number; onRequestThread: number };
}

export interface BatchParserOptions {
  /**
   * Bodies of at least this many bytes go to the worker thread. Below it, the round trip to the worker
   * costs more than it saves (a single event is read in microseconds).
   */
  workerMinBytes: number;
  /** The worker's heap limits (default: small, see WORKER_LIMITS). */
  workerLimits?: ResourceLimits;
  /**
   * Bytes of bodies waiting for the worker beyond which new bodies are read on the request thread (default
   * 32 MiB). Reading there holds up the request thread, which is what slows senders down when the worker
   * falls behind, rather than bodies piling up in memory.
   */
  maxPendingBytes?: number;
  logger: Logger;
}

/** A body to read and how: what `parse` was given. */
interface BodyToRead {
  bytes: Buffer;
  contentType: string | undefined;
  maxEvents: number;
  receivedAtMs: number;
}

interface PendingParse {
  /** The worker reading it; if that worker ends first, the body is read on the request thread. */
  worker: Worker;
  body: BodyToRead;
  resolve: (batch: ValidatedBatch) => void;
  reject: (error: unknown) => void;
}

/**
 * The worker parses one body at a time (at most 5 MiB, about 10,000 events; bodies waiting for it are
 * outside its heap), so a small heap is plenty and keeps the process's memory down. A body that does not fit ends the worker (out of memory) and is read on
 * the request thread instead.
 */
const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };

/** After the worker ended on its own, bodies are read on the request thread this long before it restarts. */
const RESTART_PAUSE_MS = 10_000;

/** See `BatchParserOptions.maxPendingBytes`. */
const DEFAULT_MAX_PENDING_BYTES = 32 * 1024 * 1024;

/** Bodies at least this large are parsed off the request thread by default (about 100 events). */
export const DEFAULT_WORKER_MIN_BYTES = 16 * 1024;

/**
 * The worker is started with the first large body, and again a little while after it exits. A body it could
 * not read (the worker crashed, was stopped, or failed unexpectedly) is read on the request thread instead,
 * so a problem with the worker costs speed, never a request.
 */
export function createBatchParser(options: BatchParserOptions): BatchParser {
  const pending = new Map<number, PendingParse>();
  let worker: Worker | undefined;
  let nextId = 1;
  const reads = { onWorker: 0, onRequestThread: 0 };
  let restartAfter = 0;
  const maxPendingBytes = options.maxPendingBytes ?? DEFAULT_MAX_PENDING_BYTES;

  const readHere = (body: BodyToRead): ValidatedBatch => {
    reads.onRequestThread += 1;
    return readVendEvents(body.bytes.toString('utf8'), body.contentType, body.maxEvents, body.receivedAtMs);
  };
  const settleHere = (entry: PendingParse) => {
    try {
      entry.resolve(readHere(entry.body));
    } catch (error) {
      entry.reject(error);
    }
  };

  const take = (id: number): PendingParse | undefined => {
    const entry = pending.get(id);
    pending.delete(id);
    return entry;
  };
  const waitingBytes = () => {
    let total = 0;
    for (const entry of pending.values()) total += entry.body.bytes.length;
    return total;
  };

  const onReply = (reply: ParseReply) => {
    const entry = take(reply.id);
    if (entry === undefined) return;
    switch (reply.outcome) {
      case 'batch':
        reads.onWorker += 1;
        entry.resolve(decodeBatch(reply.batch));
        return;
      case 'refused':
        reads.onWorker += 1;
        entry.reject(new StimaError(reply.code, reply.message, reply.context));
        return;
      case 'failed':
        options.logger.warn({ err: reply.message }, 'parse worker failed on a body; reading it here');
        settleHere(entry);
    }
  };

  const start = (): Worker => {
    const entry = workerEntry(options.workerLimits ?? WORKER_LIMITS);
    const started = new Worker(entry.script, entry.options);
    started.on('message', onReply);
    started.on('error', (error) => options.logger.error({ err: error }, 'parse worker crashed'));
    started.on('exit', () => {
      if (worker === started) {
        // It ended on its own (crashed, out of memory): give it a pause rather than a restart per request.
        worker = undefined;
        restartAfter = Date.now() + RESTART_PAUSE_MS;
      }
      // Whatever it had not answered is read here; nothing is lost with the worker.
      for (const [id, entry] of pending) {
        if (entry.worker !== started) continue;
        take(id);
        settleHere(entry);
      }
    });
    started.unref();
    return started;
  };

  return {
    reads,
    async parse(bytes, contentType, maxEvents, receivedAtMs) {
      const body: BodyToRead = { bytes, contentType, maxEvents, receivedAtMs };
      const workerResting = worker === undefined && Date.now() < restartAfter;
      if (
        bytes.length < options.workerMinBytes ||
        workerResting ||
        waitingBytes() + bytes.length > maxPendingBytes
      ) {
        return readHere(body);
      }
      worker ??= start();
      const reader = worker;
      const id = nextId++;
      // A copy of exactly the body, whose buffer moves to the worker; `bytes` stays here for a fallback.
      const copy = new Uint8Array(bytes);
      const request: ParseRequest = { id, bytes: copy, contentType, maxEvents, receivedAtMs };
      return new Promise((resolve, reject) => {
        pending.set(id, { worker: reader, body, resolve, reject });
        reader.postMessage(request, [copy.buffer]);
      });
    },
    async close() {
      const running = worker;
      worker = undefined;
      if (running !== undefined) await running.terminate();
    },
  };
}

/**
 * How to start the worker: in production the bundle's sibling module; when running from the TypeScript
 * sources (tsx, tests) a small script that registers tsx's loader in the new thread first, since loader
 * flags given to a worker do not reach its entry module.
 */
function workerEntry(resourceLimits: ResourceLimits): { script: string | URL; options: WorkerOptions } {
  const limits = { resourceLimits };
  if (!import.meta.url.endsWith('.ts')) {
    return { script: new URL('./parse-worker.mjs', import.meta.url), options: limits };
  }
  // Resolved from the working directory, the repository root wherever the sources run.
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  const script = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return { script, options: { ...limits, eval: true } };
}
