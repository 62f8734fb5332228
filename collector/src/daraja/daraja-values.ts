/** East Africa Time is UTC+3 all year (no daylight saving); Daraja timestamps carry no zone. */
const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

/**
 * Converts a Daraja timestamp `YYYYMMDDHHmmss` (C2B `TransTime` string, STK `TransactionDate` number),
 * local to EAT, into epoch milliseconds; undefined when it is not a real date.
 */
export function parseDarajaTime(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March; a real Daraja time never does.
  if (new Date(utc).getUTCDate() !== day) return undefined;
  return utc - EAT_OFFSET_MS;
}

/** `"1000.00"` (shillings, as C2B sends TransAmount) or `1000` (STK Amount) → 100000 minor units. */
export function shillingsToMinor(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim().replaceAll(',', '');
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text);
  if (match === null) return undefined;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** Daraja sends ResultCode as `0`, `"0"` or `"C2B00011"`: one trimmed string form for comparisons. */
export function resultCodeText(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

export function isSuccessCode(code: string | undefined): boolean {
  return code === undefined || code === '0';
}
