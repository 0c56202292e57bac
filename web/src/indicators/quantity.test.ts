import { describe, expect, it } from 'vitest';
import { formatQuantity } from './quantity.ts';

describe('formatQuantity', () => {
  it('writes Chinese units as Chinese readers expect', () => {
    expect(formatQuantity(323.8, '亿元', 'zh-CN')).toBe('323.8亿元');
    expect(formatQuantity(2, '家', 'zh-CN')).toBe('2家');
    expect(formatQuantity(12.5, '%', 'zh-CN')).toBe('12.5%');
  });

  it('writes money units in English as an amount in the currency', () => {
    expect(formatQuantity(323.8, '亿元', 'en')).toBe('CN¥32.38B');
    expect(formatQuantity(10, '亿美元', 'en')).toBe('$1B');
  });

  it('takes ISO currency units as amounts in that currency', () => {
    expect(formatQuantity(1e9, 'USD', 'zh-CN')).toBe('10亿美元');
  });

  it('keeps other units after the number in English', () => {
    expect(formatQuantity(1200, '标箱', 'en')).toBe('1,200 标箱');
  });
});
