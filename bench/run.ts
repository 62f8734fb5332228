import type { BenchResult } from './bench-result';
import { formatBenchResult } from './bench-result';

/** The benchmark suites, each measuring its figures against a baseline in the same run. */
const SUITES: Record<string, () => Promise<{ run(): Promise<BenchResult[]> }>> = {
  collector: () => import('./collector'),
  classifier: () => import('./classifier'),
  social: () => import('./social'),
  alerts: () => import('./alerts'),
  delivery: () => import('./delivery'),
  dashboard: () => import('./dashboard'),
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(SUITES);
let failed = false;
for (const name of names) {
  const load = SUITES[name];
  if (load === undefined) {
    console.error(`unknown suite ${name}; known: ${Object.keys(SUITES).join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  console.log(`# ${name}`);
  try {
    const suite = await load();
    for (const result of await suite.run()) console.log(formatBenchResult(name, result));
  } catch (error) {
    failed = true;
    console.error(`# ${name} failed: ${(error as Error).stack ?? error}`);
  }
}
if (failed) process.exitCode = 1;
