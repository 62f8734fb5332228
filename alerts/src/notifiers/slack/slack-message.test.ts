import { describe, expect, it } from 'vitest';
import { buildSlackMessage, escapeSlackText } from './slack-message';

const base = {
  key: 'inc-9-resolved-slack-oncall',
  incidentId: 'inc-9',
  purpose: 'resolved' as const,
  channel: 'slack' as const,
  to: 'oncall',
  recipient: 'on-call team',
  subject: 'TokenIssuanceStalled',
  text: 'Tokens <flowing> again & backlog cleared',
};

describe('buildSlackMessage', () => {
  it('escapes mrkdwn control characters in user text', () => {
    expect(escapeSlackText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(buildSlackMessage(base).text).toBe(
      ':white_check_mark: Resolved: TokenIssuanceStalled\nTokens &lt;flowing&gt; again &amp; backlog cleared',
    );
  });

  it('adds an acknowledge link only when there is one', () => {
    expect(JSON.stringify(buildSlackMessage(base))).not.toContain('Acknowledge');
    const withAck = buildSlackMessage({
      ...base,
      purpose: 'page',
      ackUrl: 'https://sw.example/ack/inc-9?sig=1',
    });
    expect(withAck.blocks[1]).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: '<https://sw.example/ack/inc-9?sig=1|Acknowledge> · incident inc-9 · for on-call team',
        },
      ],
    });
  });
});
