import { describe, expect, it } from 'vitest';
import { divisionInSection, divisionsOf, INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from './industry-codes.ts';

describe('GB/T 4754-2017 门类 and 大类', () => {
  it('names all 97 大类, each in exactly one 门类', () => {
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    for (const division of INDUSTRY_DIVISIONS) {
      expect(INDUSTRY_SECTIONS.filter((s) => divisionInSection(s.code, division.code)).map((s) => s.code)).toHaveLength(1);
      expect(division.zh).toMatch(/\p{Script=Han}/u);
      expect(division.en).toMatch(/^[A-Z]/);
    }
  });

  it('lists a 门类’s 大类 in order: 制造业 from 13 to 43, 软件和信息技术服务业 under I', () => {
    const manufacturing = divisionsOf('C').map((d) => d.code);
    expect(manufacturing[0]).toBe('13');
    expect(manufacturing.at(-1)).toBe('43');
    expect(manufacturing).toHaveLength(31);
    expect(divisionsOf('I').map((d) => d.zh)).toContain('软件和信息技术服务业');
    expect(divisionsOf('Z')).toEqual([]);
  });
});
