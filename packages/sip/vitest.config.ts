import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'sip', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } });
