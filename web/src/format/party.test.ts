import { describe, expect, it } from 'vitest';
import { regionAddsToName } from './party.ts';

describe('regionAddsToName', () => {
  it('leaves out a region that the name already says', () => {
    expect(regionAddsToName('深圳市', '深圳市')).toBe(false);
    expect(regionAddsToName('深圳市人民政府', '深圳市')).toBe(false);
  });

  it('keeps a region the name does not say', () => {
    expect(regionAddsToName('日方', '日本')).toBe(true);
  });
});
