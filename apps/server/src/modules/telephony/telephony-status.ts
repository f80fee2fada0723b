import type { PhoneRegistration, TrunkRegistrationState } from '@rexian/contracts';

/**
 * What the administration pages need from the running SIP server: who is registered where, how the
 * registering trunks are doing, and a nudge when phones or trunks changed in the database. The SIP
 * server (sip-service.ts) provides it; without one (API tests, SIP switched off) nothing is online.
 */
export interface TelephonyStatus {
  registrations(extension: string): PhoneRegistration[];
  trunkStatus(trunkId: number): TrunkRegistrationState | null;
  /** Phones or trunks changed: re-read them (the routes call this after their transaction commits). */
  reload(): Promise<void>;
}

export const OFFLINE_TELEPHONY: TelephonyStatus = {
  registrations: () => [],
  trunkStatus: () => null,
  reload: async () => {},
};
