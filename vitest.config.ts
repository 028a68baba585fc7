import { defineConfig } from 'vitest/config';

// Tests run in lanes, chosen by the file's name (see "Tests in lanes" in README.md):
//   x.test.ts        unit     in memory only: no database, socket or child process (enforced)
//   x.store.test.ts  store    a real database: SQLite, and PostgreSQL too when DATABASE_URL is set
//   x.http.test.ts   http     the app through app.request, or anything over a socket or in a
//                             child process (feed and SMTP servers, the CLI, the Nu checker)
//   x.soak.test.ts   soak     whole processes killed with SIGKILL or racing each other
//   x.cluster.test.ts cluster  the whole deployment: nodes, workers, nginx, Varnish, s3rver (PostgreSQL)
//   test/e2e/        browser  real Chromium
// A file belongs to the first lane that fits in the order cluster, soak, http, store, unit.
const anyTest = (suffix: string) => [
  `src/**/*${suffix}.test.ts`,
  `src/**/*${suffix}.test.tsx`,
  `test/**/*${suffix}.test.ts`,
];
const browser = ['test/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Transformed modules are kept between runs (in the worktree, not in a shared node_modules):
    // an HTTP file spends most of its start-up transforming the platform's TypeScript.
    experimental: { fsModuleCache: true, fsModuleCachePath: '.cache/vitest-modules' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: anyTest(''),
          exclude: [
            ...anyTest('.store'),
            ...anyTest('.http'),
            ...anyTest('.soak'),
            ...anyTest('.cluster'),
            ...browser,
          ],
          setupFiles: ['test/support/unit-lane.ts'],
          pool: 'threads',
        },
      },
      { extends: true, test: { name: 'store', include: anyTest('.store') } },
      { extends: true, test: { name: 'http', include: anyTest('.http'), exclude: browser } },
      { extends: true, test: { name: 'soak', include: anyTest('.soak') } },
      { extends: true, test: { name: 'cluster', include: anyTest('.cluster') } },
      { extends: true, test: { name: 'browser', include: browser } },
    ],
  },
});
