import { describe, expect, it } from 'vitest';
import { analyseLayout } from './document-layout.ts';
import { extractInlineLists, type InlineList } from './inline-list-extractor.ts';
import { splitSentences } from './sentence-splitter.ts';

const listsIn = (text: string) => analyseLayout(text).blocks.flatMap((b) => splitSentences(b)).flatMap(extractInlineLists);
const itemsOf = (list: InlineList | undefined) =>
  list ? list.items.map((r) => list.sentence.block.view.text.slice(r.start, r.end)) : [];

describe('inline list extractor', () => {
  it('reads a counted list of areas after 在', () => {
    const [list] = listsIn('双方将在人才交流、资金支持、产业合作、文旅融合和乡村振兴等5个方面深化协作。');
    expect(itemsOf(list)).toEqual(['人才交流', '资金支持', '产业合作', '文旅融合', '乡村振兴']);
    expect(list?.kind).toBe('area');
    expect(list?.count).toBe(5);
  });

  it('starts a list of measures at its first verb', () => {
    const [list] = listsIn('实施方案明确了推进规划对接、深化产业协作、共建创新平台、共享公共服务四大任务。');
    expect(itemsOf(list)).toEqual(['推进规划对接', '深化产业协作', '共建创新平台', '共享公共服务']);
    expect(list?.count).toBe(4);
  });

  it('reads a list introduced by 围绕 and joined by 和', () => {
    const [list] = listsIn('两地重点围绕装备制造、生物医药和新材料等领域开展招商合作。');
    expect(itemsOf(list)).toEqual(['装备制造', '生物医药', '新材料']);
    expect(list?.emphasised).toBe(true);
  });

  it('leaves the subject and verb out of the first item of a list of things', () => {
    const [list] = listsIn('双方将深化港口物流、跨境电商、文化旅游等领域合作，协议明确了上述安排。');
    expect(itemsOf(list)).toEqual(['港口物流', '跨境电商', '文化旅游']);
  });

  it('reads topics after 围绕 up to the verb that follows them', () => {
    const [list] = listsIn('双方将重点围绕智能制造、生物医药和数字经济开展合作。');
    expect(itemsOf(list)).toEqual(['智能制造', '生物医药', '数字经济']);
    expect(list?.emphasised).toBe(true);
  });

  it('tells agreements and projects apart from areas by the words that close the list', () => {
    const [agreements] = listsIn('会上，两市有关部门签订了文化旅游、医疗卫生、教育合作等3项专项协议。');
    expect(itemsOf(agreements)).toEqual(['文化旅游', '医疗卫生', '教育合作']);
    expect(agreements?.kind).toBe('agreement');
    const [projects] = listsIn('会上，智能装备产业园、冷链物流基地、数据中心等12个重大项目集中签约。');
    expect(projects?.kind).toBe('project');
  });

  it('heads a counted task list put in focus with its whole phrase', () => {
    const [list] = listsIn('两市将重点抓好共建园区、联合招商、人才交流等三项工作，推动协作落地。');
    expect(itemsOf(list)).toEqual(['共建园区', '联合招商', '人才交流']);
    const view = list?.sentence.block.view.text ?? '';
    expect(list?.title ? view.slice(list.title.start, list.title.end) : null).toBe('重点抓好共建园区、联合招商、人才交流等三项工作');
  });

  it('reads a colon list of semicolon parts by their lead clauses', () => {
    const [list] = listsIn('协作重点包括以下三个方面：一体推进产业协作，共建飞地园区；深化劳务协作，稳岗就业；加强消费协作，拓宽销售渠道。');
    expect(itemsOf(list)).toEqual(['一体推进产业协作', '深化劳务协作', '加强消费协作']);
    expect(list?.title).not.toBeNull();
  });

  it('ignores enumerations without a closing word', () => {
    expect(listsIn('会议由市委、市政府主办，市发展改革委、市商务局承办。')).toEqual([]);
  });

  it('puts in focus a list the parties act on that its closer calls key areas', () => {
    const [list] = listsIn('双方将坚持优势互补，围绕产业、就业、消费、人才等重点领域深化合作。');
    expect(itemsOf(list)).toEqual(['产业', '就业', '消费', '人才']);
    expect(list?.emphasised).toBe(true);
  });

  it('does not put in focus key areas that only a plan names', () => {
    const [list] = listsIn('方案要求围绕高效节能、先进环保、资源循环利用等重点领域引进企业。');
    expect(list?.emphasised).toBe(false);
  });

  it('heads a list after a colon with the lead that counts its tasks', () => {
    const [list] = listsIn('两省将重点推进四大任务：共建交通网络、共建产业体系、共筑生态屏障、共同推进改革。');
    expect(itemsOf(list)).toEqual(['共建交通网络', '共建产业体系', '共筑生态屏障', '共同推进改革']);
    expect(list?.title ? list.sentence.block.view.text.slice(list.title.start, list.title.end) : null).toBe('两省将重点推进四大任务');
  });

  it('reads the areas the parties name right after signing, and not a list deep in the text', () => {
    const [signed] = listsIn('两市签署合作备忘录。双方将在经贸、港口物流、文化旅游等领域深化合作。').filter((l) => l.emphasised);
    expect(itemsOf(signed)).toEqual(['经贸', '港口物流', '文化旅游']);
    expect(listsIn('两市旅游市场互动频繁。两地将加强在品牌共建、线路共推、客源共享等领域深度合作。').filter((l) => l.emphasised)).toEqual([]);
  });

  it('heads a counted task list in focus with the whole phrase, with or without 等', () => {
    const [list] = listsIn('两地将重点做好产业合作、劳务协作、消费帮扶三项工作。');
    expect(list?.title ? list.sentence.block.view.text.slice(list.title.start, list.title.end) : null).toBe('重点做好产业合作、劳务协作、消费帮扶三项工作');
  });

  it('reads a colon list whose items are agreements as agreements', () => {
    const [list] = listsIn('两市部门签订3项专项协议，分别是：交通合作协议、文旅合作协议、人才交流合作协议。');
    expect(list?.kind).toBe('agreement');
    expect(itemsOf(list)).toEqual(['交通合作协议', '文旅合作协议', '人才交流合作协议']);
  });

  it('does not read the pairs that sign an agreement as its name', () => {
    const [list] = listsIn('广州市与百色市、深圳市与河池市等8对结对市分别签订了结对帮扶协议。');
    expect(list?.kind).not.toBe('agreement');
    const [named] = listsIn('长岛与长海、蓬莱与旅顺口等2个区县协议。');
    expect(named?.kind).toBe('agreement');
  });
});
