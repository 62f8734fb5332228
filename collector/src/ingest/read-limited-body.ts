import type { IncomingMessage } from 'node:http';
import { StimaError } from '@stimawatch/core';

function tooLarge(maxBytes: number): StimaError {
  return new StimaError('PAYLOAD_TOO_LARGE', `request body exceeds ${maxBytes} bytes`, {
    reason: 'payload_too_large',
    maxBytes,
  });
}

/**
 * Reads a request body as UTF-8 text, refusing more than `maxBytes`: a declared Content-Length over the
 * limit is refused before reading, and reading stops as soon as the running total passes it, so a large
 * or endless body is never buffered. On Node's server the socket stream (`incoming`) is read directly,
 * which avoids building a web stream per request; elsewhere (tests, other runtimes) the web body is read.
 */
export async function readLimitedBody(
  request: Request,
  maxBytes: number,
  incoming?: IncomingMessage,
): Promise<string> {
  return (await readLimitedBytes(request, maxBytes, incoming)).toString('utf8');
}

/** `readLimitedBody` without the decoding: the body's bytes. */
export async function readLimitedBytes(
  request: Request,
  maxBytes: number,
  incoming?: IncomingMessage,
): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  return incoming !== undefined && !incoming.readableDidRead
    ? readIncoming(incoming, maxBytes)
    : readWebBody(request, maxBytes);
}

async function readWebBody(request: Request, maxBytes: number): Promise<Buffer> {
  const body = request.body;
  if (body === null) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {
        // The client is already being refused; a failed cancel changes nothing for it.
      });
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Reads Node's request stream; on overflow it stops listening and leaves the rest for the server to discard. */
function readIncoming(incoming: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        cleanup();
        incoming.pause();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new StimaError('VALIDATION', 'request body could not be read', {}, error));
    };
    const onClose = () => {
      if (incoming.readableEnded) return onEnd();
      onError(new Error('client closed the connection before the body ended'));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}
