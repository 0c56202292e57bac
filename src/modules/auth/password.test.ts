import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, temporaryPassword, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('verifies the password it hashed and rejects any other', async () => {
    const hash = await hashPassword('联动-合作-2026');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('联动-合作-2026', hash)).toBe(true);
    expect(await verifyPassword('联动-合作-2025', hash)).toBe(false);
  });

  it('gives the same password two different hashes', async () => {
    expect(await hashPassword('liandong-demo')).not.toBe(await hashPassword('liandong-demo'));
  });

  it('treats a malformed stored hash as a wrong password rather than failing', async () => {
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  });

  it('asks for length and variety', () => {
    expect(passwordProblem('short')).toMatch(/10/);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/different/);
    expect(passwordProblem('liandong-demo')).toBeNull();
  });
});

describe('temporary passwords', () => {
  it('are three groups of four unambiguous characters that meet the password rule, and differ each time', () => {
    const passwords = Array.from({ length: 50 }, () => temporaryPassword());
    for (const p of passwords) {
      expect(p).toMatch(/^[a-hjkmnp-zA-HJ-NP-Z2-9]{4}-[a-hjkmnp-zA-HJ-NP-Z2-9]{4}-[a-hjkmnp-zA-HJ-NP-Z2-9]{4}$/);
      expect(passwordProblem(p)).toBeNull();
    }
    expect(new Set(passwords).size).toBe(50);
  });
});
