import type { CtiPort } from '@rexian/switch';

/**
 * What the HTTP side needs from the running call switch: its CTI port (commands, events, snapshot)
 * and a nudge after routes, queues, caller lists, flows or queue members changed in the database.
 * The switch service provides it; without one (API tests, SIP switched off) telephony is offline.
 */
export interface SwitchStatus {
  cti: CtiPort;
  /**
   * Configuration changed: re-read it (routes call this after their transaction commits). Should
   * not reject: the change is already committed, so a failed reload is logged, not answered as a 500.
   */
  reload(): Promise<void>;
}

const NOT_RUNNING = '话务系统未启动 (telephony is not running)';

export const OFFLINE_SWITCH: SwitchStatus = {
  cti: {
    execute: async () => ({ ok: false, callId: null, message: NOT_RUNNING }),
    on: () => () => {},
    snapshot: () => ({ agents: [], queues: [], calls: [] }),
  },
  reload: async () => {},
};
