import { z } from 'zod';
import { NOTIFICATION_CHANNELS } from '../delivery/notification';
import { isValidTimeZone } from './zoned-time';

export const WEEKDAY_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** Ids appear in job ids and notification keys, so they stay short and free of ':'. */
const id = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be lower-case letters, digits, _ or - (max 40)');
const timeZone = z.string().refine(isValidTimeZone, 'is not a known IANA time zone (e.g. Africa/Nairobi)');
const instant = z.iso.datetime({ offset: true, error: 'must be an ISO date-time with offset' });

const personSchema = z.strictObject({
  name: z.string().min(1),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{7,14}$/, 'must be E.164, e.g. +254700000000')
    .optional(),
  email: z.email().optional(),
});

const rotationSchema = z.strictObject({
  timezone: timeZone.optional(),
  handoff: z.strictObject({
    day: z.enum(WEEKDAY_NAMES),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)'),
  }),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  members: z.array(id).min(1),
  overrides: z.array(z.strictObject({ person: id, start: instant, end: instant })).default([]),
});

const targetSchema = z.union([z.strictObject({ rotation: id }), z.strictObject({ person: id })], {
  error: 'must be { rotation: <id> } or { person: <id> }',
});

const levelSchema = z.strictObject({
  targets: z.array(targetSchema).min(1),
  delay_minutes: z.number().positive(),
  repeat: z.number().int().min(0).default(0),
  channels: z.array(z.enum(NOTIFICATION_CHANNELS)).min(1),
});

const teamSchema = z.strictObject({
  escalation_policy: id,
  slack: z.string().min(1).optional(),
  email: z.email().optional(),
  webhook: z.string().min(1).optional(),
});

export const onCallFileSchema = z.strictObject({
  timezone: timeZone.default('Africa/Nairobi'),
  people: z.record(id, personSchema),
  rotations: z.record(id, rotationSchema),
  escalation_policies: z.record(id, z.strictObject({ levels: z.array(levelSchema).min(1) })),
  teams: z
    .record(id, teamSchema)
    .refine((teams) => ['oncall', 'comms', 'management'].every((team) => team in teams), {
      error: 'must define the teams oncall, comms and management',
    }),
});
export type OnCallFile = z.infer<typeof onCallFileSchema>;
