/** Fictitious phone numbers of the end-to-end on-call file. */
export const PHONES = {
  primary: '+254700000901',
  secondary: '+254700000902',
  tertiary: '+254700000903',
  comms: '+254700000904',
  manager: '+254700000905',
} as const;

/** One person per rotation and escalation steps of a few seconds, so the test sees each step. */
export const E2E_ONCALL_YAML = `
timezone: Africa/Nairobi
people:
  primary: { name: Primary Engineer, phone: "${PHONES.primary}", email: primary@example.org }
  secondary: { name: Secondary Engineer, phone: "${PHONES.secondary}", email: secondary@example.org }
  tertiary: { name: Engineering Lead, phone: "${PHONES.tertiary}", email: lead@example.org }
  comms: { name: Comms Officer, phone: "${PHONES.comms}", email: comms@example.org }
  manager: { name: Manager, phone: "${PHONES.manager}", email: manager@example.org }
rotations:
  engineering-primary: { handoff: { day: monday, time: "09:00" }, start: 2026-01-05, members: [primary] }
  engineering-secondary: { handoff: { day: monday, time: "09:00" }, start: 2026-01-05, members: [secondary] }
  comms: { handoff: { day: friday, time: "17:00" }, start: 2026-01-02, members: [comms] }
escalation_policies:
  engineering:
    levels:
      - { targets: [{ rotation: engineering-primary }], channels: [sms], delay_minutes: 0.15 }
      - { targets: [{ rotation: engineering-secondary }], channels: [sms], delay_minutes: 0.15 }
      - { targets: [{ person: tertiary }], channels: [sms], delay_minutes: 0.15 }
  comms:
    levels:
      - { targets: [{ rotation: comms }], channels: [sms], delay_minutes: 1 }
  management:
    levels:
      - { targets: [{ person: manager }], channels: [sms], delay_minutes: 1 }
teams:
  oncall: { escalation_policy: engineering }
  comms: { escalation_policy: comms }
  management: { escalation_policy: management }
`;
