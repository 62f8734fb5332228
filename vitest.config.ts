import { defineConfig } from 'vitest/config';

const TEST_INCLUDE = ['**/*.test.ts', '**/*.test.tsx'];

export default defineConfig({
  test: {
    include: TEST_INCLUDE,
    exclude: ['**/node_modules/**', '**/dist/**', 'data/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
