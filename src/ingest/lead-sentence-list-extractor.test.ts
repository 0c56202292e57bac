import { describe, expect, it } from 'vitest';
import { analyseLayout } from './document-layout.ts';
import { extractLeadSentenceLists } from './lead-sentence-list-extractor.ts';
import { splitSentences } from './sentence-splitter.ts';

const listsIn = (text: string) =>
  extractLeadSentenceLists(analyseLayout(text).blocks, (b) => splitSentences(b)).map((l) => ({
    title: l.title.text,
    items: l.items.map((i) => i.text),
  }));

describe('lead sentence list extractor', () => {
  it('reads paragraphs with lead sentences under a counted colon line', () => {
    const text = '两省合作重点突出三个方面：\n\n共建产业走廊。两省将联合招商。\n\n共享科创资源。推动大型仪器开放。\n\n共促文旅融合。互推精品线路。\n\n此外，两省还将加强人员往来。';
    expect(listsIn(text)).toEqual([{ title: '两省合作重点突出三个方面', items: ['共建产业走廊', '共享科创资源', '共促文旅融合'] }]);
  });

  it('needs parallel leads when the colon line gives no count', () => {
    expect(listsIn('主要任务如下：\n\n加强规划衔接。两市共同编制规划。\n\n推进交通互联。加快城际铁路建设。')).toHaveLength(1);
    expect(listsIn('主要情况如下：\n\n会议很成功。与会者很多。\n\n天气晴好。交通顺畅。')).toEqual([]);
  });

  it('does not read a list of agreements as areas', () => {
    expect(listsIn('会上签署了以下3项协议：\n\n交通合作协议。由两市交通局签署。\n\n文旅合作协议。由两市文旅局签署。')).toEqual([]);
  });
});
