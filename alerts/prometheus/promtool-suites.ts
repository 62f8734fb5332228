/**
 * Promtool test files that simulate a day or a week of samples (seconds of CPU each). The rules test suite
 * runs them in a vitest file of their own so that two files share the load.
 */
export const LONG_PROMTOOL_TESTS: readonly string[] = [
  'daily-traffic.test.yml',
  'token-issuance-cliff.test.yml',
  'token-issuance-cliff-night.test.yml',
];
