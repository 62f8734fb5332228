/** Scenarios the simulator plays: a healthy day, or a token-vending outage in three phases. */
export const SCENARIO_NAMES = ['normal', 'outage'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const PHASE_NAMES = ['normal', 'validation_failing', 'tokens_stopped', 'recovery', 'done'] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

/** Outage phase lengths in scenario time (the defaults make a ~10-minute demo). */
export interface OutageDurations {
  /** Phase 1: C2B validations start failing (C2B00016, timeouts). */
  validationFailingMs: number;
  /** Phase 2: tokens stop being issued while some payments are still taken. */
  tokensStoppedMs: number;
  /** Phase 3: validations succeed again and the backlog of paid-but-no-token drains. */
  recoveryMs: number;
  /** How long, from the start of recovery, the backlog takes to drain. */
  drainMs: number;
}

export const DEFAULT_OUTAGE_DURATIONS: OutageDurations = {
  validationFailingMs: 60_000,
  tokensStoppedMs: 360_000,
  recoveryMs: 180_000,
  drainMs: 120_000,
};

/** One playing of a scenario. `timeScale` > 1 compresses scenario time (60 plays a minute per second). */
export interface ScenarioRun {
  runId: number;
  name: ScenarioName;
  startedAtMs: number;
  timeScale: number;
  durations: OutageDurations;
}

export type ComplaintTopic = 'payment_refused' | 'no_token' | 'recovering';

/** What the world looks like at one instant; the traffic and post models read only this. */
export interface ScenarioEffects {
  phase: PhaseName;
  /** 0..1 through the current phase. */
  phaseProgress: number;
  /** Share of paybill validations our side answers C2B00016. */
  validationRejectShare: number;
  /** Share of paybill validations not answered within Daraja's deadline (ResponseType Cancelled: no payment). */
  validationTimeoutShare: number;
  /** Share of paid attempts whose token generation fails for the outage (they join the backlog). */
  tokenFailureShare: number;
  /** Of those failures, the share that time out rather than fail fast with HSM_UNAVAILABLE. */
  tokenTimeoutShare: number;
  /** Multiplies the purchase rate: customers retry when payments fail. */
  purchaseRateFactor: number;
  /** Whether stuck payments should be issued their tokens now. */
  drainBacklog: boolean;
  /** Outage complaints per minute on X at real scale, and what they are about. */
  complaintsPerMinute: number;
  complaintTopics: Readonly<Partial<Record<ComplaintTopic, number>>>;
  /** The utility's account posts nothing of its own (its statement comes from the comms team). */
  officialSilent: boolean;
}

/** Outage-free world: a few local blackout complaints a minute are normal for a national utility. */
export const NORMAL_EFFECTS: ScenarioEffects = {
  phase: 'normal',
  phaseProgress: 0,
  validationRejectShare: 0,
  validationTimeoutShare: 0,
  tokenFailureShare: 0,
  tokenTimeoutShare: 0,
  purchaseRateFactor: 1,
  drainBacklog: true,
  complaintsPerMinute: 0,
  complaintTopics: {},
  officialSilent: false,
};

const lerp = (from: number, to: number, t: number): number =>
  from + (to - from) * Math.min(1, Math.max(0, t));

/** Scenario time elapsed since the run started (wall time × timeScale). */
export function scenarioElapsedMs(run: ScenarioRun, nowMs: number): number {
  return Math.max(0, nowMs - run.startedAtMs) * run.timeScale;
}

/** The phase and progress through it at an instant. */
export function phaseAt(run: ScenarioRun, nowMs: number): { phase: PhaseName; progress: number } {
  if (run.name === 'normal') return { phase: 'normal', progress: 0 };
  const elapsed = scenarioElapsedMs(run, nowMs);
  const { validationFailingMs, tokensStoppedMs, recoveryMs } = run.durations;
  if (elapsed < validationFailingMs)
    return { phase: 'validation_failing', progress: elapsed / validationFailingMs };
  const inStopped = elapsed - validationFailingMs;
  if (inStopped < tokensStoppedMs) return { phase: 'tokens_stopped', progress: inStopped / tokensStoppedMs };
  const inRecovery = inStopped - tokensStoppedMs;
  if (inRecovery < recoveryMs) return { phase: 'recovery', progress: inRecovery / recoveryMs };
  return { phase: 'done', progress: 1 };
}

/** Wall-clock length of the whole outage (what a demo has to wait for). */
export function outageWallMs(durations: OutageDurations, timeScale: number): number {
  return (durations.validationFailingMs + durations.tokensStoppedMs + durations.recoveryMs) / timeScale;
}

/** The effects of a run at an instant: pure, so the model and its tests share one definition. */
export function effectsAt(run: ScenarioRun, nowMs: number): ScenarioEffects {
  const { phase, progress } = phaseAt(run, nowMs);
  switch (phase) {
    case 'normal':
    case 'done':
      return { ...NORMAL_EFFECTS, phase, phaseProgress: progress };
    case 'validation_failing':
      return {
        ...NORMAL_EFFECTS,
        phase,
        phaseProgress: progress,
        validationRejectShare: lerp(0.03, 0.45, progress),
        validationTimeoutShare: lerp(0.01, 0.15, progress),
        purchaseRateFactor: lerp(1, 1.1, progress),
        drainBacklog: false,
        complaintsPerMinute: lerp(0.5, 8, progress),
        complaintTopics: { payment_refused: 1 },
        officialSilent: true,
      };
    case 'tokens_stopped':
      return {
        ...NORMAL_EFFECTS,
        phase,
        phaseProgress: progress,
        validationRejectShare: 0.5,
        validationTimeoutShare: 0.2,
        tokenFailureShare: 0.97,
        tokenTimeoutShare: 0.3,
        purchaseRateFactor: 1.15,
        drainBacklog: false,
        complaintsPerMinute: lerp(8, 35, progress * 2),
        complaintTopics: { no_token: 0.65, payment_refused: 0.35 },
        officialSilent: true,
      };
    case 'recovery':
      return {
        ...NORMAL_EFFECTS,
        phase,
        phaseProgress: progress,
        purchaseRateFactor: lerp(1.3, 1, progress),
        complaintsPerMinute: 20 * Math.exp(-3 * progress),
        complaintTopics: { recovering: 0.5, no_token: 0.5 },
        officialSilent: true,
      };
  }
}
