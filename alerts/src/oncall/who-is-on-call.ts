import type { OnCallConfig, Rotation } from './oncall-types';
import { dayNumber, weekdayOfDay, zonedDayTimeToInstant, zonedParts } from './zoned-time';

export interface OnCallShift {
  rotationId: string;
  personId: string;
  source: 'rotation' | 'override';
  since: Date;
  until: Date;
}

/**
 * Who carries the rotation's pager at `at`. An override covering `at` wins (the last listed, when several do);
 * otherwise members take turns weekly from the first handoff on or after the start date. The handoff instant
 * itself belongs to the incoming member.
 */
export function whoIsOnCall(rotation: Rotation, at: Date): OnCallShift {
  const t = at.getTime();
  const override = rotation.overrides.findLast((o) => o.start.getTime() <= t && t < o.end.getTime());
  if (override !== undefined) {
    return {
      rotationId: rotation.id,
      personId: override.personId,
      source: 'override',
      since: override.start,
      until: override.end,
    };
  }
  const local = zonedParts(at, rotation.timeZone);
  const today = dayNumber(local.year, local.month, local.day);
  let daysSinceHandoff = (local.weekday - rotation.handoffWeekday + 7) % 7;
  if (daysSinceHandoff === 0 && local.hour * 60 + local.minute < rotation.handoffMinute) daysSinceHandoff = 7;
  const handoffDay = today - daysSinceHandoff;
  const firstHandoffDay =
    rotation.startDay + ((rotation.handoffWeekday - weekdayOfDay(rotation.startDay) + 7) % 7);
  const weeks = Math.round((handoffDay - firstHandoffDay) / 7);
  const count = rotation.members.length;
  const personId = rotation.members[((weeks % count) + count) % count] ?? '';
  const since = zonedDayTimeToInstant(handoffDay, rotation.handoffMinute, rotation.timeZone);
  const shiftEnd = zonedDayTimeToInstant(handoffDay + 7, rotation.handoffMinute, rotation.timeZone).getTime();
  const nextOverride = Math.min(
    ...rotation.overrides.map((o) => o.start.getTime()).filter((start) => start > t),
    Number.POSITIVE_INFINITY,
  );
  return {
    rotationId: rotation.id,
    personId,
    source: 'rotation',
    since,
    until: new Date(Math.min(shiftEnd, nextOverride)),
  };
}

/** The current shift of every rotation, in file order. */
export function onCallNow(onCall: OnCallConfig, at: Date): OnCallShift[] {
  return [...onCall.rotations.values()].map((rotation) => whoIsOnCall(rotation, at));
}
