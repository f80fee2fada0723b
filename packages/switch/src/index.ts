/**
 * @rexian/switch — the call switch: call model and B2BUA, routing by DNIS/ANI, the IVR interpreter,
 * queueing on the ACD engine, recording, voicemail, CDR and the CTI interface.
 */
export type { IvrChannel, IvrCalendar, IvrEnvironment, IvrOutcome, CollectOptions, CollectResult, PlayResult, TransferResult } from './ivr/ivr-channel';
export type { SwitchStore, CallStart, CallFields, LegStart, LegFields } from './store';
export { EMPTY_CONFIG, type SwitchConfig, type RouteConfig, type AgentConfig } from './switch-config';
export type { CtiPort } from './cti/cti-port';
export { CallSwitch, type CallSwitchOptions, type AgentSession } from './switch';
export { MemorySwitchStore } from './memory-store';
export { runFlow, InvalidFlowError, type RunFlowOptions } from './ivr/run-flow';
export { validateFlow, type ValidateFlowOptions } from './ivr/flow-validator';
export { demoHotlineFlow, type DemoHotlineFlowOptions } from './ivr/demo-hotline-flow';
export type { OutboundTrunk } from './calls/dialer';
