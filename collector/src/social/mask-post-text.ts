import { maskPersonalNumbers, maskPhoneNumber } from '@stimawatch/core';

/** Kenyan mobile numbers written with spaces or dashes: +254 722 000 111, 0722-000-111, 254 722000111. */
const SPACED_PHONE = /(?:\+?254|\b0)[\s-]?[17]\d{2}[\s-]?\d{3}[\s-]?\d{3}\b/g;

/**
 * Masks phone and meter numbers in a post before it is stored: core's `maskPersonalNumbers` plus the
 * spaced phone formats people type in posts.
 */
export function maskPostText(text: string): string {
  return maskPersonalNumbers(text.replace(SPACED_PHONE, (match) => maskPhoneNumber(match)));
}
