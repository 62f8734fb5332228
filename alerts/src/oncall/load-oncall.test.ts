import { describe, expect, it } from 'vitest';
import { loadOnCallFile, parseOnCallYaml } from './load-oncall';

const VALID = `timezone: Africa/Nairobi
people:
  amina: { name: Amina, phone: "+254700000101", email: amina@example.org }
  brian: { name: Brian, phone: "+254700000102" }
rotations:
  primary:
    handoff: { day: monday, time: "09:00" }
    start: 2026-01-05
    members: [amina, brian]
escalation_policies:
  engineering:
    levels:
      - targets: [{ rotation: primary }]
        channels: [sms, slack]
        delay_minutes: 5
      - targets: [{ person: brian }]
        channels: [sms]
        delay_minutes: 0.5
teams:
  oncall: { escalation_policy: engineering, slack: engineering }
  comms: { escalation_policy: engineering, slack: comms }
  management: { escalation_policy: engineering, slack: management }
`;

function problem(text: string): string {
  try {
    parseOnCallYaml(text, 'oncall.yml');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('on-call file', () => {
  it('parses rotations, policies (fractional minutes allowed) and teams', () => {
    const onCall = parseOnCallYaml(VALID, 'oncall.yml');
    expect(onCall.rotations.get('primary')).toMatchObject({ members: ['amina', 'brian'], handoffWeekday: 1 });
    expect(onCall.policies.get('engineering')?.levels.map((l) => l.delayMs)).toEqual([300_000, 30_000]);
    expect(onCall.teams.get('oncall')).toEqual({
      team: 'oncall',
      policyId: 'engineering',
      slack: 'engineering',
    });
  });

  it('accepts the example file shipped with the service', () => {
    const onCall = loadOnCallFile('alerts/oncall.example.yml');
    expect([...onCall.teams.keys()].sort()).toEqual(['comms', 'management', 'oncall']);
  });

  it('names file, line and field of an unknown person', () => {
    expect(problem(VALID.replace('members: [amina, brian]', 'members: [amina, zed]'))).toContain(
      'oncall.yml:9:22: rotations.primary.members[1]: unknown person "zed"',
    );
  });

  it('names file, line and field of an unknown rotation', () => {
    expect(problem(VALID.replace('{ rotation: primary }', '{ rotation: secondary }'))).toMatch(
      /oncall\.yml:13:\d+: escalation_policies\.engineering\.levels\[0\]\.targets\[0\]\.rotation: unknown rotation "secondary"/,
    );
  });

  it('points at broken YAML with its line', () => {
    expect(problem(VALID.replace('start: 2026-01-05', 'start: 2026-01-05\n\tmembers: [amina]'))).toMatch(
      /^invalid on-call file oncall\.yml:9:1: /,
    );
  });

  it('reports a bad value at its own line', () => {
    expect(problem(VALID.replace('time: "09:00"', 'time: "9am"'))).toMatch(
      /oncall\.yml:7:\d+: rotations\.primary\.handoff\.time: must be HH:MM/,
    );
    expect(problem(VALID.replace('timezone: Africa/Nairobi', 'timezone: Africa/Nowhere'))).toContain(
      'oncall.yml:1:11: timezone: is not a known IANA time zone',
    );
  });

  it('reports unknown fields (typos) instead of ignoring them', () => {
    const message = problem(VALID.replace('delay_minutes: 5', 'delay_minute: 5'));
    expect(message).toContain(
      'oncall.yml:15:9: escalation_policies.engineering.levels[0].delay_minute: unknown field',
    );
    expect(message).toContain(
      'oncall.yml:13:9: escalation_policies.engineering.levels[0].delay_minutes: is required',
    );
  });

  it('requires a Slack destination on a team whose policy pages by Slack', () => {
    expect(
      problem(
        VALID.replace(
          'comms: { escalation_policy: engineering, slack: comms }',
          'comms: { escalation_policy: engineering }',
        ),
      ),
    ).toContain('oncall.yml:21:10: teams.comms: policy "engineering" notifies by slack');
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadOnCallFile('/nonexistent/oncall.yml')).toThrow('/nonexistent/oncall.yml: cannot read');
  });
});
