/**
 * Partner countries of international cooperations (中日, 中德 demonstration
 * zones and parks), with the one-character form used in 中X pairs.
 */
export interface Country {
  /** ISO 3166-1 alpha-2, as the regions table stores countries. */
  readonly code: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly abbreviation: string | null;
}

const COUNTRIES: readonly Country[] = [
  { code: 'JP', name: '日本', aliases: [], abbreviation: '日' },
  { code: 'KR', name: '韩国', aliases: [], abbreviation: '韩' },
  { code: 'DE', name: '德国', aliases: [], abbreviation: '德' },
  { code: 'FR', name: '法国', aliases: [], abbreviation: '法' },
  { code: 'RU', name: '俄罗斯', aliases: [], abbreviation: '俄' },
  { code: 'US', name: '美国', aliases: [], abbreviation: '美' },
  { code: 'GB', name: '英国', aliases: [], abbreviation: '英' },
  { code: 'SG', name: '新加坡', aliases: [], abbreviation: '新' },
  { code: 'IL', name: '以色列', aliases: [], abbreviation: '以' },
  { code: 'IT', name: '意大利', aliases: [], abbreviation: '意' },
  { code: 'ES', name: '西班牙', aliases: [], abbreviation: '西' },
  { code: 'NL', name: '荷兰', aliases: [], abbreviation: '荷' },
  { code: 'CH', name: '瑞士', aliases: [], abbreviation: '瑞' },
  { code: 'AT', name: '奥地利', aliases: [], abbreviation: '奥' },
  { code: 'BE', name: '比利时', aliases: [], abbreviation: '比' },
  { code: 'DK', name: '丹麦', aliases: [], abbreviation: '丹' },
  { code: 'FI', name: '芬兰', aliases: [], abbreviation: '芬' },
  { code: 'SE', name: '瑞典', aliases: [], abbreviation: null },
  { code: 'NO', name: '挪威', aliases: [], abbreviation: '挪' },
  { code: 'HU', name: '匈牙利', aliases: [], abbreviation: '匈' },
  { code: 'PL', name: '波兰', aliases: [], abbreviation: '波' },
  { code: 'CZ', name: '捷克', aliases: [], abbreviation: '捷' },
  { code: 'GR', name: '希腊', aliases: [], abbreviation: '希' },
  { code: 'PT', name: '葡萄牙', aliases: [], abbreviation: '葡' },
  { code: 'BY', name: '白俄罗斯', aliases: [], abbreviation: '白' },
  { code: 'KZ', name: '哈萨克斯坦', aliases: [], abbreviation: '哈' },
  { code: 'UZ', name: '乌兹别克斯坦', aliases: [], abbreviation: '乌' },
  { code: 'MN', name: '蒙古国', aliases: [], abbreviation: '蒙' },
  { code: 'TH', name: '泰国', aliases: [], abbreviation: '泰' },
  { code: 'VN', name: '越南', aliases: [], abbreviation: '越' },
  { code: 'LA', name: '老挝', aliases: [], abbreviation: '老' },
  { code: 'KH', name: '柬埔寨', aliases: [], abbreviation: '柬' },
  { code: 'MM', name: '缅甸', aliases: [], abbreviation: '缅' },
  { code: 'MY', name: '马来西亚', aliases: [], abbreviation: '马' },
  { code: 'ID', name: '印度尼西亚', aliases: ['印尼'], abbreviation: null },
  { code: 'PH', name: '菲律宾', aliases: [], abbreviation: '菲' },
  { code: 'IN', name: '印度', aliases: [], abbreviation: '印' },
  { code: 'PK', name: '巴基斯坦', aliases: [], abbreviation: '巴' },
  { code: 'AE', name: '阿联酋', aliases: ['阿拉伯联合酋长国'], abbreviation: null },
  { code: 'SA', name: '沙特阿拉伯', aliases: ['沙特'], abbreviation: null },
  { code: 'EG', name: '埃及', aliases: [], abbreviation: '埃' },
  { code: 'AU', name: '澳大利亚', aliases: [], abbreviation: null },
  { code: 'NZ', name: '新西兰', aliases: [], abbreviation: null },
  { code: 'CA', name: '加拿大', aliases: [], abbreviation: '加' },
  { code: 'BR', name: '巴西', aliases: [], abbreviation: null },
];

const BY_WRITTEN_NAME: ReadonlyMap<string, Country> = new Map(COUNTRIES.flatMap((c) => [c.name, ...c.aliases].map((n) => [n, c] as const)));
const BY_ABBREVIATION: ReadonlyMap<string, Country> = new Map(
  COUNTRIES.filter((c) => c.abbreviation !== null).map((c) => [c.abbreviation ?? '', c] as const),
);
const LONGEST_NAME = Math.max(...[...BY_WRITTEN_NAME.keys()].map((n) => n.length));
const FIRST_CODES = new Set([...BY_WRITTEN_NAME.keys()].map((n) => n.charCodeAt(0)));

/** The longest country name written at text[at], if any. */
export function countryAt(text: string, at: number): { length: number; country: Country } | null {
  if (!FIRST_CODES.has(text.charCodeAt(at))) return null;
  for (let length = Math.min(LONGEST_NAME, text.length - at); length >= 2; length--) {
    const country = BY_WRITTEN_NAME.get(text.slice(at, at + length));
    if (country) return { length, country };
  }
  return null;
}

export function countryByAbbreviation(char: string): Country | null {
  return BY_ABBREVIATION.get(char) ?? null;
}
