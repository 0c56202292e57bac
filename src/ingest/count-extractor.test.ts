import { describe, expect, it } from 'vitest';
import { extractCounts } from './count-extractor.ts';
import { analyseLayout } from './document-layout.ts';
import { splitSentences } from './sentence-splitter.ts';

const countsIn = (text: string) => extractCounts(analyseLayout(text).blocks.flatMap((b) => splitSentences(b))).map((c) => [c.text, c.value, c.unit]);

describe('count extractor', () => {
  it('reads counted directions, projects and agreements', () => {
    expect(countsIn('协议明确了12个重点合作方向，现场签约23个合作项目，另签署8项专项协议。')).toEqual([
      ['12个重点合作方向', 12, '个重点合作方向'],
      ['23个合作项目', 23, '个合作项目'],
      ['8项专项协议', 8, '项专项协议'],
    ]);
  });

  it('reads a count written after the thing it counts', () => {
    expect(countsIn('两地合作项目达126个，到位资金近50亿元。')).toEqual([['两地合作项目达126个', 126, '个两地合作项目']]);
  });

  it('reads 五大任务 written with 大', () => {
    expect(countsIn('方案部署了五大任务。')).toEqual([['五大任务', 5, '大任务']]);
  });

  it('ignores counts of things cooperation does not count', () => {
    expect(countsIn('会议持续3个小时，共有200名代表参加。')).toEqual([]);
  });
});
