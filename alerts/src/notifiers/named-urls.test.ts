import { describe, expect, it } from 'vitest';
import { namedUrlsSchema } from './named-urls';

describe('namedUrlsSchema', () => {
  it('parses name=url pairs, ignoring blanks around commas', () => {
    expect(
      namedUrlsSchema.parse(' oncall=https://hooks.slack.com/services/T/B/x , comms=http://127.0.0.1:9/y,'),
    ).toEqual({
      oncall: 'https://hooks.slack.com/services/T/B/x',
      comms: 'http://127.0.0.1:9/y',
    });
  });

  it.each([
    ['oncall', 'expected name=http(s)://url'],
    ['=https://x.example', 'expected name=http(s)://url'],
    ['a=ftp://x.example', 'expected name=http(s)://url'],
    ['a=https://x.example,a=https://y.example', 'appears twice'],
    [',', 'at least one'],
  ])('rejects %j', (value, message) => {
    const result = namedUrlsSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});
