import { describe, expect, it } from 'vitest';
import { ingest } from './index.ts';

const partiesOf = (text: string) => ingest(text).parties;

describe('party extractor', () => {
  it('takes the parties named in the headline, as full official names', () => {
    expect(partiesOf('厦门泉州签署协议 推动厦泉同城化\n\n两市今天签署战略合作协议。')).toEqual(['厦门市', '泉州市']);
  });

  it('reads a pair of abbreviations in the headline when the text names both places', () => {
    const text = '沪苏合作再出发\n\n上海市与江苏省在苏州签署合作协议，两省市将深化协作。';
    expect(partiesOf(text)).toEqual(['上海市', '江苏省']);
  });

  it('keeps the city and drops the province that contains it', () => {
    expect(partiesOf('广东深圳与广西南宁携手合作\n\n两市签署了合作协议。')).toEqual(['深圳市', '南宁市']);
  });

  it('reads a partner country from 中X in the headline', () => {
    const text = '苏州打造中德合作新高地\n\n苏州与德国巴伐利亚州在产业、科技等领域开展合作，德国企业持续加大投资。';
    expect(ingest(text).party_details.map((p) => [p.name, p.code, p.level])).toEqual([
      ['苏州市', '320500', 'city'],
      ['德国', 'DE', 'country'],
    ]);
  });

  it('falls back to the governments that signed when the headline names no place', () => {
    const text = '跨区域合作迈出新步伐\n\n日前，郑州市人民政府与洛阳市人民政府签署《郑洛协同发展合作协议》。';
    expect(partiesOf(text)).toEqual(['郑州市', '洛阳市']);
  });

  it('prefers the signatories to a headline that names only the venue', () => {
    const text = '区域合作论坛在南宁举行\n\n会上，广西壮族自治区人民政府与广东省人民政府签署了《桂粤深化合作框架协议》。';
    expect(partiesOf(text)).toEqual(['广西壮族自治区', '广东省']);
  });

  it('pairs places joined by a dash or by 对口帮扶 when nothing else names the parties', () => {
    const text = '昨天上午，温州-毕节共建产业园项目签约仪式举行。温州对口帮扶毕节，两市合作不断深化。';
    expect(partiesOf(text)).toEqual(['温州市', '毕节市']);
  });

  it('reads 我市 as the place of the paper that published the text', () => {
    const text = '我市与遵义市签署对口协作协议\n\n2021-03-02 来源：杭州日报\n\n日前，我市党政代表团赴遵义市考察，两地签署了《对口协作框架协议》。';
    expect(partiesOf(text)).toEqual(['遵义市', '杭州市']);
  });

  it('points every party at a place in the text that names it', () => {
    const text = '青深两地深化合作\n\n青岛与深圳签署战略合作协议。';
    for (const party of ingest(text).party_details) {
      expect(text.slice(party.start, party.end).length).toBeGreaterThan(0);
    }
  });

  it('does not read a pair of abbreviations out of everyday words', () => {
    expect(partiesOf('纵深推进南北合作\n\n会议在南京举行。北京的专家应邀出席。会上签署了合作协议。')).toEqual([]);
  });

  it('reads a traditional one-character city name in a headline pair', () => {
    const text = '穗澳签署合作备忘录\n\n广州市人民政府与澳门特别行政区政府在澳门签署合作备忘录。';
    expect(partiesOf(text)).toEqual(['广州市', '澳门特别行政区']);
  });

  it('reads three abbreviations before a signing verb', () => {
    const text = '川渝黔签署生态保护协议\n\n四川省、重庆市、贵州省生态环境部门签署《赤水河流域生态保护协议》。';
    expect(partiesOf(text)).toEqual(['四川省', '重庆市', '贵州省']);
  });

  it('takes the parties from the clause of the headline that names two, not from the project it announces', () => {
    const text = '甬舟签署合作协议 共建北仑港航服务区\n\n宁波市与舟山市签署一体化合作协议。';
    expect(partiesOf(text)).toEqual(['宁波市', '舟山市']);
  });

  it('does not take the venue of the signing for a signatory', () => {
    const text = '数据共享合作\n\n上海市、江苏省、浙江省、安徽省大数据管理部门在合肥签署《长三角数据共享合作协议》。';
    expect(partiesOf(text)).toEqual(['上海市', '江苏省', '浙江省', '安徽省']);
  });

  it('reads 宁 as Nanjing in a pair when the text names Nanjing and not Ningxia', () => {
    expect(partiesOf('宁合同城化再提速\n\n南京市、合肥市、上海市专家出席座谈。两市签署深化合作协议。')).toEqual(['南京市', '合肥市']);
  });
});

describe('party extractor: development and special zones', () => {
  const detailsOf = (text: string) => ingest(text).party_details.map((p) => [p.name, p.code]);

  it('takes a zone that signs as a party under its full name, keeping its host city as the region', () => {
    const text = '杭州高新区与衢州市签署山海协作协议\n\n4月2日，杭州高新技术产业开发区管委会与衢州市人民政府签署《山海协作框架协议》。';
    expect(detailsOf(text)).toEqual([
      ['杭州高新技术产业开发区', '330100'],
      ['衢州市', '330800'],
    ]);
  });

  it('reads a zone named by a pair of abbreviations, with the host city written before it as its region', () => {
    const text = '珠阳特别合作区与阳江市签署协同发展协议\n\n3月2日，珠海市珠阳特别合作区管委会与阳江市人民政府在阳江签署《协同发展合作协议》。';
    expect(detailsOf(text)).toEqual([
      ['珠阳特别合作区', '440400'],
      ['阳江市', '441700'],
    ]);
  });

  it('keeps the city, not the province written before it, as the region of a zone', () => {
    expect(detailsOf('安徽合肥经开区与上海闵行区签署合作协议\n\n两地签署协议。')).toEqual([
      ['合肥经济技术开发区', '340100'],
      ['上海市闵行区', '310112'],
    ]);
  });

  it('reads a zone among the signatories when the headline names no party', () => {
    const text = '园区合作迈出新步伐\n\n日前，无锡市与盐城经济开发区在盐城签署《合作共建协议》。';
    expect(partiesOf(text)).toEqual(['无锡市', '盐城经济开发区']);
  });

  it('reads a zone paired with a city as 两地', () => {
    const text = '长沙经开区、株洲市两地签署产业协作协议\n\n长沙经济技术开发区与株洲市在株洲签署协议。';
    expect(partiesOf(text)).toEqual(['长沙经济技术开发区', '株洲市']);
  });

  it('does not take a zone that the parties build together for a party', () => {
    const text = '闵行区与合肥市签署合作协议 共建合肥经开区产业园\n\n上海市闵行区与合肥市签署合作协议。';
    expect(partiesOf(text)).toEqual(['上海市闵行区', '合肥市']);
  });

  it('does not take the zones of a sub-agreement signed under a city-level framework', () => {
    const text = '双城联动迈出新步伐\n\n2月17日，大连市人民政府与烟台市人民政府签署框架协议，金州经济开发区与烟台经济技术开发区签署专项协议。';
    expect(partiesOf(text)).toEqual(['大连市', '烟台市']);
  });

  it('does not take a zone that is the venue of the signing', () => {
    const text = '数据合作\n\n上海市与江苏省在苏州工业园区签署《数据共享协议》。';
    expect(partiesOf(text)).toEqual(['上海市', '江苏省']);
  });

  it('keeps a region whose official name ends in 新区 a region', () => {
    const text = '浦东新区与昆山市签署合作协议\n\n浦东新区与昆山市签署全面合作协议。';
    expect(detailsOf(text)).toEqual([
      ['上海市浦东新区', '310115'],
      ['昆山市', '320583'],
    ]);
  });
});

describe('party extractor: regions below the city', () => {
  it('names a district or county with its city, and a county-level city alone', () => {
    const text = '两地合作\n\n5月25日，成都市武侯区与邛崃市签署产业协同发展战略合作协议。';
    expect(partiesOf(text)).toEqual(['成都市武侯区', '邛崃市']);
    expect(partiesOf('两区合作\n\n上海黄浦区与重庆万州区签订对口支援项目实施协议书。')).toEqual(['上海市黄浦区', '重庆市万州区']);
  });

  it('reads an autonomous county written with its plain suffix, with its prefecture', () => {
    expect(partiesOf('三县签订协同发展框架协议\n\n近日，海北州门源县、西宁市大通县、海东市互助县签订高质量协同发展框架协议。')).toEqual([
      '海北藏族自治州门源回族自治县',
      '西宁市大通回族土族自治县',
      '海东市互助土族自治县',
    ]);
  });

  it('keeps a district name that several cities share as written when the text does not say which', () => {
    expect(partiesOf('两区携手\n\n城关区与海淀区签署合作协议。')).toEqual(['城关区', '北京市海淀区']);
  });

  it('returns the names of a traditional text in its characters', () => {
    expect(partiesOf('宕昌縣與渝中區結為旅遊文化友好區縣\n\n12月1日，甘肅宕昌縣與重慶市渝中區簽署旅遊文化友好區縣戰略合作協議。')).toEqual([
      '隴南市宕昌縣',
      '重慶市渝中區',
    ]);
  });

  it('finds no parties when the text names one region alone', () => {
    expect(partiesOf('奉节集中签约80个招商引资项目\n\n3月27日，奉节县举行招商引资项目集中签约仪式，80个项目集中签约。')).toEqual([]);
  });

  it('reads a zone named with its own name between the region and its kind, and expands a short kind', () => {
    expect(partiesOf('新区合作\n\n四川天府新区和青岛西海岸新区签署战略合作框架协议。')).toEqual(['四川天府新区', '青岛西海岸新区']);
    expect(partiesOf('两区合作\n\n5月20日，成都高新区与成都市温江区签署战略合作协议。')).toEqual(['成都高新技术产业开发区', '成都市温江区']);
  });
});
