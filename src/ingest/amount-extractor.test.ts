import { describe, expect, it } from 'vitest';
import { extractAmounts } from './amount-extractor.ts';
import { analyseLayout } from './document-layout.ts';
import { splitSentences } from './sentence-splitter.ts';

const amountsIn = (text: string) => extractAmounts(analyseLayout(text).blocks.flatMap((b) => splitSentences(b)));

describe('amount extractor', () => {
  it('reads 万元, 亿元 and 万亿元 into yuan', () => {
    const amounts = amountsIn('首批签约项目总投资356.8亿元，其中产业基金3000万元，两省经济总量超过1.2万亿元。');
    expect(amounts.map((a) => [a.value, a.unit])).toEqual([
      [35680000000, 'CNY'],
      [30000000, 'CNY'],
      [1200000000000, 'CNY'],
    ]);
    expect(amounts[2]?.qualifier).toBe('超');
  });

  it('keeps the currency of foreign money', () => {
    const amounts = amountsIn('合作区累计吸引外资12亿美元、港资8000万港元和日资500亿日元，另有欧洲投资3亿欧元。');
    expect(amounts.map((a) => a.unit)).toEqual(['USD', 'HKD', 'JPY', 'EUR']);
    expect(amounts[2]?.value).toBe(50000000000);
  });

  it('reads qualifiers before and after the figure', () => {
    const amounts = amountsIn('到位资金近50亿元，带动投资逾80亿元，年产值约20亿元，税收5亿元以上。');
    expect(amounts.map((a) => a.qualifier)).toEqual(['近', '超', '约', '以上']);
  });

  it('reads ranges written with a dash or with 至', () => {
    const [dash, word] = amountsIn('单个项目投资2-3亿元，园区总投资5至8亿元。');
    expect([dash?.value, dash?.value_max]).toEqual([200000000, 300000000]);
    expect([word?.value, word?.value_max]).toEqual([500000000, 800000000]);
  });

  it('reads Chinese numerals with a magnitude', () => {
    expect(amountsIn('省财政安排三千万元专项资金。')[0]?.value).toBe(30000000);
  });

  it('ignores prices, size classes, vague figures and dates', () => {
    expect(amountsIn('蔬菜收购价每斤3元/斤，打造千亿元级产业集群，吸引数十亿元投资，1月1日元旦前完工。')).toEqual([]);
  });

  it('lists a figure repeated in the same text once, with the span of its first mention', () => {
    const text = '两市签约项目总投资120亿元。\n\n据介绍，总投资120亿元的项目已全部开工。';
    const amounts = amountsIn(text);
    expect(amounts).toHaveLength(1);
    expect(text.slice(amounts[0]?.start, amounts[0]?.end)).toBe('120亿元');
  });

  it('reads 百 and 千 as the number of a qualified magnitude', () => {
    expect(amountsIn('两地互相投资超百亿元，带动社会投资近千万元，涉及数百万元。').map((a) => [a.value, a.qualifier])).toEqual([
      [10000000000, '超'],
      [10000000, '近'],
    ]);
  });

  it('leaves out a headline\'s round figure for one the body gives exactly', () => {
    expect(amountsIn('两地签约项目总投资逾百亿元\n\n会上，两地签约合作项目28个，总投资103.5亿元，另有贴息资金约2亿元。').map((a) => a.value)).toEqual([
      10350000000, 200000000,
    ]);
  });

  it('reads two figures of one currency joined by 至 as a range, and 约合 as 约', () => {
    expect(amountsIn('首期投入5亿元至8亿元，约合1.1亿美元。').map((a) => [a.value, a.value_max, a.unit, a.qualifier])).toEqual([
      [500000000, 800000000, 'CNY', null],
      [110000000, null, 'USD', '约'],
    ]);
  });
});

describe('amount extractor: figures in Chinese numerals', () => {
  it('reads decimals written with 点, in simplified and traditional characters', () => {
    const values = (text: string) => amountsIn(text).map((a) => a.value);
    expect(values('双方签订项目十六个，项目协议资金达到二十八点八亿元。')).toEqual([2.88e9]);
    expect(values('十七年來累計投入資金四點四七億元。')).toEqual([4.47e8]);
  });
});
