import { describe, expect, it } from 'vitest';
import { ingest } from './index.ts';

const targetsOf = (text: string) => ingest(`两市合作\n\n${text}`).targets.map((t) => [t.year, t.indicator, t.value, t.value_max, t.unit, t.comparator]);

describe('target extractor', () => {
  it('reads the goals under a 到…年 horizon with their indicators', () => {
    expect(targetsOf('根据合作协议，到2027年，两地共建产业园区3个以上，合作项目投资突破200亿元，引进企业50-80家。')).toEqual([
      [2027, '两地共建产业园区', 3, null, '个', '>='],
      [2027, '合作项目投资', 20000000000, null, 'CNY', '>'],
      [2027, '引进企业', 50, 80, '家', '>='],
    ]);
  });

  it('switches horizon at the next year and stops at the end of the paragraph', () => {
    const text = '两市合作协议提出，到2025年，跨市通勤人数达到5万人；2030年前，合作区生产总值约1000亿元。\n\n2019年两市贸易额为80亿元。';
    expect(targetsOf(text)).toEqual([
      [2025, '跨市通勤人数', 50000, null, '人', '='],
      [2030, '合作区生产总值', 100000000000, null, 'CNY', '≈'],
    ]);
  });

  it('reads a goal without a year only after a goal word', () => {
    expect(targetsOf('两地协作持续深化，力争全年引进项目30个以上。去年引进项目25个。')).toEqual([[null, '全年引进项目', 30, null, '个', '>=']]);
  });

  it('does not take a report date for a horizon', () => {
    expect(targetsOf('截至2023年底，两地合作项目累计落地46个。')).toEqual([]);
  });

  it('reads a year whose clause says what will be done as the horizon of its goals', () => {
    expect(targetsOf('根据协议，2025年甲县将向乙县投入帮扶资金不少于8000万元，帮助转移就业不少于2000人。2023年两县贸易额为5亿元。')).toEqual([
      [2025, '帮扶资金', 80000000, null, 'CNY', '>='],
      [2025, '帮助转移就业', 2000, null, '人', '>='],
    ]);
  });

  it('reads hours as the unit of a goal', () => {
    expect(targetsOf('到2026年，两市通勤时间压缩至1.5小时以内。')).toEqual([[2026, '两市通勤时间', 1.5, null, '小时', '=']]);
  });

  it('dates this year\'s plan (今年…将) by the page and leaves out the count of a list of areas', () => {
    const text = '2024-04-12 来源：某某日报\n\n今年，甲市将安排帮扶资金3亿元，实施帮扶项目60个，双方将在产业、就业、教育等三个方面深化合作。';
    expect(targetsOf(text)).toEqual([
      [2024, '甲市将安排帮扶资金', 300000000, null, 'CNY', '='],
      [2024, '实施帮扶项目', 60, null, '个', '='],
    ]);
  });

  it('reads the end of a five-year plan period as its last year', () => {
    expect(targetsOf('到“十四五”末，两地合作园区产值突破300亿元。')).toEqual([[2025, '两地合作园区产值', 30000000000, null, 'CNY', '>']]);
  });
});

describe('target extractor: goals without a year', () => {
  const targetsOf = (text: string) => ingest(`两地合作\n\n${text}`).targets.map((t) => [t.year, t.value, t.unit]);

  it('reads a planned area as a target without a year, and a plan period as its last year', () => {
    expect(targetsOf('双方共建产业园，规划面积约1000亩。')).toEqual([[null, 1000, '亩']]);
    expect(targetsOf('“十四五”期间，江苏省拟安排援藏项目132个。')).toEqual([[2025, 132, '个']]);
  });

  it('does not take a forecast or this year’s budget for a target', () => {
    expect(targetsOf('项目投产后预计实现年销售额5亿元。')).toEqual([]);
    expect(targetsOf('浙江省拟安排援疆资金210315万元、项目405个。')).toEqual([]);
  });
});

describe('target extractor: spans of years', () => {
  it('does not take the figures of a span of past years (1994年至2018年) for goals', () => {
    expect(ingest('两地合作\n\n1994年至2018年，上海市对口援藏项目1582个、援藏资金45.18亿元。').targets).toEqual([]);
  });
});
