/**
 * Pasted M-Pesa confirmation SMS ("RKL51ZDR4F Confirmed. Ksh500.00 sent to KPLC PREPAID for account … on
 * 12/5/24 at 7:02 PM New M-PESA balance is … Transaction cost, Ksh0.00."). Their English boilerplate would
 * skew language detection and the account number is a meter number, so the whole receipt becomes one marker
 * token: `mpesakplc` when it paid the utility, nothing otherwise.
 */
const FULL_RECEIPT_RE =
  /\b[a-z0-9]{10}\s+confirmed\.?[\s\S]{0,200}?\bat\s+\d{1,2}:\d{2}\s*[ap]\.?m\b\.?(?:\s*new m-?pesa balance is\s*ksh\s?[\d,]*(?:\.\d+)?\.?)?(?:\s*transaction cost,?\s*ksh\s?[\d,]*(?:\.\d+)?\.?)?(?:\s*amount you can transact within the day is\s*[\d,]*(?:\.\d+)?\.?)?/gi;

const SHORT_RECEIPT_RE =
  /\b[a-z0-9]{10}\s+confirmed\.?\s*ksh\s?[\d,]+(?:\.\d+)?\s+(?:sent|paid)\s+to\s+[a-z .]{2,40}?(?:\s+for account\s+\d+)?(?=\s|$)/gi;

const UTILITY_RE = /kplc|kenya power/i;

export const MPESA_KPLC_MARKER = 'mpesakplc';

function replaceReceipt(receipt: string): string {
  return UTILITY_RE.test(receipt) ? ` ${MPESA_KPLC_MARKER} ` : ' ';
}

/** Replaces pasted M-Pesa receipts with a marker; returns the text unchanged when there is none. */
export function replaceMpesaReceipts(text: string): string {
  if (!/confirmed/i.test(text)) return text;
  return text.replace(FULL_RECEIPT_RE, replaceReceipt).replace(SHORT_RECEIPT_RE, replaceReceipt);
}
