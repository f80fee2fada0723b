import { digestHa1 } from '@rexian/sip';

/**
 * The digest values a phone's REGISTER is checked against (RFC 8760: SHA-256 preferred, MD5 for
 * older phones). Stored instead of the password; both are bound to the extension and the realm.
 */
export function phoneCredentials(extension: string, password: string, realm: string) {
  return {
    realm,
    ha1Md5: digestHa1(extension, realm, password, 'MD5'),
    ha1Sha256: digestHa1(extension, realm, password, 'SHA-256'),
  };
}
