import type { Channel, ErrorDomain, Outcome, Stage, VendEventInput } from '@stimawatch/core';
import type { C2bCallbackBody, ForwardedValidationBody, StkCallbackBody } from '../daraja/daraja-schemas';
import type { Random } from '../random/seeded-random';
import type { ScenarioEffects } from '../scenario/scenario';
import type { IdentityMint } from './purchase-identity';

/** Collector routes under `/v1/mpesa/:secret/` that carry Daraja bodies. */
export type DarajaRoute = 'c2b/validation' | 'c2b/confirmation' | 'stk/callback';

/** One request the generator will send at `at` (epoch ms). */
export type PlannedStep =
  | {
      kind: 'daraja';
      at: number;
      attemptId: string;
      route: DarajaRoute;
      body: ForwardedValidationBody | C2bCallbackBody | StkCallbackBody;
    }
  | { kind: 'vend_event'; at: number; attemptId: string; event: VendEventInput }
  /** A paid attempt handed to the vending platform: planned when it comes due, under the effects of that time. */
  | { kind: 'vending'; at: number; attemptId: string; paid: PaidAttempt };

/** A purchase the customer paid for whose token the outage stopped: it waits in the backlog. */
export interface StuckPayment {
  attemptId: string;
  channel: Channel;
  amountMinor: number;
  meterNumber: string;
  paidAtMs: number;
}

export interface PurchasePlan {
  attemptId: string;
  channel: Channel;
  steps: PlannedStep[];
}

/** What a plan is drawn from: randomness, id minting, and the scenario's effects at any instant. */
export interface ModelContext {
  random: Random;
  mint: IdentityMint;
  effectsAt(ms: number): ScenarioEffects;
}

/** The fields every vend event of one attempt shares. */
export interface AttemptFacts {
  attemptId: string;
  channel: Channel;
  amountMinor: number;
  meterNumber?: string;
}

/** A payment the vending platform has received and must turn into a token. */
export interface PaidAttempt extends AttemptFacts {
  meterNumber: string;
  paidAtMs: number;
}

/** A vend event as the vending platform reports it (follows core's `vendEventInputSchema`). */
export function vendEventStep(
  facts: AttemptFacts,
  stage: Stage,
  outcome: Outcome,
  at: number,
  latencyMs: number,
  error?: { domain: ErrorDomain; rawCode: string },
): PlannedStep {
  const event: VendEventInput = {
    version: 1,
    attemptId: facts.attemptId,
    channel: facts.channel,
    stage,
    outcome,
    occurredAt: new Date(at).toISOString(),
    amountMinor: facts.amountMinor,
    currency: 'KES',
    latencyMs,
  };
  if (facts.meterNumber !== undefined) event.meterNumber = facts.meterNumber;
  if (error) event.error = error;
  return { kind: 'vend_event', at, attemptId: facts.attemptId, event };
}
