import { defineConfig } from 'vitest/config';

// One `npm test` for every workspace. Database tests run on PGlite, and again on PostgreSQL
// when TEST_DATABASE_URL is set (see apps/server/test/databases.ts).
export default defineConfig({
  test: {
    projects: ['packages/contracts', 'packages/sip', 'packages/media', 'packages/acd', 'packages/switch', 'apps/server', 'apps/web'],
  },
});
