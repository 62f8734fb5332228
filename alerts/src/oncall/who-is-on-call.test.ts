import { describe, expect, it } from 'vitest';
import type { Rotation } from './oncall-types';
import { whoIsOnCall } from './who-is-on-call';
import { dayNumber } from './zoned-time';

// 2026-01-05 is a Monday; handoff Mondays 09:00 Nairobi (UTC+3, no DST) = 06:00Z.
const weekly: Rotation = {
  id: 'primary',
  timeZone: 'Africa/Nairobi',
  handoffWeekday: 1,
  handoffMinute: 9 * 60,
  startDay: dayNumber(2026, 1, 5),
  members: ['amina', 'brian', 'chebet'],
  overrides: [],
};

const at = (iso: string) => new Date(iso);

describe('whoIsOnCall', () => {
  it('hands the pager to the next member every week, in order, wrapping around', () => {
    expect(whoIsOnCall(weekly, at('2026-01-05T10:00:00+03:00')).personId).toBe('amina');
    expect(whoIsOnCall(weekly, at('2026-01-12T10:00:00+03:00')).personId).toBe('brian');
    expect(whoIsOnCall(weekly, at('2026-01-19T10:00:00+03:00')).personId).toBe('chebet');
    expect(whoIsOnCall(weekly, at('2026-01-26T10:00:00+03:00')).personId).toBe('amina');
  });

  it('gives the handoff instant to the incoming member and the instant before to the outgoing one', () => {
    expect(whoIsOnCall(weekly, at('2026-01-12T05:59:59.999Z')).personId).toBe('amina');
    const incoming = whoIsOnCall(weekly, at('2026-01-12T06:00:00.000Z'));
    expect(incoming.personId).toBe('brian');
    expect(incoming.since.toISOString()).toBe('2026-01-12T06:00:00.000Z');
    expect(incoming.until.toISOString()).toBe('2026-01-19T06:00:00.000Z');
  });

  it('keeps the rotation going backwards before the start date', () => {
    expect(whoIsOnCall(weekly, at('2026-01-04T12:00:00+03:00')).personId).toBe('chebet');
  });

  it('lets an override win for its window only (start inclusive, end exclusive)', () => {
    const rotation: Rotation = {
      ...weekly,
      overrides: [
        { personId: 'chebet', start: at('2026-01-07T18:00:00+03:00'), end: at('2026-01-08T09:00:00+03:00') },
      ],
    };
    expect(whoIsOnCall(rotation, at('2026-01-07T17:59:00+03:00'))).toMatchObject({
      personId: 'amina',
      source: 'rotation',
    });
    expect(whoIsOnCall(rotation, at('2026-01-07T17:59:00+03:00')).until.toISOString()).toBe(
      '2026-01-07T15:00:00.000Z',
    );
    expect(whoIsOnCall(rotation, at('2026-01-07T18:00:00+03:00'))).toMatchObject({
      personId: 'chebet',
      source: 'override',
    });
    expect(whoIsOnCall(rotation, at('2026-01-08T09:00:00+03:00'))).toMatchObject({
      personId: 'amina',
      source: 'rotation',
    });
  });

  it('uses the last listed override when two overlap', () => {
    const rotation: Rotation = {
      ...weekly,
      overrides: [
        { personId: 'brian', start: at('2026-01-06T00:00:00Z'), end: at('2026-01-07T00:00:00Z') },
        { personId: 'chebet', start: at('2026-01-06T12:00:00Z'), end: at('2026-01-06T13:00:00Z') },
      ],
    };
    expect(whoIsOnCall(rotation, at('2026-01-06T12:30:00Z')).personId).toBe('chebet');
    expect(whoIsOnCall(rotation, at('2026-01-06T14:00:00Z')).personId).toBe('brian');
  });

  it('hands off at local wall-clock time across a daylight-saving change', () => {
    // Europe/London moves to BST on Sunday 2026-03-29; a Monday 09:00 handoff is 09:00Z before, 08:00Z after.
    const london: Rotation = { ...weekly, timeZone: 'Europe/London', startDay: dayNumber(2026, 3, 23) };
    expect(whoIsOnCall(london, at('2026-03-23T09:00:00Z')).personId).toBe('amina');
    expect(whoIsOnCall(london, at('2026-03-30T07:59:59Z')).personId).toBe('amina');
    const after = whoIsOnCall(london, at('2026-03-30T08:00:00Z'));
    expect(after.personId).toBe('brian');
    expect(after.since.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('starts with the first handoff on or after a start date that is not a handoff day', () => {
    const fromWednesday: Rotation = { ...weekly, startDay: dayNumber(2026, 1, 7) }; // first handoff Mon 12 Jan
    expect(whoIsOnCall(fromWednesday, at('2026-01-12T10:00:00+03:00')).personId).toBe('amina');
    expect(whoIsOnCall(fromWednesday, at('2026-01-19T10:00:00+03:00')).personId).toBe('brian');
  });
});
