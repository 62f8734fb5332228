import { counterNotation, gaugeNotation } from './series-notation';

/**
 * Vend attempts per second at each SLO stage by hour of day: thin nights under the burn-rate traffic guard,
 * a morning peak and the evening peak when people come home to empty meters.
 */
export const HOURLY_ATTEMPTS_PER_SECOND = [
  0.03, 0.02, 0.02, 0.02, 0.03, 0.1, 0.4, 0.9, 1.2, 1, 0.9, 0.9, 1, 0.9, 0.8, 0.8, 0.9, 1.2, 1.8, 2, 1.6, 0.9,
  0.4, 0.1,
] as const;

const MINUTES_PER_DAY = 1440;

/** Attempts per second at minute `minute` since midnight of day 0. */
export function attemptsPerSecondAt(minute: number): number {
  const hour = Math.floor((minute % MINUTES_PER_DAY) / 60);
  return HOURLY_ATTEMPTS_PER_SECOND[hour] ?? 0;
}

export interface StageProfile {
  stage: string;
  channel: string;
  systemCode: string;
  customerCodes: readonly string[];
  /** Share of attempts failing for system / customer reasons at a minute of the day. */
  systemShare(minuteOfDay: number): number;
  customerShare(minuteOfDay: number): number;
}

export interface SeriesInput {
  series: string;
  values: string;
}

/** Counters of one stage sampled every `stepMinutes` for `steps` steps, scaled by `volume(minute)`. */
export function stageSeries(
  profile: StageProfile,
  steps: number,
  stepMinutes: number,
  volume: (minute: number) => number = () => 1,
): SeriesInput[] {
  const perStep = (share: (minute: number) => number) =>
    Array.from({ length: steps }, (_, i) => {
      const minute = (i + 1) * stepMinutes;
      const attempts = attemptsPerSecondAt(minute - 1) * 60 * stepMinutes * volume(minute - 1);
      return attempts * share((minute - 1) % MINUTES_PER_DAY);
    });
  const system = perStep(profile.systemShare);
  const customer = perStep(profile.customerShare);
  const success = perStep((m) => 1 - profile.systemShare(m) - profile.customerShare(m));
  const failed = system.map((value, i) => value + (customer[i] ?? 0));
  const stageLabels = `channel="${profile.channel}",stage="${profile.stage}"`;
  const split = customer.map((value) => value / profile.customerCodes.length);
  return [
    {
      series: `stimawatch_vend_stage_total{${stageLabels},outcome="success"}`,
      values: counterNotation(success),
    },
    {
      series: `stimawatch_vend_stage_total{${stageLabels},outcome="failed"}`,
      values: counterNotation(failed),
    },
    {
      series: `stimawatch_vend_errors_total{${stageLabels},code="${profile.systemCode}",class="system"}`,
      values: counterNotation(system),
    },
    ...profile.customerCodes.map((code) => ({
      series: `stimawatch_vend_errors_total{${stageLabels},code="${code}",class="customer"}`,
      values: counterNotation(split),
    })),
  ];
}

const between = (from: string, to: string, inside: number, outside: number) => {
  const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return (minute: number) => (minute >= minuteOf(from) && minute < minuteOf(to) ? inside : outside);
};

/**
 * A normal day: 0.2% system failures everywhere, a flaky 20 minutes at night on token generation (03:00-03:20,
 * too little traffic to page), and an evening burst of wrong PINs and cancelled prompts (19:00-19:30).
 */
export const NORMAL_DAY: readonly StageProfile[] = [
  {
    stage: 'payment_validation',
    channel: 'mpesa_c2b',
    systemCode: 'VALIDATION_TIMEOUT',
    customerCodes: ['UNKNOWN_METER'],
    systemShare: () => 0.002,
    customerShare: () => 0.01,
  },
  {
    stage: 'payment_received',
    channel: 'mpesa_stk',
    systemCode: 'SYSTEM_BUSY',
    customerCodes: ['WRONG_PIN', 'CANCELLED_BY_USER'],
    systemShare: () => 0.002,
    customerShare: between('19:00', '19:30', 0.4, 0.03),
  },
  {
    stage: 'token_generation',
    channel: 'mpesa_c2b',
    systemCode: 'VENDING_TIMEOUT',
    customerCodes: ['BLOCKED_METER'],
    systemShare: between('03:00', '03:20', 0.2, 0.002),
    customerShare: () => 0.005,
  },
];

/** A gauge holding the timestamp (seconds) of the latest sample minus `lagSeconds`. */
export function timestampGauge(steps: number, stepMinutes: number, lagSeconds: number): string {
  return gaugeNotation(steps + 1, (i) => Math.max(0, i * stepMinutes * 60 - lagSeconds));
}
