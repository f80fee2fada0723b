import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each test file opens its own database (PGlite initdb takes seconds) and hashes passwords.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
