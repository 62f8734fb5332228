/** The Stima Watch simulator: realistic vending traffic, Daraja callbacks and X posts, and the outage replay. */
export { type Clock, createManualClock, type ManualClock, systemClock } from './clock';
export { parseSimulatorConfig, type SimulatorConfig } from './config/simulator-config';
export { createControlApp, scenarioRequestSchema } from './control/control-app';
export {
  c2bBody,
  forwardedValidation,
  PREPAID_PAYBILL,
  stkFailureCallback,
  stkSuccessCallback,
} from './daraja/daraja-bodies';
export {
  type C2bCallbackBody,
  c2bCallbackSchema,
  type ForwardedValidationBody,
  forwardedValidationSchema,
  type StkCallbackBody,
  stkCallbackSchema,
} from './daraja/daraja-schemas';
export { type DemoSummary, runOutageDemo } from './demo/outage-demo';
export {
  type CollectorClient,
  createCollectorClient,
  type DeliveryResult,
} from './generator/collector-client';
export {
  createTrafficGenerator,
  type GeneratorStats,
  type ScenarioRequest,
  type ScenarioStatus,
  type TrafficGenerator,
  type TrafficGeneratorOptions,
} from './generator/traffic-generator';
export { CHANNEL_MIX } from './model/channel-mix';
export {
  dailyIntensity,
  MEAN_PURCHASES_PER_MINUTE,
  PREPAID_CUSTOMERS,
  purchasesPerMinute,
} from './model/daily-curve';
export type { PlannedStep, PurchasePlan, StuckPayment } from './model/planned-step';
export { planPurchase, resolvePlan } from './model/purchase-plan';
export { fakeXAdminSink, fakeXServerSink } from './posts/fake-x-sink';
export {
  createPostStream,
  DEFAULT_OFFICIAL_ACCOUNT,
  type PostStream,
  type PostStreamOptions,
} from './posts/post-stream';
export type { PostKind, PostSink, SimulatedAuthor, SimulatedPost } from './posts/post-types';
export { createRandom, type Random } from './random/seeded-random';
export {
  DEFAULT_OUTAGE_DURATIONS,
  effectsAt,
  type OutageDurations,
  outageWallMs,
  type PhaseName,
  phaseAt,
  type ScenarioEffects,
  type ScenarioName,
  type ScenarioRun,
} from './scenario/scenario';
