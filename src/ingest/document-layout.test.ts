import { describe, expect, it } from 'vitest';
import { analyseLayout, relevantBlocks } from './document-layout.ts';

const kinds = (text: string) => analyseLayout(text).lines.filter((l) => l.kind !== 'blank').map((l) => [l.kind, l.text]);

describe('document layout', () => {
  it('tells page furniture from content', () => {
    const text = [
      '首页 > 新闻中心 > 区域合作',
      '两省签署协作协议',
      '2023-05-06 10:20 来源：某某日报',
      '□记者 王明 报道',
      '■签约现场。',
      '两省今天签署协作协议，将在多个领域开展合作。',
      '分享到：微信 微博',
      '责任编辑：李华',
    ].join('\n');
    expect(kinds(text)).toEqual([
      ['chrome', '首页 > 新闻中心 > 区域合作'],
      ['heading', '两省签署协作协议'],
      ['dateline', '2023-05-06 10:20 来源:某某日报'],
      ['byline', '□记者 王明 报道'],
      ['caption', '■签约现场。'],
      ['body', '两省今天签署协作协议,将在多个领域开展合作。'],
      ['chrome', '分享到:微信 微博'],
      ['chrome', '责任编辑:李华'],
    ]);
  });

  it('treats breadcrumbs, site menus and reading-time notes as chrome', () => {
    const text = '人民网>>广东频道>>要闻\n\n首页 新闻 视频 图片 专题\n\n• 手机版\n\n本篇文章620字，读完约1分钟\n\n两市签署合作协议';
    expect(kinds(text).map(([kind]) => kind)).toEqual(['chrome', 'chrome', 'chrome', 'chrome', 'heading']);
  });

  it('drops the other stories a page lists after 相关阅读', () => {
    const layout = analyseLayout('两市合作\n\n两市签署合作协议。\n\n相关阅读\n\n某地举办农产品展销会，总投资5亿元。');
    expect(layout.lines.filter((l) => l.kind === 'body').map((l) => l.text)).toEqual(['两市签署合作协议。']);
  });

  it('joins a sentence that layout broke across lines', () => {
    const text = '两市合作\n\n两市签署协议。\n\n双方将在人才交流、产业协作、科技创新、文化旅游等方面深化合作，并建立定期会商机\n\n制，共同推进重大项目落地。';
    const block = analyseLayout(text).blocks[2];
    expect(block?.view.text).toBe('双方将在人才交流、产业协作、科技创新、文化旅游等方面深化合作,并建立定期会商机制,共同推进重大项目落地。');
  });

  it('reads only the articles of a newspaper page that are about cooperation', () => {
    const text = [
      '两市深化合作',
      '□记者 甲 报道',
      '本报讯 两市签署合作协议，将携手推进产业协作。',
      '全市贷款增长',
      '□记者 乙 报道',
      '本报讯 上半年全市贷款余额增加300亿元，存款余额增加200亿元。',
    ].join('\n\n');
    const blocks = relevantBlocks(analyseLayout(text)).map((b) => b.view.text);
    expect(blocks).toContain('本报讯 两市签署合作协议,将携手推进产业协作。');
    expect(blocks.some((b) => b.includes('贷款'))).toBe(false);
  });

  it('treats a top bar of short entries between bars as chrome, and a link row after 相关链接 as the end', () => {
    const text = '某某市人民政府 | 无障碍 | 长者模式 | English\n两县签署协作协议\n两县今天签署协作协议。\n相关链接: 中国政府网 | 省政府网站\n两县合作项目总投资8亿元。';
    expect(kinds(text)).toEqual([
      ['chrome', '某某市人民政府 | 无障碍 | 长者模式 | English'],
      ['heading', '两县签署协作协议'],
      ['body', '两县今天签署协作协议。'],
      ['chrome', '相关链接: 中国政府网 | 省政府网站'],
      ['chrome', '两县合作项目总投资8亿元。'],
    ]);
  });

  it('reads a lead cut by layout as body, not as a headline', () => {
    const text = '两市签署合作协议\n\n5月9日,甲市与乙市召开联席会议,两市\n政府签署《甲市 乙市合作协议》和《甲乙文旅\n合作协议》。';
    const layout = analyseLayout(text);
    expect(layout.lines.filter((l) => l.kind !== 'blank').map((l) => l.kind)).toEqual(['heading', 'body', 'body', 'body']);
    expect(layout.blocks[1]?.view.text).toBe('5月9日,甲市与乙市召开联席会议,两市政府签署《甲市 乙市合作协议》和《甲乙文旅合作协议》。');
  });

  it('reads an interview question after 记者： as text, not as a byline that starts another article', () => {
    const layout = analyseLayout('访对口帮扶工作组\n\n记者：两地协作有哪些新进展？\n\n答：两地共建产业园，签署合作协议。\n\n记者：下一步有什么打算？\n\n答：力争明年两地合作项目投资不少于20亿元。');
    expect(layout.lines.filter((l) => l.kind === 'byline')).toEqual([]);
    expect(relevantBlocks(layout).some((b) => b.view.text.includes('20亿元'))).toBe(true);
  });

  it('keeps a headline of three parts between bars as a heading', () => {
    expect(kinds('深度｜青深合作｜16个重点领域先行先试\n\n两市签署合作协议。')[0]).toEqual(['heading', '深度|青深合作|16个重点领域先行先试']);
    expect(kinds('某某市人民政府 | 无障碍 | English\n\n两市签署合作协议。')[0]?.[0]).toBe('chrome');
  });
});
