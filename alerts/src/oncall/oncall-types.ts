import type { NotificationChannel } from '../delivery/notification';

export interface Person {
  id: string;
  name: string;
  /** E.164; used for SMS pages and to recognise "ACK 123" replies. */
  phone?: string;
  email?: string;
}

export interface RotationOverride {
  personId: string;
  start: Date;
  end: Date;
}

/** A weekly rotation: members take turns, handing off on `handoffWeekday` at `handoffMinute` local time. */
export interface Rotation {
  id: string;
  timeZone: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  handoffWeekday: number;
  /** Minutes after local midnight. */
  handoffMinute: number;
  /** Day number (days since 1970-01-01) of the rotation's start date; the first member starts at its first handoff. */
  startDay: number;
  members: readonly string[];
  overrides: readonly RotationOverride[];
}

export type EscalationTarget = { kind: 'rotation'; id: string } | { kind: 'person'; id: string };

export interface EscalationLevel {
  targets: readonly EscalationTarget[];
  /** Wait after notifying this level (and after each repeat) before the next step. */
  delayMs: number;
  /** How many more times this level is notified before moving to the next one. */
  repeat: number;
  channels: readonly NotificationChannel[];
}

export interface EscalationPolicy {
  id: string;
  levels: readonly EscalationLevel[];
}

/** Where an alert `team` label goes: its escalation policy and the team's shared channels. */
export interface TeamRoute {
  team: string;
  policyId: string;
  slack?: string;
  email?: string;
  webhook?: string;
}

export interface OnCallConfig {
  people: ReadonlyMap<string, Person>;
  rotations: ReadonlyMap<string, Rotation>;
  policies: ReadonlyMap<string, EscalationPolicy>;
  teams: ReadonlyMap<string, TeamRoute>;
}
