import { VENDING_RATES } from './customer-errors';
import {
  type AttemptFacts,
  type ModelContext,
  type PaidAttempt,
  type PlannedStep,
  type StuckPayment,
  vendEventStep,
} from './planned-step';
import { sampleLatency } from './stage-latency';

const TOKEN_TIMEOUT_MS = 30_000;

/**
 * Plans what the vending platform does after a payment: meter lookup, token generation (STS via the HSM),
 * token SMS. Background errors are retried by the platform and then succeed; when the scenario's outage
 * fails the token, the attempt becomes a stuck payment for the backlog.
 */
export function planVending(
  ctx: ModelContext,
  paid: PaidAttempt,
): { steps: PlannedStep[]; stuck?: StuckPayment } {
  const { random } = ctx;
  const steps: PlannedStep[] = [];
  const counterChannel = paid.channel === 'bank' || paid.channel === 'agent';

  let lookupMs = sampleLatency(random, 'meterLookup');
  let at = paid.paidAtMs + lookupMs;
  if (random.chance(VENDING_RATES.blockedMeter)) {
    steps.push(
      vendEventStep(paid, 'meter_lookup', 'rejected', at, lookupMs, {
        domain: 'vending',
        rawCode: 'BlockedMeterEx',
      }),
    );
    return { steps };
  }
  if (counterChannel && random.chance(VENDING_RATES.unknownMeterCounter)) {
    steps.push(
      vendEventStep(paid, 'meter_lookup', 'rejected', at, lookupMs, {
        domain: 'vending',
        rawCode: 'UnknownMeterEx',
      }),
    );
    return { steps };
  }
  if (random.chance(VENDING_RATES.lookupDbUnavailable)) {
    steps.push(
      vendEventStep(paid, 'meter_lookup', 'failed', at, lookupMs, {
        domain: 'vending',
        rawCode: 'DB_UNAVAILABLE',
      }),
    );
    lookupMs = sampleLatency(random, 'meterLookup');
    at += sampleLatency(random, 'vendRetry') + lookupMs;
  }
  steps.push(vendEventStep(paid, 'meter_lookup', 'success', at, lookupMs));

  const effects = ctx.effectsAt(at);
  if (random.chance(effects.tokenFailureShare)) {
    if (random.chance(effects.tokenTimeoutShare)) {
      steps.push(
        vendEventStep(paid, 'token_generation', 'timeout', at + TOKEN_TIMEOUT_MS, TOKEN_TIMEOUT_MS, {
          domain: 'vending',
          rawCode: 'TIMEOUT',
        }),
      );
    } else {
      const failMs = sampleLatency(random, 'tokenGeneration');
      steps.push(
        vendEventStep(paid, 'token_generation', 'failed', at + failMs, failMs, {
          domain: 'vending',
          rawCode: 'HSM_UNAVAILABLE',
        }),
      );
    }
    const { attemptId, channel, amountMinor, meterNumber, paidAtMs } = paid;
    return { steps, stuck: { attemptId, channel, amountMinor, meterNumber, paidAtMs } };
  }

  at = planBackgroundTokenFailure(ctx, paid, at, steps);
  const tokenMs = sampleLatency(random, 'tokenGeneration');
  at += tokenMs;
  steps.push(vendEventStep(paid, 'token_generation', 'success', at, tokenMs));
  steps.push(...planSms(ctx, paid, at));
  return { steps };
}

/** A rare platform error before the token succeeds on retry; returns when the retry starts. */
function planBackgroundTokenFailure(
  ctx: ModelContext,
  paid: PaidAttempt,
  at: number,
  steps: PlannedStep[],
): number {
  const { random } = ctx;
  const roll = random.next();
  let failure: { outcome: 'failed' | 'timeout' | 'rejected'; rawCode: string; latencyMs: number } | undefined;
  if (roll < VENDING_RATES.tokenSystemError) {
    failure = { outcome: 'failed', rawCode: 'SystemEx', latencyMs: sampleLatency(random, 'tokenGeneration') };
  } else if (roll < VENDING_RATES.tokenSystemError + VENDING_RATES.tokenTimeout) {
    failure = { outcome: 'timeout', rawCode: 'TIMEOUT', latencyMs: TOKEN_TIMEOUT_MS };
  } else if (
    roll <
    VENDING_RATES.tokenSystemError + VENDING_RATES.tokenTimeout + VENDING_RATES.keyChangeRequired
  ) {
    // The meter needs a key change (KRN expired): the platform issues the key change tokens, then the credit.
    failure = {
      outcome: 'rejected',
      rawCode: 'LatestKRNEx',
      latencyMs: sampleLatency(random, 'tokenGeneration'),
    };
  }
  if (!failure) return at;
  const failedAt = at + failure.latencyMs;
  steps.push(
    vendEventStep(paid, 'token_generation', failure.outcome, failedAt, failure.latencyMs, {
      domain: 'vending',
      rawCode: failure.rawCode,
    }),
  );
  return failedAt + sampleLatency(random, 'vendRetry');
}

/** The token SMS, with a rare delivery failure followed by a successful resend. */
export function planSms(ctx: ModelContext, paid: AttemptFacts, tokenAt: number): PlannedStep[] {
  const { random } = ctx;
  let smsMs = sampleLatency(random, 'sms');
  let at = tokenAt + smsMs;
  const steps: PlannedStep[] = [];
  if (random.chance(VENDING_RATES.smsFailed)) {
    steps.push(
      vendEventStep(paid, 'token_delivery_sms', 'failed', at, smsMs, {
        domain: 'sms',
        rawCode: 'SMS_FAILED',
      }),
    );
    smsMs = sampleLatency(random, 'sms');
    at += sampleLatency(random, 'vendRetry') + smsMs;
  }
  steps.push(vendEventStep(paid, 'token_delivery_sms', 'success', at, smsMs));
  return steps;
}

/** A backlog payment finally vended: its token and SMS, starting at `atMs`. */
export function planBacklogToken(ctx: ModelContext, stuck: StuckPayment, atMs: number): PlannedStep[] {
  const tokenMs = sampleLatency(ctx.random, 'tokenGeneration');
  const tokenAt = atMs + tokenMs;
  return [
    vendEventStep(stuck, 'token_generation', 'success', tokenAt, tokenMs),
    ...planSms(ctx, stuck, tokenAt),
  ];
}
