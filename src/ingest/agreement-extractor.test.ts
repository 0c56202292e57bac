import { describe, expect, it } from 'vitest';
import { ingest } from './index.ts';

describe('agreement extractor', () => {
  it('takes the agreement the two governments sign as the main one', () => {
    const result = ingest(
      '两市深化合作\n\n3月2日，绍兴市人民政府与嘉兴市人民政府签署《绍兴市 嘉兴市深化一体化发展战略合作协议》，两市商务局同日签订了经贸合作备忘录。',
    );
    expect(result.agreement).toBe('绍兴市 嘉兴市深化一体化发展战略合作协议');
    expect(result.sub_agreements).toEqual(['经贸合作备忘录']);
  });

  it('reads a bracketed agreement whose name ends with its years', () => {
    const text = '对口合作\n\n两区签订《松江区与东宁市对口合作框架协议（2022-2025年）》。';
    expect(ingest(text).agreement).toBe('松江区与东宁市对口合作框架协议（2022-2025年）');
  });

  it('reads texts in traditional characters', () => {
    const result = ingest('兩市合作\n\n9月10日，天水市政府與濟南市政府簽訂了戰略合作協議。');
    expect(result.agreement).toBe('戰略合作協議');
    // Names come back in the characters the text writes them in.
    expect(result.parties).toEqual(['天水市', '濟南市']);
  });

  it('reads an unbracketed name after the signing verb', () => {
    const result = ingest('两市合作\n\n会上，徐州市政府与连云港市政府签署了港产城联动发展框架协议。');
    expect(result.agreement).toBe('港产城联动发展框架协议');
  });

  it('lists the bracketed agreements signed alongside, each once', () => {
    const result = ingest(
      '签约\n\n当天，两省人民政府签署《战略合作框架协议》，两省交通运输厅签署《交通一体化合作协议》，两省科技厅签署《科技创新协同合作协议》。',
    );
    expect(result.agreement).toBe('战略合作框架协议');
    expect(result.sub_agreements).toEqual(['交通一体化合作协议', '科技创新协同合作协议']);
  });

  it('reads the items of a 1+N list of special agreements', () => {
    const result = ingest('两市签署“1+3”合作协议\n\n会上，两市签署战略合作协议及生态环保、教育、医疗等3个专项合作协议。');
    expect(result.agreement).toBe('战略合作协议');
    expect(result.sub_agreements).toEqual(['生态环保', '教育', '医疗']);
  });

  it('lists each agreement of a bracketed list once', () => {
    const text = '两市签约\n\n会上，两市政府签署了战略合作协议，两市部门签署了《教育合作协议》、《医疗合作协议》等2份协议。';
    expect(ingest(text).sub_agreements).toEqual(['教育合作协议', '医疗合作协议']);
  });

  it('takes a plan the text keeps naming as the main document when no agreement is signed', () => {
    const text =
      '方案印发\n\n省发展改革委印发《鲁苏毗邻地区协同发展实施方案》（以下简称《实施方案》）。《实施方案》明确了目标。《实施方案》提出三项任务。';
    expect(ingest(text).agreement).toBe('鲁苏毗邻地区协同发展实施方案');
  });

  it('takes the agreement a headline announces even when departments sign it', () => {
    const text = '两市商务局签署经贸合作框架协议\n\n6月8日，扬州市商务局与泰州市商务局签署经贸合作框架协议。';
    expect(ingest(text).agreement).toBe('经贸合作框架协议');
  });

  it('leaves the agreement empty when only departments and firms sign', () => {
    const result = ingest('合作签约\n\n7月3日，市大数据局与5家企业签署战略合作框架协议。');
    expect(result.agreement).toBeNull();
    // A generic name is qualified by who signed it when that is short.
    expect(result.sub_agreements).toEqual(['市大数据局与5家企业签署战略合作框架协议']);
  });

  it('lists the other signings of the event even when they carry no date', () => {
    const result = ingest(
      '两市合作\n\n6月3日，温州市政府与台州市政府签署战略合作框架协议。两市高新区分别签署了园区共建合作协议。两市港口集团签署了港口联动发展合作协议。',
    );
    expect(result.sub_agreements).toEqual(['园区共建合作协议', '港口联动发展合作协议']);
  });

  it('does not list the examples a text gives of earlier cooperation', () => {
    const text = '两市合作\n\n6月3日，温州市政府与台州市政府签署战略合作框架协议。\n\n近年来两市交流频繁。诸如，两市文旅部门签订了文旅合作协议。';
    expect(ingest(text).sub_agreements).toEqual([]);
  });

  it('does not list a signing reported as background', () => {
    const result = ingest('两市合作\n\n5月8日，宁波市政府与舟山市政府签署战略合作协议。去年，两市港口集团签订了合作框架协议。');
    expect(result.sub_agreements).toEqual([]);
  });

  it('takes the agreement a headline announces without its parties as the main one, whoever signs it', () => {
    const result = ingest(
      '川渝签署科技协同创新合作协议\n\n6月3日，四川省科技厅与重庆市科技局签署《川渝科技协同创新合作协议》，同时签署《川渝科研仪器共享协议》等2项专项协议。',
    );
    expect(result.agreement).toBe('川渝科技协同创新合作协议');
    expect(result.sub_agreements).toEqual(['川渝科研仪器共享协议']);
  });

  it('takes an agreement that departments of several regions sign as the main one, but not one a firm signs', () => {
    const signed = ingest('数据共享合作\n\n9月2日，江苏省、浙江省大数据管理部门在南京签署《苏浙数据共享合作协议》。');
    expect(signed.agreement).toBe('苏浙数据共享合作协议');
    const firm = ingest('城市治理合作\n\n7月1日，南京市城市管理局与杭州某某科技有限公司签署《智慧城管合作协议》。');
    expect(firm.agreement).toBeNull();
  });

  it('reads the signatories of a clause that opens with the verb from the clause before', () => {
    const result = ingest('两地协作\n\n考察期间，两地召开东西部协作联席会议，签订了《甲县 乙县东西部协作协议》。');
    expect(result.agreement).toBe('甲县 乙县东西部协作协议');
  });

  it('takes the name heading an agreement\'s own text as the main agreement', () => {
    expect(ingest('甲市人民政府 乙市人民政府\n甲乙同城化发展合作框架协议\n\n经双方友好协商，达成如下协议。\n\n一、合作原则\n坚持优势互补。\n\n二、合作内容\n（一）推进规划协同。\n（二）共建产业体系。\n\n三、附则\n本协议自签字之日起生效。\n\n甲方：甲市人民政府    乙方：乙市人民政府\n2023年9月12日').agreement).toBe('甲乙同城化发展合作框架协议');
    expect(ingest('两市合作框架协议\n\n两市将加强合作。').agreement).toBeNull();
  });

  it('does not take an agreement signed alongside (还签署…等5项) for the main one', () => {
    const result = ingest('两地合作\n\n6月17日，甲市与乙区签署全面深化战略合作框架协议。会上，两地还签署了《甲乙毗邻地区一体化合作协议》等5项专项协议。');
    expect(result.agreement).toBe('全面深化战略合作框架协议');
    expect(result.sub_agreements).toEqual(['甲乙毗邻地区一体化合作协议']);
  });

  it('lists a document the meeting adopts where the agreement is signed', () => {
    const result = ingest('对口支援\n\n3月13日，联席会议审议了《甲省对口支援乙州2024年工作计划》，甲省指挥部与乙州人民政府签订《2024年对口支援工作协议》。');
    expect(result.agreement).toBe('2024年对口支援工作协议');
    expect(result.sub_agreements).toEqual(['甲省对口支援乙州2024年工作计划']);
  });
});
