import { defineProject } from 'vitest/config';

// Pure unit tests of the web app: no DOM (jsdom is not installed), so environment 'node'.
export default defineProject({
  test: {
    name: 'web',
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
