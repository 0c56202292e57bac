import { describe, expect, it } from 'vitest';
import { ingest } from './index.ts';

const areasOf = (text: string) => ingest(`两区合作\n\n${text}`).areas.map((a) => [a.label, a.title, a.items.map((i) => i.title)]);

describe('area extractor', () => {
  it('heads items numbered inside the paragraph of a colon lead with that lead', () => {
    const text = '根据协议，双方将重点在三个方面开展合作：一是共建产业园区，重点承接装备制造；二是推动科技协同；三是深化人才交流。';
    expect(areasOf(text)).toEqual([[null, '双方将重点在三个方面开展合作', ['共建产业园区', '推动科技协同', '深化人才交流']]]);
  });

  it('keeps numbered paragraphs under a lead in the paragraph before as a flat list', () => {
    const text = '双方明确了近期合作事项：\n\n（1）举办产业对接会；\n\n（2）设立科技企业孵化基地。';
    expect(areasOf(text)).toEqual([
      ['（1）', '举办产业对接会', []],
      ['（2）', '设立科技企业孵化基地', []],
    ]);
  });

  it('leaves out an agreement\'s principles and its bare frame sections', () => {
    expect(ingest('甲市人民政府 乙市人民政府\n甲乙同城化发展合作框架协议\n\n经双方友好协商，达成如下协议。\n\n一、合作原则\n坚持优势互补。\n\n二、合作内容\n（一）推进规划协同。\n（二）共建产业体系。\n\n三、附则\n本协议自签字之日起生效。\n\n甲方：甲市人民政府    乙方：乙市人民政府\n2023年9月12日').areas.map((a) => [a.title, a.items.map((i) => i.title)])).toEqual([['合作内容', ['推进规划协同', '共建产业体系']]]);
  });

  it('falls back on the lists a text calls its key areas when it states its areas nowhere else', () => {
    expect(areasOf('会议强调，要围绕产业援疆、就业援疆、教育援疆等重点领域，推动工作提质增效。')).toEqual([[null, null, ['产业援疆', '就业援疆', '教育援疆']]]);
    expect(areasOf('双方将在人才、产业等5个方面合作。方案要求围绕节能、环保、材料等重点领域引进企业。').map(([, , items]) => items)).toEqual([['人才', '产业']]);
  });
});

describe('area extractor: lists without a count', () => {
  it('reads a list the parties cooperate on when the text states its areas no other way', () => {
    expect(areasOf('深圳、中山将在港航、航空、物流、轨道、公共交通等方面开展全面深度合作。')).toEqual([[null, null, ['港航', '航空', '物流', '轨道', '公共交通']]]);
    expect(areasOf('今年江苏对口支援西藏资金共5.57亿元，涵盖产业支援促进就业、保障和改善民生、文化教育支援等方面。')).toEqual([
      [null, null, ['产业支援促进就业', '保障和改善民生', '文化教育支援']],
    ]);
  });

  it('reads a run of measures the parties will take, and splits items joined by 以及', () => {
    expect(areasOf('今后将进一步拓展协作攻坚成果、深化区域合作、推动乡村振兴、全面打造合作品牌。')).toEqual([
      [null, null, ['拓展协作攻坚成果', '深化区域合作', '推动乡村振兴', '全面打造合作品牌']],
    ]);
    expect(areasOf('为产业合作、园区共建、项目对接以及生物医药、装备制造等领域务实合作打下基础。')).toEqual([
      [null, null, ['产业合作', '园区共建', '项目对接', '生物医药', '装备制造']],
    ]);
  });

  it('does not take achievements for areas', () => {
    expect(areasOf('近年来该镇在文化、旅游、人居环境等方面成绩良好。')).toEqual([]);
  });

  it('reads a law’s chapters as the clause tree, without its table of contents, general and final provisions', () => {
    const law =
      '目　录\n第一章　总则\n第二章　产业发展\n第三章　附则\n第一章　总则\n第一条　为了促进产业转移，制定本条例。\n第二章　产业发展\n' +
      '第二条　产业承接地应当明确主导产业，培育产业集群。\n第三条　鼓励企业设立研发机构，推动成果转化。\n第三章　附则\n第四条　本条例自2025年3月1日起施行。';
    expect(areasOf(law)).toEqual([['第二章', '产业发展', ['产业承接地应当明确主导产业', '鼓励企业设立研发机构']]]);
  });
});
