import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH } from './audit.repository.ts';

const entry = {
  at: new Date('2026-11-23T10:00:00.000Z'),
  actorId: null,
  cooperationId: null,
  action: 'update',
  entity: 'cooperation',
  entityId: 'c1',
  before: { summary: '旧', version: 1 },
  after: { version: 2, summary: '新' },
};

describe('audit hash chain', () => {
  it('does not depend on the order of keys in the recorded values', () => {
    const reordered = { ...entry, before: { version: 1, summary: '旧' }, after: { summary: '新', version: 2 } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(auditHash(GENESIS_HASH, entry));
  });

  it('changes when any recorded value or the previous hash changes', () => {
    const base = auditHash(GENESIS_HASH, entry);
    expect(auditHash(GENESIS_HASH, { ...entry, after: { version: 2, summary: '改' } })).not.toBe(base);
    expect(auditHash('f'.repeat(64), entry)).not.toBe(base);
  });
});
