import { describe, expect, it } from 'vitest';
import { analyseLayout } from './document-layout.ts';
import { extractNumberedLists, type NumberedNode } from './numbered-list-extractor.ts';

const outline = (text: string) => {
  const show = (n: NumberedNode): unknown => (n.children.length ? { [n.label.text.trim() + n.title.text]: n.children.map(show) } : n.label.text.trim() + n.title.text);
  return extractNumberedLists(analyseLayout(text).blocks).map(show);
};

describe('numbered list extractor', () => {
  it('nests 一、 over （一） over 1. by first appearance', () => {
    const text = [
      '一、深化产业合作',
      '（一）共建产业园区。双方共同规划建设合作园区。',
      '1.引进龙头企业',
      '2.培育配套企业',
      '（二）推动产业链协同。',
      '二、加强人才交流',
      '（一）互派干部挂职。',
      '（二）联合培养技能人才。',
    ].join('\n');
    expect(outline(text)).toEqual([
      { '一、深化产业合作': [{ '（一）共建产业园区': ['1.引进龙头企业', '2.培育配套企业'] }, '（二）推动产业链协同'] },
      { '二、加强人才交流': ['（一）互派干部挂职', '（二）联合培养技能人才'] },
    ]);
  });

  it('reads items numbered inside a paragraph with 一是、二是', () => {
    const text = '两地将重点抓好三项工作：一是共建产业园区，推动项目落地；二是深化劳务协作，稳定就业规模；三是推进消费帮扶。';
    expect(outline(text)).toEqual(['一是共建产业园区', '二是深化劳务协作', '三是推进消费帮扶']);
  });

  it('reads circled numbers and 第一，第二，', () => {
    expect(outline('合作重点：①共建科创走廊；②共享检测平台；③共育人才队伍。')).toEqual(['①共建科创走廊', '②共享检测平台', '③共育人才队伍']);
    expect(outline('第一，加强规划衔接。第二，推进交通互联。')).toEqual(['第一，加强规划衔接', '第二，推进交通互联']);
  });

  it('keeps numbering that continues under a later heading', () => {
    const text = '（一）科技合作\n1. 共建实验室\n2. 联合攻关\n（二）产业合作\n3. 共建园区\n4. 链长协同';
    expect(outline(text)).toEqual([
      { '（一）科技合作': ['1.共建实验室', '2.联合攻关'] },
      { '（二）产业合作': ['3.共建园区', '4.链长协同'] },
    ]);
  });

  it('does not take a lone number or a decimal for a list', () => {
    expect(outline('1. 本次会议在青岛召开。\n\n全年增长3.5%，达到12.6亿元。')).toEqual([]);
  });

  it('closes the outline at an unnumbered heading', () => {
    const text = '1. 共建园区\n2. 联合招商\n\n下一步工作\n\n（一）完善机制\n（二）强化考核';
    expect(outline(text)).toEqual(['1.共建园区', '2.联合招商', '（一）完善机制', '（二）强化考核']);
  });

  it('ends items numbered inside a paragraph with it', () => {
    const text = ['双方将在两方面合作：一是共建园区；二是互派干部。', '近期事项如下：', '（1）举办对接会；', '（2）设立孵化基地。'].join('\n');
    expect(outline(text)).toEqual(['一是共建园区', '二是互派干部', '（1）举办对接会', '（2）设立孵化基地']);
  });
});
