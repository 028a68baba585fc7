import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default leaves one of this machine's two cores idle, while most files wait on
    // PostgreSQL, child processes or Chromium rather than compute.
    maxWorkers: 2,
  },
});
