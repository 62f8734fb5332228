import type { Tone } from './Tile';

/** Tokens now against the same minute last week: a cliff (under half) is an alert. */
export function tokensTone(now: number, lastWeek: number | null): Tone {
  if (lastWeek === null || lastWeek < 5) return 'neutral';
  const ratio = now / lastWeek;
  if (ratio < 0.5) return 'alert';
  if (ratio < 0.8) return 'warn';
  return 'ok';
}

export function failureTone(ratio: number | null): Tone {
  if (ratio === null) return 'neutral';
  if (ratio >= 0.05) return 'alert';
  if (ratio >= 0.01) return 'warn';
  return 'ok';
}

export function stuckPaymentsTone(count: number | null): Tone {
  if (count === null) return 'neutral';
  if (count >= 10) return 'alert';
  return count > 0 ? 'warn' : 'ok';
}

/** Complaining authors per 10 min: a surge is well above the baseline and above a floor of 5 authors. */
export function complaintTone(authors: number, baseline: number): Tone {
  if (authors >= 5 && authors >= 3 * Math.max(baseline, 1)) return 'alert';
  if (authors >= 3 && authors >= 2 * Math.max(baseline, 1)) return 'warn';
  return 'ok';
}

export function silenceTone(silentMs: number | null, limitMs: number): Tone {
  if (silentMs === null) return 'ok';
  if (silentMs >= limitMs) return 'alert';
  return silentMs >= limitMs / 2 ? 'warn' : 'ok';
}

/** "+12 %" / "−40 %" against a reference, or null when there is none. */
export function changeAgainst(value: number, reference: number | null): string | null {
  if (reference === null || reference === 0) return null;
  const change = Math.round(((value - reference) / reference) * 100);
  return `${change >= 0 ? '+' : '−'}${Math.abs(change)} %`;
}
