/** Rounds away float noise so committed fixtures are stable and readable. */
function round(value: number): number {
  return Number(value.toFixed(6));
}

/**
 * Writes samples in promtool's expanding notation: runs of an arithmetic progression become `a+bxn`
 * (n + 1 values), runs of one value `axn`, and runs of missing samples (`null`) `_xn` (n values).
 */
export function seriesNotation(samples: readonly (number | null)[]): string {
  const values = samples.map((value) => (value === null ? null : round(value)));
  const parts: string[] = [];
  let i = 0;
  while (i < values.length) {
    const first = values[i];
    if (first === null || first === undefined) {
      let run = 1;
      while (values[i + run] === null) run += 1;
      parts.push(run === 1 ? '_' : `_x${run}`);
      i += run;
      continue;
    }
    const next = values[i + 1];
    const step = next === null || next === undefined ? 0 : round(next - first);
    let run = 1;
    while (i + run < values.length) {
      const current = values[i + run];
      const previous = values[i + run - 1];
      if (current === null || current === undefined || previous === null || previous === undefined) break;
      if (round(current - previous) !== step) break;
      run += 1;
    }
    if (run === 1) parts.push(String(first));
    else parts.push(step === 0 ? `${first}x${run - 1}` : `${first}+${step}x${run - 1}`);
    i += run;
  }
  return parts.join(' ');
}

/**
 * A counter from per-step increments (`null` = not scraped in that step): the first sample is `start`, and a
 * counter holds its value across missing samples.
 */
export function counterNotation(increments: readonly (number | null)[], start = 0): string {
  const samples: (number | null)[] = [start];
  let value = start;
  for (const increment of increments) {
    if (increment === null) {
      samples.push(null);
      continue;
    }
    value += increment;
    samples.push(value);
  }
  return seriesNotation(samples);
}

/** A gauge with `count` samples following `valueAt(index)` (`null` = not scraped). */
export function gaugeNotation(count: number, valueAt: (index: number) => number | null): string {
  return seriesNotation(Array.from({ length: count }, (_, index) => valueAt(index)));
}
