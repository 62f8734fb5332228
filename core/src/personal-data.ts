import { createHash } from 'node:crypto';

/** Keeps the country prefix and the last three digits, as Daraja C2B v2 masks MSISDNs (2547 ***** 126). */
export function maskPhoneNumber(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '***';
  return `${digits.slice(0, 4)} ***** ${digits.slice(-3)}`;
}

/** Meter numbers appear masked everywhere outside the database: only the last four digits stay. */
export function maskMeterNumber(meter: string): string {
  const digits = meter.replace(/\D/g, '');
  if (digits.length <= 4) return '****';
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** A keyed one-way hash for correlating personal identifiers without storing them. */
export function hashIdentifier(value: string, salt: string): string {
  return createHash('sha256').update(salt).update('\0').update(value).digest('hex').slice(0, 32);
}

const PHONE_PATTERN = /(?:\+?254|\b0)[17]\d{8}\b/g;
const METER_PATTERN = /\b\d{11}\b|\b\d{4}[ -]\d{3}[ -]\d{4}\b|\b\d{13}\b/g;

/** Masks phone and meter numbers inside free text (posts, pasted M-Pesa messages) before storage. */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(PHONE_PATTERN, (match) => maskPhoneNumber(match))
    .replace(METER_PATTERN, (m) => maskMeterNumber(m));
}
