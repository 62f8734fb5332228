import { toVendEvent, type VendEvent, vendEventInputSchema } from '@stimawatch/core';
import { fastVendEvent } from './fast-vend-event';

export type ValidationResult = { ok: true; event: VendEvent } | { ok: false; message: string };

/** Validates one value against the vend-event schema and normalises it; the message names the bad field. */
export function validateVendEvent(value: unknown, receivedAtMs: number): ValidationResult {
  const fast = fastVendEvent(value, receivedAtMs);
  if (fast !== undefined) return { ok: true, event: fast };
  const parsed = vendEventInputSchema.safeParse(value);
  if (parsed.success) return { ok: true, event: toVendEvent(parsed.data, receivedAtMs) };
  const issues = parsed.error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : 'event';
    return `${path}: ${issue.message}`;
  });
  const more = parsed.error.issues.length > 3 ? ` (+${parsed.error.issues.length - 3} more)` : '';
  return { ok: false, message: `${issues.join('; ')}${more}` };
}
