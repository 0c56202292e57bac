import { describe, expect, it } from 'vitest';
import { formatAmount, formatAmounts, formatMoney, wanToDecimal } from './money.ts';

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

describe('formatAmount', () => {
  it('writes totals in 亿元 with one decimal at most, as the seeds do', () => {
    expect(formatAmount(18_000_000_000, 'CNY', 'zh-CN')).toBe('180亿元');
    expect(formatAmount(32_380_000_000, 'CNY', 'zh-CN')).toBe('323.8亿元');
    expect(formatAmount(35_000_000, 'USD', 'zh-CN')).toBe('3,500万美元');
  });

  it('writes English totals with the ISO code and one decimal', () => {
    expect(formatAmount(18_000_000_000, 'CNY', 'en')).toBe('CNY 18.0 bn');
    expect(formatAmount(40_000_000, 'CNY', 'en')).toBe('CNY 40.0 m');
  });

  it('keeps currencies apart and says a dash for nothing', () => {
    expect(formatAmounts([{ currency: 'CNY', amount: '18000000000' }, { currency: 'USD', amount: '35000000' }], 'zh-CN')).toBe('180亿元 + 3,500万美元');
    expect(formatAmounts([], 'en')).toBe('—');
  });

  it('turns 万 typed in a form into the decimal the API takes', () => {
    expect(wanToDecimal(3_238_000)).toBe('32380000000.00');
    expect(wanToDecimal(0.5)).toBe('5000.00');
  });
});
