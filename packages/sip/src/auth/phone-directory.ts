/**
 * Where the server finds what it needs to check a phone's digest: HA1 values, never passwords
 * (RFC 7616 §5.4: a server may store H(A1) instead of the password). The product implements this
 * over its database; `staticPhoneDirectory` serves tests and demos.
 */
import { digestHa1 } from './digest-algorithm';

export interface PhoneCredentials {
  /** H(username:realm:password) with MD5. */
  readonly ha1Md5?: string;
  /** H(username:realm:password) with SHA-256. */
  readonly ha1Sha256?: string;
}

export interface PhoneDirectory {
  /** The credentials of `username` in `realm`, or undefined when there is no such phone. */
  findCredentials(
    username: string,
    realm: string,
  ): PhoneCredentials | undefined | Promise<PhoneCredentials | undefined>;
}

export interface PhoneAccount {
  readonly username: string;
  readonly password: string;
}

/** A fixed directory built from plain accounts; it keeps only the HA1 values. */
export function staticPhoneDirectory(realm: string, accounts: readonly PhoneAccount[]): PhoneDirectory {
  const byName = new Map<string, PhoneCredentials>(
    accounts.map((a) => [
      a.username,
      {
        ha1Md5: digestHa1(a.username, realm, a.password, 'MD5'),
        ha1Sha256: digestHa1(a.username, realm, a.password, 'SHA-256'),
      },
    ]),
  );
  return { findCredentials: (username, r) => (r === realm ? byName.get(username) : undefined) };
}
