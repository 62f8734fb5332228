import type { Channel } from '@stimawatch/core';
import {
  type C2bPayment,
  c2bBody,
  forwardedValidation,
  stkFailureCallback,
  stkSuccessCallback,
} from '../daraja/daraja-bodies';
import { CHANNEL_MIX } from './channel-mix';
import { C2B_VALIDATION_REJECTS, STK_FAILURES, type StkFailureCode } from './customer-errors';
import type {
  DarajaRoute,
  ModelContext,
  PaidAttempt,
  PlannedStep,
  PurchasePlan,
  StuckPayment,
} from './planned-step';
import { vendEventStep } from './planned-step';
import {
  firstName,
  maskedMsisdn,
  meterNumber,
  mistypedAccount,
  msisdn,
  purchaseAmountKes,
  typedAccount,
} from './purchase-identity';
import { sampleLatency, VALIDATION_DEADLINE_MS } from './stage-latency';
import { planVending } from './vending-plan';

/** Plans one purchase attempt that starts at `startMs`: every request it causes, with its time. */
export function planPurchase(ctx: ModelContext, startMs: number, channel?: Channel): PurchasePlan {
  const chosen = channel ?? ctx.random.weighted(CHANNEL_MIX);
  switch (chosen) {
    case 'mpesa_c2b':
      return planPaybill(ctx, startMs);
    case 'mpesa_stk':
    case 'ussd':
    case 'app':
      return planStk(ctx, startMs, chosen);
    default:
      return planOtherChannel(ctx, startMs, chosen);
  }
}

/** Paybill 888880: validation (our accept/reject) then, if accepted, M-Pesa's confirmation. */
function planPaybill(ctx: ModelContext, startMs: number): PurchasePlan {
  const { random, mint } = ctx;
  const meter = meterNumber(random);
  const attemptId = mint.mpesaReceipt(startMs);
  const payment: C2bPayment = {
    transId: attemptId,
    atMs: startMs,
    amountKes: purchaseAmountKes(random),
    account: typedAccount(random, meter),
    msisdnMasked: maskedMsisdn(msisdn(random)),
    firstName: firstName(random),
  };
  const facts = {
    attemptId,
    channel: 'mpesa_c2b' as const,
    amountMinor: payment.amountKes * 100,
    meterNumber: meter,
  };
  const plan: PurchasePlan = { attemptId, channel: 'mpesa_c2b', steps: [] };
  const effects = ctx.effectsAt(startMs);
  const roll = random.next();
  const validationMs = sampleLatency(random, 'validation');
  const answeredAt = startMs + validationMs;

  if (roll < effects.validationTimeoutShare) {
    // Daraja gave up waiting (ResponseType Cancelled): the platform reports the late answer; no payment.
    const lateMs = VALIDATION_DEADLINE_MS + random.int(0, 4_000);
    plan.steps.push(
      vendEventStep(facts, 'payment_validation', 'timeout', startMs + lateMs, lateMs, {
        domain: 'mpesa_c2b',
        rawCode: 'TIMEOUT',
      }),
    );
    return plan;
  }
  let rejectCode: 'C2B00012' | 'C2B00013' | 'C2B00016' | undefined;
  let rest = roll - effects.validationTimeoutShare;
  if (rest < effects.validationRejectShare) rejectCode = 'C2B00016';
  rest -= effects.validationRejectShare;
  if (!rejectCode && rest < C2B_VALIDATION_REJECTS.C2B00012.share) rejectCode = 'C2B00012';
  rest -= C2B_VALIDATION_REJECTS.C2B00012.share;
  if (!rejectCode && rest < C2B_VALIDATION_REJECTS.C2B00013.share) rejectCode = 'C2B00013';

  if (rejectCode === 'C2B00012') payment.account = mistypedAccount(random, meter);
  if (rejectCode === 'C2B00013') payment.amountKes = random.int(1, 9);
  plan.steps.push(
    darajaStep(answeredAt, attemptId, 'c2b/validation', forwardedValidation(payment, rejectCode ?? '0')),
  );
  if (rejectCode) return plan;

  const paidAtMs = answeredAt + sampleLatency(random, 'confirmationDelay');
  const balance = random.int(2_000_000, 40_000_000);
  plan.steps.push(darajaStep(paidAtMs, attemptId, 'c2b/confirmation', c2bBody(payment, balance)));
  return withVending(plan, { ...facts, paidAtMs });
}

/** M-Pesa Express: the push (payment_initiated), then the customer's PIN or a failure ResultCode. */
function planStk(ctx: ModelContext, startMs: number, channel: 'mpesa_stk' | 'ussd' | 'app'): PurchasePlan {
  const { random, mint } = ctx;
  const meter = meterNumber(random);
  const amountKes = purchaseAmountKes(random);
  const push = {
    checkoutRequestId: mint.checkoutRequestId(startMs),
    merchantRequestId: mint.merchantRequestId(),
  };
  const attemptId = push.checkoutRequestId;
  const facts = { attemptId, channel, amountMinor: amountKes * 100, meterNumber: meter };
  const plan: PurchasePlan = { attemptId, channel, steps: [] };

  const pushMs = sampleLatency(random, 'stkPush');
  const pushedAt = startMs + pushMs;
  plan.steps.push(vendEventStep(facts, 'payment_initiated', 'success', pushedAt, pushMs));

  const failure = drawStkFailure(ctx);
  if (failure) {
    const { desc, delayMs } = STK_FAILURES[failure];
    const waitMs = random.int(delayMs[0], delayMs[1]);
    const at = pushedAt + waitMs;
    plan.steps.push(
      channel === 'mpesa_stk'
        ? darajaStep(at, attemptId, 'stk/callback', stkFailureCallback(push, Number(failure), desc))
        : vendEventStep(facts, 'payment_received', stkOutcome(failure), at, waitMs, {
            domain: 'mpesa_stk',
            rawCode: failure,
          }),
    );
    return plan;
  }
  const waitMs = sampleLatency(random, 'stkPin');
  const paidAtMs = pushedAt + waitMs;
  plan.steps.push(
    channel === 'mpesa_stk'
      ? darajaStep(
          paidAtMs,
          attemptId,
          'stk/callback',
          stkSuccessCallback(push, {
            amountKes,
            receipt: mint.mpesaReceipt(paidAtMs),
            atMs: paidAtMs,
            phone: msisdn(random),
          }),
        )
      : vendEventStep(facts, 'payment_received', 'success', paidAtMs, waitMs),
  );
  return withVending(plan, { ...facts, paidAtMs });
}

/** Airtel Money, banks and agents: the vending platform reports the payment itself. */
function planOtherChannel(ctx: ModelContext, startMs: number, channel: Channel): PurchasePlan {
  const { random, mint } = ctx;
  const prefix = channel === 'airtel_money' ? 'AM' : channel === 'bank' ? 'FT' : 'AG';
  const attemptId = mint.channelReference(prefix);
  const facts = {
    attemptId,
    channel,
    amountMinor: purchaseAmountKes(random) * 100,
    meterNumber: meterNumber(random),
  };
  const waitMs = sampleLatency(random, 'otherPayment');
  const paidAtMs = startMs + waitMs;
  const plan: PurchasePlan = {
    attemptId,
    channel,
    steps: [vendEventStep(facts, 'payment_received', 'success', paidAtMs, waitMs)],
  };
  return withVending(plan, { ...facts, paidAtMs });
}

/** Hands the paid attempt to the vending platform; what happens there is planned when the payment lands. */
function withVending(plan: PurchasePlan, paid: PaidAttempt): PurchasePlan {
  plan.steps.push({ kind: 'vending', at: paid.paidAtMs, attemptId: paid.attemptId, paid });
  return plan;
}

/** Plans the vending steps of a plan at once (for tests and fixtures: the generator expands them when due). */
export function resolvePlan(
  ctx: ModelContext,
  plan: PurchasePlan,
): { steps: PlannedStep[]; stuck?: StuckPayment } {
  const steps: PlannedStep[] = [];
  let stuck: StuckPayment | undefined;
  for (const step of plan.steps) {
    if (step.kind !== 'vending') {
      steps.push(step);
      continue;
    }
    const vending = planVending(ctx, step.paid);
    steps.push(...vending.steps);
    stuck = vending.stuck;
  }
  return stuck ? { steps, stuck } : { steps };
}

function drawStkFailure(ctx: ModelContext): StkFailureCode | undefined {
  let roll = ctx.random.next();
  for (const [code, { share }] of Object.entries(STK_FAILURES) as [StkFailureCode, { share: number }][]) {
    if (roll < share) return code;
    roll -= share;
  }
  return undefined;
}

/** How a failed STK ResultCode reads as a stage outcome. */
export function stkOutcome(code: StkFailureCode): 'rejected' | 'failed' | 'timeout' {
  if (code === '1037' || code === '1036') return 'timeout';
  if (code === '26') return 'failed';
  return 'rejected';
}

function darajaStep(
  at: number,
  attemptId: string,
  route: DarajaRoute,
  body: Extract<PlannedStep, { kind: 'daraja' }>['body'],
): PlannedStep {
  return { kind: 'daraja', at, attemptId, route, body };
}
