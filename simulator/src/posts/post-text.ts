import { formatTransTime } from '../model/eat-time';
import { createIdentityMint, meterNumber } from '../model/purchase-identity';
import type { Random } from '../random/seeded-random';
import { KENYAN_PLACES } from './kenyan-places';

const AMOUNTS = [100, 200, 250, 300, 500, 1000, 1500, 2000] as const;
const MENTIONS = { '@KenyaPower_Care': 0.55, '@KenyaPower': 0.15, KPLC: 0.2, 'Kenya Power': 0.1 } as const;

/** Fills `{placeholder}`s of a template; one post's amount, time and meter agree wherever they appear. */
export function createTemplateFiller(random: Random) {
  const mint = createIdentityMint(random.fork('receipts'));

  return (template: string, nowMs: number, extra: Record<string, string> = {}): string => {
    const hours = random.int(1, 3);
    const paidAtMs = nowMs - random.int(5, 90) * 60_000;
    const amount = random.pick(AMOUNTS);
    const meter = meterNumber(random);
    const shownMeter = random.chance(0.3) ? `${meter.slice(0, 4)}*****${meter.slice(-2)}` : meter;
    const values: Record<string, () => string> = {
      kplc: () => random.weighted(MENTIONS),
      place: () => random.pick(KENYAN_PLACES),
      amount: () => String(amount),
      hours: () => String(hours),
      time: () => clockTime(paidAtMs),
      meter: () => shownMeter,
      mpesa: () => mpesaConfirmation(mint.mpesaReceipt(paidAtMs), amount, meter, paidAtMs, random),
      failed: () =>
        `Transaction failed, M-Pesa cannot complete payment of Ksh${amount.toLocaleString('en-US')}.00 to KPLC PREPAID. Organisation receiving the payment is unavailable, try again later.`,
      initials: () => random.chars('ABCDEFGHJKLMNOPRSTW', 2),
    };
    return template.replace(/\{(\w+)\}/g, (match, key: string) => extra[key] ?? values[key]?.() ?? match);
  };
}

/** "7:42 PM" in Nairobi time, as M-Pesa messages print it. */
function clockTime(ms: number): string {
  const stamp = formatTransTime(ms);
  const hour = Number(stamp.slice(8, 10));
  const minute = stamp.slice(10, 12);
  return `${hour % 12 === 0 ? 12 : hour % 12}:${minute} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** A pasted M-Pesa confirmation SMS (the meter number is a fake 11-digit number). */
function mpesaConfirmation(
  receipt: string,
  amount: number,
  meter: string,
  ms: number,
  random: Random,
): string {
  const stamp = formatTransTime(ms);
  const date = `${Number(stamp.slice(6, 8))}/${Number(stamp.slice(4, 6))}/${stamp.slice(2, 4)}`;
  const balance = random.int(50, 20_000).toLocaleString('en-US');
  return `${receipt} Confirmed. Ksh${amount.toLocaleString('en-US')}.00 sent to KPLC PREPAID for account ${meter} on ${date} at ${clockTime(ms)} New M-PESA balance is Ksh${balance}.00. Transaction cost, Ksh0.00.`;
}
