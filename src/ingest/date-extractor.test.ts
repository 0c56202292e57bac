import { describe, expect, it } from 'vitest';
import { resolveDate, type CalendarDate } from './date-extractor.ts';
import { ingest } from './index.ts';

const dateline: CalendarDate = { year: 2023, month: 6, day: 12 };
const resolved = (text: string, line: CalendarDate | null = dateline) => {
  const found = resolveDate(text, line);
  return found?.date ? `${found.date.year}-${found.date.month}-${found.date.day}` : null;
};

describe('date extractor', () => {
  it('reads a full date on its own', () => {
    expect(resolved('2021年3月8日，两市签署协议', null)).toBe('2021-3-8');
    expect(resolved('二〇二一年三月八日签署', null)).toBe('2021-3-8');
  });

  it('takes the year of a bare month and day from the dateline', () => {
    expect(resolved('6月10日，双方签署框架协议')).toBe('2023-6-10');
    expect(resolved('今年5月，双方签署')).toBeNull();
  });

  it('puts a month and day later than the dateline in the year before', () => {
    expect(resolved('12月28日，双方签署')).toBe('2022-12-28');
    expect(resolved('去年9月3日，两市签署')).toBe('2022-9-3');
  });

  it('reads 今天 and 昨天 against the dateline', () => {
    expect(resolved('今天上午，两市签署协议')).toBe('2023-6-12');
    expect(resolved('昨天，两市签署协议', { year: 2023, month: 3, day: 1 })).toBe('2023-2-28');
  });

  it('never gives a day for 日前 or 近日', () => {
    expect(resolved('日前，两市签署协议')).toBeNull();
    expect(resolved('近日，两市签署协议')).toBeNull();
  });

  it('gives no complete date for a month and day without a dateline', () => {
    expect(resolved('11月26日，两市签署协议', null)).toBeNull();
  });

  it('dates the signing from the dateline of a news page', () => {
    const text = '两市签署合作协议\n\n2022-04-20 09:12 来源：某某日报\n\n本报讯 昨天，甲市人民政府与乙市人民政府签署战略合作协议。';
    const result = ingest(text.replace('甲市', '南京市').replace('乙市', '合肥市'));
    expect(result.signed_on).toBe('2022-04-19');
    expect(result.signed_on_text).toBe('昨天');
  });

  it('skips the dispatch date of a news agency lead', () => {
    const text = '新华社成都5月9日电 5月8日，两省签署协议';
    expect(resolveDate(text, null)?.start).toBe(text.indexOf('5月8日'));
  });

  it('dates a signing by the lead sentence of its paragraph', () => {
    const text = '论坛举行\n\n2023-09-18 来源：某报\n\n9月17日，区域合作论坛在南宁举行。广西壮族自治区人民政府与广东省人民政府签署了《桂粤合作框架协议》。';
    expect(ingest(text).signed_on).toBe('2023-09-17');
  });

  it('dates a named agreement by the lead paragraph of its article', () => {
    const text =
      '两市对口合作座谈会举行\n\n发布时间：2018-10-15\n\n10月12日上午，两市对口合作座谈会在本溪举行。\n\n座谈结束后，泰州市与本溪市签署了对口合作框架协议。';
    expect(ingest(text).signed_on).toBe('2018-10-12');
  });

  it('keeps the words of an incomplete signing date', () => {
    const result = ingest('两市签署合作协议\n\n9月5日，南京市人民政府与合肥市人民政府签署战略合作协议。');
    expect(result.signed_on).toBeNull();
    expect(result.signed_on_text).toBe('9月5日');
  });

  it('counts 昨天 and a bare 日 from the dispatch date of a 讯 or 电 lead', () => {
    expect(resolved('本报凯里6月11日讯 昨天，两地签署协作协议')).toBe('2023-6-10');
    expect(resolved('新华社成都6月9日电 两省8日在成都签署协议')).toBe('2023-6-8');
  });

  it('dates an agreement\'s own text by the date under its signature block', () => {
    const result = ingest('甲市人民政府 乙市人民政府\n甲乙同城化发展合作框架协议\n\n经双方友好协商，达成如下协议。\n\n一、合作原则\n坚持优势互补。\n\n二、合作内容\n（一）推进规划协同。\n（二）共建产业体系。\n\n三、附则\n本协议自签字之日起生效。\n\n甲方：甲市人民政府    乙方：乙市人民政府\n2023年9月12日');
    expect([result.signed_on, result.signed_on_text]).toEqual(['2023-09-12', '2023年9月12日']);
  });
});

describe('date extractor: spans and site dispatches', () => {
  it('dates no signing from a span of days', () => {
    expect(ingest('两地合作\n发布时间：2021-06-23\n\n6月16日至17日，代表团赴马边考察，双方签署《东西部协作框架协议》。').signed_on).toBeNull();
  });

  it('takes a site’s 1月11日消息 for a dispatch, so 日前 still gives no day', () => {
    expect(ingest('两县结好\n2013年01月11日 15:11:00\n\n你好台湾网1月11日消息 松溪县日前与新竹县签订协议书。').signed_on).toBeNull();
  });
});
