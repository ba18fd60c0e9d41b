import { defineConfig } from 'vitest/config';

// Tests run in UTC; store tests share one database file per worker, so keep parallelism modest.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
    pool: 'forks',
    maxWorkers: 2,
    // Browser tests poll the page; argon2 sign-ins on a busy 2-core machine can take seconds.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
