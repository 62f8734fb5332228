import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONG_PROMTOOL_TESTS } from '../prometheus/promtool-suites';
import { runAll, runToolAsync } from '../prometheus/run-tool';

const TESTS_DIR = join(import.meta.dirname, '..', 'prometheus', 'tests');

describe('promtool tests over days of simulated traffic', () => {
  it('pass: a normal day stays quiet, tokens far below last week page, a thin night does not', async () => {
    const results = await runAll(
      LONG_PROMTOOL_TESTS.map((name) => () => runToolAsync('promtool', ['test', 'rules', name], TESTS_DIR)),
      2,
    );
    for (const [index, result] of results.entries()) {
      expect(result.status, `${LONG_PROMTOOL_TESTS[index]}:\n${result.output}`).toBe(0);
    }
  });
});
