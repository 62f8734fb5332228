import type { Random } from '../random/seeded-random';

/** Milliseconds each stage takes (or the pause before it), from typical Daraja and STS vending timings. */
export const LATENCY_RANGES_MS = {
  /** Our answer to a C2B validation request; Daraja's deadline is ~8 s. */
  validation: [200, 800],
  /** From the validation answer to M-Pesa's confirmation (customer's transaction completes). */
  confirmationDelay: [800, 3_000],
  /** Sending an STK push (payment_initiated). */
  stkPush: [300, 1_500],
  /** From the push to the customer entering the PIN. */
  stkPin: [8_000, 25_000],
  /** Other channels: from the customer's action to the platform seeing the payment. */
  otherPayment: [1_000, 6_000],
  meterLookup: [50, 300],
  tokenGeneration: [1_000, 3_000],
  sms: [2_000, 10_000],
  /** The platform retries a failed vend after this pause. */
  vendRetry: [20_000, 90_000],
} as const satisfies Record<string, readonly [number, number]>;
export type LatencyStage = keyof typeof LATENCY_RANGES_MS;

/** Daraja stops waiting for the validation answer after this long. */
export const VALIDATION_DEADLINE_MS = 8_000;

/** A draw skewed toward the low end (a triangular distribution with its mode at the first quarter). */
export function sampleLatency(random: Random, stage: LatencyStage): number {
  const [min, max] = LATENCY_RANGES_MS[stage];
  const mode = min + (max - min) * 0.25;
  const u = random.next();
  const cut = (mode - min) / (max - min);
  const value =
    u < cut
      ? min + Math.sqrt(u * (max - min) * (mode - min))
      : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  return Math.round(value);
}
