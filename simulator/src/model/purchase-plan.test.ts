import { CHANNELS, type Channel, normaliseErrorCode, STAGES, vendEventInputSchema } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { c2bCallbackSchema, forwardedValidationSchema, stkCallbackSchema } from '../daraja/daraja-schemas';
import { CHANNEL_MIX } from './channel-mix';
import { eatInstant } from './eat-time';
import type { PlannedStep, PurchasePlan, StuckPayment } from './planned-step';
import { planPurchase, resolvePlan } from './purchase-plan';
import { testContext } from './test-context';

const NOON = eatInstant(2024, 6, 4, 12);

type ResolvedPlan = PurchasePlan & { stuck?: StuckPayment };

function plans(count: number, seed: number, channel?: Channel, effects = {}): ResolvedPlan[] {
  const ctx = testContext(seed, effects);
  return Array.from({ length: count }, (_, i) => {
    const plan = planPurchase(ctx, NOON + i * 100, channel);
    return { ...plan, ...resolvePlan(ctx, plan) };
  });
}

function validateStep(step: PlannedStep): void {
  if (step.kind === 'vending') throw new Error('plans must be resolved');
  if (step.kind === 'vend_event') {
    vendEventInputSchema.parse(step.event);
    return;
  }
  if (step.route === 'c2b/validation') forwardedValidationSchema.parse(step.body);
  else if (step.route === 'c2b/confirmation') c2bCallbackSchema.parse(step.body);
  else stkCallbackSchema.parse(step.body);
}

/** The stage a step reports, as the collector will read it. */
function stageOf(step: PlannedStep): string {
  if (step.kind === 'vending') return 'vending';
  if (step.kind === 'vend_event') return step.event.stage;
  return step.route === 'c2b/validation' ? 'payment_validation' : 'payment_received';
}

function stkResultCodes(all: PurchasePlan[]): number[] {
  return all.flatMap((plan) =>
    plan.steps.flatMap((step) =>
      step.kind === 'daraja' && step.route === 'stk/callback' && 'Body' in step.body
        ? [step.body.Body.stkCallback.ResultCode]
        : [],
    ),
  );
}

describe('planPurchase', () => {
  it('mixes channels in the configured proportions', () => {
    const all = plans(40_000, 1);
    for (const channel of CHANNELS) {
      const share = all.filter((plan) => plan.channel === channel).length / all.length;
      expect(Math.abs(share - CHANNEL_MIX[channel]), channel).toBeLessThan(0.01);
    }
  });

  it('produces only requests that match the vend-event schema and the exact Daraja shapes', () => {
    for (const plan of plans(5_000, 2)) for (const step of plan.steps) validateStep(step);
    for (const plan of plans(500, 3, undefined, { validationTimeoutShare: 0.3, tokenFailureShare: 0.5 })) {
      for (const step of plan.steps) validateStep(step);
    }
  });

  it('orders each attempt by stage and time', () => {
    for (const plan of plans(3_000, 4)) {
      const stages = plan.steps.map((step) => STAGES.indexOf(stageOf(step) as (typeof STAGES)[number]));
      expect(stages).toEqual([...stages].sort((a, b) => a - b));
      const times = plan.steps.map((step) => step.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(plan.steps.map((step) => step.attemptId))).toEqual(new Set([plan.attemptId]));
    }
  });

  it('gives STK pushes realistic customer failure rates', () => {
    const codes = stkResultCodes(plans(30_000, 5, 'mpesa_stk'));
    const share = (code: number) => codes.filter((c) => c === code).length / codes.length;
    expect(codes.length).toBe(30_000);
    expect(share(1032)).toBeGreaterThan(0.06);
    expect(share(1032)).toBeLessThan(0.08);
    expect(Math.abs(share(2001) - 0.02)).toBeLessThan(0.004);
    expect(Math.abs(share(1037) - 0.03)).toBeLessThan(0.005);
    expect(Math.abs(share(1) - 0.04)).toBeLessThan(0.005);
    expect(share(0)).toBeGreaterThan(0.8);
  });

  it('rejects about 1.5 % of paybill validations as unknown meters, and almost none for system reasons', () => {
    const validations = plans(30_000, 6, 'mpesa_c2b').flatMap((plan) =>
      plan.steps.flatMap((step) =>
        step.kind === 'daraja' && step.route === 'c2b/validation'
          ? [forwardedValidationSchema.parse(step.body)]
          : [],
      ),
    );
    const share = (code: string) =>
      validations.filter((v) => v.ResultCode === code).length / validations.length;
    expect(share('C2B00012')).toBeGreaterThan(0.01);
    expect(share('C2B00012')).toBeLessThan(0.02);
    expect(share('C2B00016')).toBe(0);
    expect(share('0')).toBeGreaterThan(0.97);
  });

  it('keeps background system errors tiny in a healthy system', () => {
    const events = plans(20_000, 7).flatMap((plan) =>
      plan.steps.flatMap((step) => (step.kind === 'vend_event' ? [step.event] : [])),
    );
    const systemErrors = events.filter(
      (event) =>
        event.error && normaliseErrorCode(event.error.domain, event.error.rawCode).class === 'system',
    );
    expect(systemErrors.length / events.length).toBeLessThan(0.003);
    expect(systemErrors.length).toBeGreaterThan(0);
  });

  it('reports validation timeouts as vend events with no Daraja request and no payment', () => {
    for (const plan of plans(200, 8, 'mpesa_c2b', { validationTimeoutShare: 1 })) {
      expect(plan.steps).toHaveLength(1);
      const [step] = plan.steps;
      expect(step?.kind === 'vend_event' && step.event).toMatchObject({
        stage: 'payment_validation',
        outcome: 'timeout',
        error: { domain: 'mpesa_c2b', rawCode: 'TIMEOUT' },
      });
    }
  });

  it('answers C2B00016 with the reject share of the outage', () => {
    const all = plans(2_000, 9, 'mpesa_c2b', { validationRejectShare: 0.5 });
    const rejected = all.filter((plan) =>
      plan.steps.some(
        (s) => s.kind === 'daraja' && 'ResultCode' in s.body && s.body.ResultCode === 'C2B00016',
      ),
    );
    expect(rejected.length / all.length).toBeGreaterThan(0.45);
    expect(rejected.length / all.length).toBeLessThan(0.55);
    for (const plan of rejected) expect(plan.steps).toHaveLength(1);
  });

  it('leaves paid attempts stuck when the outage stops token generation', () => {
    const all = plans(1_000, 10, 'airtel_money', { tokenFailureShare: 1, tokenTimeoutShare: 0.3 });
    const stuck = all.filter((plan) => plan.stuck);
    expect(stuck.length).toBeGreaterThan(980);
    for (const plan of stuck) {
      const last = plan.steps.at(-1);
      expect(last?.kind === 'vend_event' && last.event.stage).toBe('token_generation');
      expect(last?.kind === 'vend_event' && last.event.error?.rawCode).toMatch(/^(HSM_UNAVAILABLE|TIMEOUT)$/);
      expect(plan.steps.some((s) => s.kind === 'vend_event' && s.event.stage === 'token_delivery_sms')).toBe(
        false,
      );
    }
  });
});
