import { describe, expect, it } from 'vitest';
import { regionLiesWithin } from './unit-side.ts';

describe('which side a unit belongs to', () => {
  it('puts a city bureau and a district park on the side of their city', () => {
    expect(regionLiesWithin('370200', '370200')).toBe(true);
    expect(regionLiesWithin('370211', '370200')).toBe(true);
  });

  it('keeps units of another city, even in the same province, off that side', () => {
    expect(regionLiesWithin('370600', '370200')).toBe(false);
    expect(regionLiesWithin('440300', '370200')).toBe(false);
  });

  it('puts every city of a province on a provincial side', () => {
    expect(regionLiesWithin('370211', '370000')).toBe(true);
    expect(regionLiesWithin('440300', '370000')).toBe(false);
  });

  it('does not widen a county side to its city', () => {
    expect(regionLiesWithin('370200', '370211')).toBe(false);
  });

  it('matches partner countries only to themselves, and China to every division', () => {
    expect(regionLiesWithin('JP', 'JP')).toBe(true);
    expect(regionLiesWithin('370200', 'JP')).toBe(false);
    expect(regionLiesWithin('JP', '370200')).toBe(false);
    expect(regionLiesWithin('440300', 'CN')).toBe(true);
  });
});
