import { StimaError } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { readLimitedBody } from './read-limited-body';

function streamOf(
  chunks: number,
  chunkBytes: number,
): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
    },
  });
  return { stream, pulled: () => pulled };
}

function request(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request('http://collector.test/', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
}

describe('readLimitedBody', () => {
  it('returns the text of a body within the limit', async () => {
    expect(await readLimitedBody(request('héllo'), 100)).toBe('héllo');
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const { stream, pulled } = streamOf(10, 10);
    await expect(readLimitedBody(request(stream, { 'content-length': '1000' }), 50)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it('stops reading an endless stream as soon as it passes the limit', async () => {
    const { stream, pulled } = streamOf(1_000_000, 1024);
    const error = await readLimitedBody(request(stream), 10 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StimaError);
    expect((error as StimaError).context.reason).toBe('payload_too_large');
    expect(pulled()).toBeLessThan(20);
  });
});
