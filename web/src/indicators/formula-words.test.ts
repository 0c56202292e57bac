import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Party } from '../api/types.ts';
import en from '../i18n/en.json' with { type: 'json' };
import zhCN from '../i18n/zh-CN.json' with { type: 'json' };
import { formulaWords } from './formula-words.ts';

const side = (id: string, name: string): Party => ({
  id,
  name,
  regionCode: '',
  regionName: name,
  ordinal: 0,
  version: 1,
  coordinatingOrganization: null,
  hasOffice: true,
  can: { edit: false, registerUnits: false, manageMembers: false, appointOffice: false, manageTasks: false },
});

async function translator(lng: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const parties = [side('p-sz', '深圳市'), side('p-qd', '青岛市')];
const inPlace = { measure: 'in_place', where: { hostPartyId: 'p-qd', investorPartyId: 'p-sz' }, currency: null, divisor: 1e8, text: 'in_place where investorPartyId=p-sz, hostPartyId=p-qd ÷ 100000000' };

describe('a formula in words', () => {
  it('names the measure, the sides by name and the conversion, in Chinese and in English', async () => {
    expect(formulaWords(inPlace, parties, await translator('zh-CN'), 'zh-CN')).toBe('到位资金 · 投资方：深圳市 · 承接方：青岛市 · 元→亿元（÷1亿）');
    expect(formulaWords(inPlace, parties, await translator('en'), 'en')).toBe('Funds in place · Investor side: 深圳市 · Host side: 青岛市 · yuan → 亿 (÷ 100 million)');
  });

  it('says a trade kind by its name and a side that left the cooperation as such', async () => {
    const zh = await translator('zh-CN');
    const trade = { measure: 'cross_side_quantity', where: { fromPartyId: 'gone', crossSideKind: 'green_certificate', unit: 'MWh' }, currency: null, divisor: 1, text: '' };
    expect(formulaWords(trade, parties, zh, 'zh-CN')).toBe('跨区域交易数量 · 卖方（输出方）：（已不在本合作中的一方） · 交易类型：绿证 · 数量单位：MWh');
  });
});
