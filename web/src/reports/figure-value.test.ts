import { describe, expect, it } from 'vitest';
import { figureValue } from './figure-value.ts';

describe('figureValue', () => {
  it('shows a money figure given in 万元 as 亿元 once it reaches a hundred million yuan', () => {
    expect(figureValue({ name: '到位资金', value: 23_600, unit: '万元' }, 'zh-CN')).toBe('2.36亿元');
  });

  it('keeps a figure under a hundred million yuan in 万元', () => {
    expect(figureValue({ name: '投资额', value: 40_000_000, unit: '元' }, 'zh-CN')).toBe('4,000万元');
  });

  it('shows figures in other units as the number followed by the unit', () => {
    expect(figureValue({ name: '签约项目', value: 12, unit: '个' }, 'zh-CN')).toBe('12个');
    expect(figureValue({ name: 'Projects signed', value: 12, unit: 'projects' }, 'en')).toBe('12 projects');
  });
});
