/**
 * GB/T 4754-2017 《国民经济行业分类》: the 20 门类 (sections) with their 大类 (two-digit divisions) ranges, so a
 * project's industry is a code both sides count the same way. Plain data: the web imports it too.
 */
export interface IndustrySection {
  code: string;
  zh: string;
  en: string;
  /** The first and last 大类 of the section. */
  divisions: readonly [number, number];
}

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { code: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery', divisions: [1, 5] },
  { code: 'B', zh: '采矿业', en: 'Mining', divisions: [6, 12] },
  { code: 'C', zh: '制造业', en: 'Manufacturing', divisions: [13, 43] },
  { code: 'D', zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water production and supply', divisions: [44, 46] },
  { code: 'E', zh: '建筑业', en: 'Construction', divisions: [47, 50] },
  { code: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade', divisions: [51, 52] },
  { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services', divisions: [53, 60] },
  { code: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering', divisions: [61, 62] },
  { code: 'I', zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and information technology services', divisions: [63, 65] },
  { code: 'J', zh: '金融业', en: 'Finance', divisions: [66, 69] },
  { code: 'K', zh: '房地产业', en: 'Real estate', divisions: [70, 70] },
  { code: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services', divisions: [71, 72] },
  { code: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services', divisions: [73, 75] },
  { code: 'N', zh: '水利、环境和公共设施管理业', en: 'Water conservancy, environment and public facilities management', divisions: [76, 79] },
  { code: 'O', zh: '居民服务、修理和其他服务业', en: 'Resident services, repair and other services', divisions: [80, 82] },
  { code: 'P', zh: '教育', en: 'Education', divisions: [83, 83] },
  { code: 'Q', zh: '卫生和社会工作', en: 'Health and social work', divisions: [84, 85] },
  { code: 'R', zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment', divisions: [86, 90] },
  { code: 'S', zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organizations', divisions: [91, 96] },
  { code: 'T', zh: '国际组织', en: 'International organizations', divisions: [97, 97] },
];

export const INDUSTRY_CODES = INDUSTRY_SECTIONS.map((s) => s.code) as [string, ...string[]];

/** Whether a two-digit 大类 lies in the 门类 named. */
export function divisionInSection(section: string, division: string): boolean {
  const found = INDUSTRY_SECTIONS.find((s) => s.code === section);
  if (!found || !/^\d{2}$/.test(division)) return false;
  const n = Number(division);
  return n >= found.divisions[0] && n <= found.divisions[1];
}

