import { describe, expect, it } from 'vitest';
import { analyseLayout } from './document-layout.ts';
import { extractTitle } from './title-extractor.ts';

const titleOf = (text: string) => extractTitle(analyseLayout(text))?.text ?? null;

describe('title extractor', () => {
  it('takes the first headline under the site chrome', () => {
    expect(titleOf('网站首页 > 要闻\n\n#  两市签署合作协议\n\n□记者 王明\n\n两市今天签署合作协议。')).toBe('两市签署合作协议');
  });

  it('takes a headline with its subtitle when the page opens with body text', () => {
    const text = '5月6日，两市举行合作会议。\n\n会上签署了协议。\n\n携手共进 双城联动\n\n两市合作迈入新阶段\n\n合作内容丰富。';
    expect(titleOf(text)).toBe('携手共进 双城联动');
  });

  it('gives no title to text without a headline', () => {
    expect(titleOf('两市今天签署合作协议。双方将深化合作。')).toBeNull();
    expect(titleOf('')).toBeNull();
  });

  it('takes the agreement\'s name, not the line of its signatories, for the title of its own text', () => {
    expect(titleOf('甲市人民政府 乙市人民政府\n甲乙同城化发展合作框架协议\n\n经双方友好协商，达成如下协议。\n\n一、合作原则\n坚持优势互补。\n\n二、合作内容\n（一）推进规划协同。\n（二）共建产业体系。\n\n三、附则\n本协议自签字之日起生效。\n\n甲方：甲市人民政府    乙方：乙市人民政府\n2023年9月12日')).toBe('甲乙同城化发展合作框架协议');
  });

  it('takes the headline a repost gives after 原标题 when it has no other', () => {
    expect(titleOf('原标题：携手共建飞地经济 两县签署山海协作协议\n\n某某在线7月8日讯 日前，两县签署山海协作协议，双方将共建产业园。')).toBe('携手共建飞地经济 两县签署山海协作协议');
  });
});

describe('title extractor: site banners', () => {
  it('skips the site banner above a breadcrumb and a welcome line', () => {
    expect(titleOf('打造网上国际投资促进平台 致力于中国投资促进事业\n您现在的位置：首页 > 开发区新闻\n越城区党政代表团赴马边考察对接东西部协作工作\n发布时间：2021-06-23\n6月16日，代表团到马边考察。')).toBe(
      '越城区党政代表团赴马边考察对接东西部协作工作',
    );
    expect(titleOf('欢迎来到青海网络广播电视台！\n\n门源大通互助三县签订高质量协同发展框架协议\n\n近日，三县签订协议。')).toBe('门源大通互助三县签订高质量协同发展框架协议');
  });

  it('leaves a column tag and an e-paper masthead out of the title', () => {
    expect(titleOf('【唱好“双城记” 建好“经济圈”】万达开深化交流合作 推动文化旅游业发展共荣\n万州区、达州市、开州区签订协议。')).toBe(
      '万达开深化交流合作 推动文化旅游业发展共荣',
    );
    expect(titleOf('《 人民日报 》（ 2023年07月05日 第 10 版）\n本报深圳7月4日电 深圳、中山两市联合招商。')).toBeNull();
  });
});
