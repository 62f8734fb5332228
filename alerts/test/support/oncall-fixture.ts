import { parseOnCallYaml } from '../../src/oncall/load-oncall';
import type { OnCallConfig } from '../../src/oncall/oncall-types';

/**
 * A small on-call setup for tests: primary amina, secondary brian (all week), comms wanjiku, management zawadi.
 * Level 0 waits `delayMinutes` (fractions allowed: 0.02 min = 1.2 s) before the secondary is paged.
 */
export function testOnCall(delayMinutes = 5): OnCallConfig {
  return parseOnCallYaml(
    `timezone: Africa/Nairobi
people:
  amina: { name: Amina, phone: "+254700000101", email: amina@example.org }
  brian: { name: Brian, phone: "+254700000102", email: brian@example.org }
  wanjiku: { name: Wanjiku, phone: "+254700000201" }
  zawadi: { name: Zawadi, phone: "+254700000301", email: zawadi@example.org }
rotations:
  primary: { handoff: { day: monday, time: "09:00" }, start: 2026-01-05, members: [amina] }
  secondary: { handoff: { day: monday, time: "09:00" }, start: 2026-01-05, members: [brian] }
  comms: { handoff: { day: friday, time: "17:00" }, start: 2026-01-02, members: [wanjiku] }
escalation_policies:
  engineering:
    levels:
      - { targets: [{ rotation: primary }], channels: [sms, slack], delay_minutes: ${delayMinutes} }
      - { targets: [{ rotation: secondary }], channels: [sms], delay_minutes: ${delayMinutes} }
  comms:
    levels:
      - { targets: [{ rotation: comms }], channels: [sms], delay_minutes: 10 }
  management:
    levels:
      - { targets: [{ person: zawadi }], channels: [sms], delay_minutes: 30 }
teams:
  oncall: { escalation_policy: engineering, slack: engineering, email: oncall@example.org }
  comms: { escalation_policy: comms, slack: comms }
  management: { escalation_policy: management }
`,
    'test-oncall.yml',
  );
}
