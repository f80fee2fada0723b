import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'acd', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } });
