import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.ts';

describe('formatMoney', () => {
  it('writes amounts from one hundred million up in 亿', () => {
    expect(formatMoney(236_000_000, 'CNY', 'zh-CN')).toBe('2.36亿元');
    expect(formatMoney(1_000_000_000, 'USD', 'zh-CN')).toBe('10亿美元');
  });

  it('writes amounts from ten thousand up in 万', () => {
    expect(formatMoney(40_000_000, 'CNY', 'zh-CN')).toBe('4,000万元');
    expect(formatMoney(15_000, 'JPY', 'zh-CN')).toBe('1.5万日元');
  });

  it('writes small amounts in the currency unit itself', () => {
    expect(formatMoney(3_500, 'CNY', 'zh-CN')).toBe('3,500元');
  });

  it('keeps the ISO code when Chinese has no usual name for the currency', () => {
    expect(formatMoney(200_000_000, 'CHF', 'zh-CN')).toBe('2亿CHF');
  });

  it('writes compact currency figures for English readers', () => {
    expect(formatMoney(40_000_000, 'CNY', 'en')).toBe('CN¥40M');
  });
});
