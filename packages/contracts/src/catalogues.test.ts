import { describe, expect, it } from 'vitest';
import { ERRORS } from './errors';
import { ALL_RIGHTS, RIGHTS } from './rights';
import { PARAMETERS } from './reference';
import { UserCreate } from './organisation';

describe('the shared catalogues', () => {
  it('give every error a client or server status and a message in Chinese and English', () => {
    for (const [code, entry] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en.length).toBeGreaterThan(3);
    }
  });

  it('name every right as function.action with labels in both languages', () => {
    for (const right of ALL_RIGHTS) {
      expect(right).toMatch(/^[a-z]+\.[a-z]+$/);
      expect(RIGHTS[right].zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('give integer parameters a default inside their bounds', () => {
    for (const def of Object.values(PARAMETERS)) {
      if (def.type === 'integer' && 'min' in def) {
        expect(def.default).toBeGreaterThanOrEqual(def.min);
        expect(def.default).toBeLessThanOrEqual(def.max);
      }
    }
  });

  it('name the offending field when a user payload is wrong', () => {
    const result = UserCreate.safeParse({ account: 'a b', name: '', password: 'short', extension: '1x' });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['account', 'name', 'password', 'extension']));
  });
});
