import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse-parser';

describe('server-sent events parser', () => {
  it('assembles events split across chunks, with multi-line data and CRLF', () => {
    const parse = createSseParser();
    expect(parse(': comment\n\nevent: snap')).toEqual([]);
    expect(parse('shot\r\nid: 7\r\ndata: {"a":1,\r\ndata: "b":2}\r\n\r\ndata: plain\n')).toEqual([
      { event: 'snapshot', data: '{"a":1,\n"b":2}', id: '7' },
    ]);
    expect(parse('\n')).toEqual([{ event: 'message', data: 'plain', id: '7' }]);
  });
});
