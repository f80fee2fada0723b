// Worker threads do not inherit the parent's TypeScript loader: register tsx, then load the
// TypeScript entry point. Works under `node --import tsx` and under vitest alike.
import { register } from 'tsx/esm/api';

register();
await import('./media-worker.ts');
