import { defineConfig } from 'vitest/config';

const EXCLUDE = ['**/node_modules/**', '**/dist/**', 'data/**'];
/** Whole-stack tests (many processes, real browsers) run alone after the rest, so load cannot skew them. */
const STACK_TESTS = ['**/test/e2e/**/*.test.ts', 'dashboard/test/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'services',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: [...EXCLUDE, ...STACK_TESTS],
        },
      },
      {
        extends: true,
        test: { name: 'stack', include: STACK_TESTS, exclude: EXCLUDE, fileParallelism: false },
      },
    ],
  },
});
