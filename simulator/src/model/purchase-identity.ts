import { maskPhoneNumber } from '@stimawatch/core';
import type { Random } from '../random/seeded-random';
import { eatParts } from './eat-time';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DAY_CHARS = '123456789ABCDEFGHIJKLMNOPQRSTUV';

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Scrambles a counter into `digits` characters of `alphabet`, bijectively for the first alphabet^digits values
 * (multiplying by a number coprime with the modulus is a permutation): ids look random but never repeat.
 */
function scrambledCounter(counter: number, alphabet: string, digits: number, salt: number): string {
  const modulus = alphabet.length ** digits;
  let multiplier = 2_654_435_761 % modulus;
  while (gcd(multiplier, modulus) !== 1) multiplier += 1;
  let value = Number((BigInt(counter + salt) * BigInt(multiplier)) % BigInt(modulus));
  let out = '';
  for (let i = 0; i < digits; i++) {
    out = alphabet.charAt(value % alphabet.length) + out;
    value = Math.floor(value / alphabet.length);
  }
  return out;
}

/** Mints identifiers that look like the real ones and are unique within one generator. */
export interface IdentityMint {
  /** M-Pesa receipt (`TransID`), e.g. `SF41K7QX2B`: year letter, month letter, day char, 7 characters. */
  mpesaReceipt(ms: number): string;
  /** STK `CheckoutRequestID`, e.g. `ws_CO_04062024193012345678`. */
  checkoutRequestId(ms: number): string;
  /** STK `MerchantRequestID`, e.g. `29115-34620561-1`. */
  merchantRequestId(): string;
  /** A reference for non-M-Pesa channels (Airtel, bank, agent). */
  channelReference(prefix: string): string;
}

export function createIdentityMint(random: Random): IdentityMint {
  let counter = 0;
  const salt = random.int(0, 1_000_000);
  return {
    mpesaReceipt: (ms) => {
      const p = eatParts(ms);
      const year = String.fromCharCode(65 + ((p.year - 2006) % 26));
      const month = String.fromCharCode(64 + p.month);
      return `${year}${month}${DAY_CHARS.charAt(p.day - 1)}${scrambledCounter(counter++, ALNUM, 7, salt)}`;
    },
    checkoutRequestId: (ms) => {
      const p = eatParts(ms);
      const pad = (v: number) => String(v).padStart(2, '0');
      const stamp = `${pad(p.day)}${pad(p.month)}${p.year}${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
      return `ws_CO_${stamp}${scrambledCounter(counter++, '0123456789', 6, salt)}`;
    },
    merchantRequestId: () => `${random.int(10_000, 99_999)}-${random.int(10_000_000, 99_999_999)}-1`,
    channelReference: (prefix) => `${prefix}${scrambledCounter(counter++, ALNUM, 10, salt)}`,
  };
}

const METER_PREFIXES = ['14', '37', '54'] as const;

/** An 11-digit prepaid meter number (KPLC STS meters: 11 digits, e.g. 14252321790). */
export function meterNumber(random: Random): string {
  return `${random.pick(METER_PREFIXES)}${random.chars('0123456789', 9)}`;
}

/** The account as the customer types it on the paybill: mostly clean, sometimes grouped with spaces. */
export function typedAccount(random: Random, meter: string): string {
  if (random.chance(0.03)) return `${meter.slice(0, 4)} ${meter.slice(4, 7)} ${meter.slice(7)}`;
  return meter;
}

/** A mistyped meter number (what C2B00012 rejects): a digit dropped or swapped for another. */
export function mistypedAccount(random: Random, meter: string): string {
  if (random.chance(0.5)) return meter.slice(0, 10);
  const index = random.int(2, 10);
  return `${meter.slice(0, index)}${random.chars('0123456789', 1)}${meter.slice(index)}`;
}

/** KES amounts people buy tokens for; round numbers dominate. */
const AMOUNT_WEIGHTS = {
  '50': 0.06,
  '100': 0.2,
  '150': 0.04,
  '200': 0.19,
  '250': 0.05,
  '300': 0.08,
  '500': 0.19,
  '1000': 0.12,
  '1500': 0.02,
  '2000': 0.02,
  '3000': 0.006,
  '5000': 0.004,
  odd: 0.03,
} as const;

export function purchaseAmountKes(random: Random): number {
  const choice = random.weighted(AMOUNT_WEIGHTS);
  return choice === 'odd' ? random.int(30, 2_500) : Number(choice);
}

/** A Safaricom-style MSISDN (2547XXXXXXXX / 2541XXXXXXXX). */
export function msisdn(random: Random): string {
  return `254${random.pick(['7', '7', '7', '1'])}${random.chars('0123456789', 8)}`;
}

/** As C2B v2 sends it: `2547 ***** 126`. */
export function maskedMsisdn(phone: string): string {
  return maskPhoneNumber(phone);
}

const FIRST_NAMES = [
  'JOHN',
  'MARY',
  'PETER',
  'GRACE',
  'JAMES',
  'FAITH',
  'DAVID',
  'MERCY',
  'JOSEPH',
  'ESTHER',
  'BRIAN',
  'CAROLINE',
  'KEVIN',
  'WANJIRU',
  'OTIENO',
  'AKINYI',
  'KIPCHUMBA',
  'CHEPKOECH',
  'MUTUA',
  'NJERI',
  'OMONDI',
  'WAMBUI',
  'KAMAU',
  'ACHIENG',
  'HASSAN',
  'AMINA',
] as const;

export function firstName(random: Random): string {
  return random.pick(FIRST_NAMES);
}
