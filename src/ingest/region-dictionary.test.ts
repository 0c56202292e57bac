import { describe, expect, it } from 'vitest';
import { getRegionDictionary } from './region-dictionary.ts';

describe('region dictionary', () => {
  const dictionary = getRegionDictionary();

  it('lists every province, prefecture-level city and county once, with six-digit codes', () => {
    const codes = dictionary.regions.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(dictionary.regions.filter((r) => r.level === 'province')).toHaveLength(34);
    expect(dictionary.regions.filter((r) => r.level === 'city').length).toBeGreaterThan(330);
    expect(dictionary.regions.filter((r) => r.level === 'county').length).toBeGreaterThan(2800);
  });

  it('gives every region an existing parent listed before it', () => {
    const seen = new Set<string>();
    for (const region of dictionary.regions) {
      if (region.parentCode !== null) expect(seen.has(region.parentCode)).toBe(true);
      seen.add(region.code);
    }
  });

  it('represents a municipality by its province-level code and hangs its districts off it', () => {
    const [beijing] = dictionary.lookup('北京');
    expect(beijing).toMatchObject({ code: '110000', name: '北京市', level: 'province' });
    expect(dictionary.lookup('海淀区')[0]?.parentCode).toBe('110000');
    expect(dictionary.regions.some((r) => r.name === '市辖区')).toBe(false);
  });

  it('finds regions by full name and by short form', () => {
    expect(dictionary.lookup('青岛')[0]?.name).toBe('青岛市');
    expect(dictionary.lookup('广东')[0]?.name).toBe('广东省');
    expect(dictionary.lookup('新疆')[0]?.name).toBe('新疆维吾尔自治区');
    expect(dictionary.lookup('广西')[0]?.name).toBe('广西壮族自治区');
    expect(dictionary.lookup('延边')[0]?.name).toBe('延边朝鲜族自治州');
    expect(dictionary.lookup('浦东')[0]?.name).toBe('浦东新区');
    expect(dictionary.lookup('青島')[0]?.name).toBe('青岛市');
  });

  it('offers the senior region first when a short form is shared', () => {
    expect(dictionary.lookup('吉林').map((r) => r.level)).toEqual(['province', 'city']);
  });

  it('does not read everyday words as county names', () => {
    expect(dictionary.lookup('合作')).toEqual([]);
    expect(dictionary.lookup('光明')).toEqual([]);
    expect(dictionary.lookup('双城')).toEqual([]);
  });

  it('matches the longest name at a position', () => {
    expect(dictionary.matchAt('在青岛市民营企业', 1)?.length).toBe(3);
    expect(dictionary.matchAt('深圳湾', 0)?.regions[0]?.code).toBe('440300');
  });
});
