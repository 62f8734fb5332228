/** East Africa Time is UTC+3 all year (no daylight saving), so conversions are a fixed offset. */
export const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

export interface EatParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday, in Nairobi. */
  dayOfWeek: number;
}

export function eatParts(ms: number): EatParts {
  const local = new Date(ms + EAT_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    dayOfWeek: local.getUTCDay(),
  };
}

/** Hours since EAT midnight, fractional (07:30 EAT → 7.5). */
export function eatHourOfDay(ms: number): number {
  const parts = eatParts(ms);
  return parts.hour + parts.minute / 60 + parts.second / 3600;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Daraja `TransTime`: `YYYYMMDDHHmmss` in EAT, no zone. */
export function formatTransTime(ms: number): string {
  const p = eatParts(ms);
  return `${p.year}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** The EAT instant `YYYY-MM-DD HH:mm` as epoch milliseconds (for tests and fixtures). */
export function eatInstant(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - EAT_OFFSET_MS;
}
