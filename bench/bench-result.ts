/** One figure a benchmark prints; `ratio` compares it with a baseline measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  goal?: string;
}

export function formatBenchResult(suite: string, result: BenchResult): string {
  const parts = [`${suite}.${result.name}`, `value=${round(result.value)}`, `unit=${result.unit}`];
  if (result.baseline !== undefined) parts.push(`baseline=${round(result.baseline)}`);
  if (result.ratio !== undefined) parts.push(`ratio=${round(result.ratio)}`);
  if (result.goal !== undefined) parts.push(`goal="${result.goal}"`);
  return parts.join(' ');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
