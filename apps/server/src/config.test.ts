import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration from the environment', () => {
  it('reads on/off settings as written: "false" and "0" mean off', () => {
    expect(loadConfig({ REXIAN_SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
    expect(loadConfig({ REXIAN_SECURE_COOKIES: '0' }).secureCookies).toBe(false);
    expect(loadConfig({ REXIAN_SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
    expect(loadConfig({ REXIAN_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ REXIAN_TRUST_PROXY: '10.0.0.1' }).trustProxy).toBe('10.0.0.1');
  });

  it('refuses a bad value with the setting named', () => {
    expect(() => loadConfig({ REXIAN_HTTP_PORT: 'eighty' })).toThrow(/httpPort/);
  });
});
