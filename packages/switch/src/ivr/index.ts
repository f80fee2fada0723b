/**
 * The IVR on its own, for the browser (the designer's validator and simulator): everything here
 * runs without Node (no SIP, no media engine) — import it as `@rexian/switch/ivr`.
 */
export { runFlow, InvalidFlowError, MAX_SUBFLOW_DEPTH, STEP_LIMIT_NODE, type RunFlowOptions } from './run-flow';
export { validateFlow, type ValidateFlowOptions } from './flow-validator';
export { interpolate } from './interpolate';
export { promptsToPlaylist } from './prompts-to-playlist';
export type { IvrChannel, IvrCalendar, IvrEnvironment, IvrOutcome, CollectOptions, CollectResult, PlayResult, TransferResult } from './ivr-channel';
