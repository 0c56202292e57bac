import { placeKey, type Place } from './place-mentions.ts';
import type { Region, RegionDictionary } from './region-dictionary.ts';

/** A development or special zone: not a GB/T 2260 region, but inside one (its host). */
export interface Zone {
  /** Full name: 合肥经济技术开发区, 深汕特别合作区. */
  readonly name: string;
  readonly host: Region;
}

export interface ZoneMention {
  readonly zone: Zone;
  /** Where the zone's name is written; `outerStart` also covers a host written before it (深圳市深汕特别合作区). */
  readonly start: number;
  readonly end: number;
  readonly outerStart: number;
}

// Official zone kinds as written, with the full kind a short one stands for
// (合肥经开区 is 合肥经济技术开发区); longest first.
const ZONE_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['高新技术产业开发区', '高新技术产业开发区'],
  ['经济技术开发区', '经济技术开发区'],
  ['高新技术开发区', '高新技术开发区'],
  ['经济开发区', '经济开发区'],
  ['特别合作区', '特别合作区'],
  ['综合保税区', '综合保税区'],
  ['保税港区', '保税港区'],
  ['产业园区', '产业园区'],
  ['工业园区', '工业园区'],
  ['自贸片区', '自贸片区'],
  ['经开区', '经济技术开发区'],
  ['高新区', '高新技术产业开发区'],
  ['综保区', '综合保税区'],
  ['保税区', '保税区'],
  ['开发区', '开发区'],
  ['新区', '新区'],
];
const KIND_PATTERN = new RegExp(ZONE_KINDS.map(([written]) => written).join('|'), 'g');
// 中国(山东)自由贸易试验区青岛片区: the host is named between the zone kind and 片区.
const FREE_TRADE_AREA = /(中国\([^()]{2,8}\))?(自由贸易试验区|自贸试验区|自贸区)([\u4e00-\u9fff]{2,6}?)片区/g;
const MAX_PREFIX = 8;
// The National Bureau of Statistics lists zones among counties with a 7 as the code's fifth digit (340177).
export const isZoneCode = (code: string): boolean => code.charAt(4) === '7';

function regionNamed(name: string, dictionary: RegionDictionary): Region | null {
  return dictionary.lookup(name)[0] ?? null;
}

/** The region written just before `at` (深圳市 in 深圳市深汕特别合作区), if any. */
function regionEndingAt(text: string, at: number, dictionary: RegionDictionary): { region: Region; start: number } | null {
  for (let p = Math.max(0, at - MAX_PREFIX); p < at; p++) {
    const region = regionNamed(text.slice(p, at), dictionary);
    if (region && !isZoneCode(region.code)) return { region, start: p };
  }
  return null;
}

function isAncestor(candidate: Region, region: Region, dictionary: RegionDictionary): boolean {
  for (let code = region.parentCode; code; code = dictionary.byCode.get(code)?.parentCode ?? null) if (code === candidate.code) return true;
  return false;
}

/**
 * The zone's full name: one the statistical division list knows, else one the
 * document writes, else the name as written.
 */
function fullName(written: string, prefix: string, host: Region, fullKind: string, dictionary: RegionDictionary, document: string): string {
  const candidates = [`${prefix}${fullKind}`, `${host.name}${fullKind}`, `${host.shortName}${fullKind}`];
  for (const name of candidates) {
    const known = dictionary.lookup(name).find((r) => isZoneCode(r.code));
    if (known) return known.name;
  }
  const inDocument = candidates.find((name) => document.includes(name));
  if (inDocument) return inDocument;
  // A short kind stands for its full one (成都高新区 → 成都高新技术产业开发区).
  return written.endsWith(fullKind) ? written : `${prefix}${fullKind}`;
}

// Between a region and its zone kind, a zone's own name (四川天府新区, 宁波前湾新区, 重庆两江新区): a few Han
// characters that are no joining word, place or administrative suffix.
const ZONE_OWN_NAME = /^[\u4e00-\u9fff]{2,3}$/;
const NOT_IN_ZONE_NAME = /[与和及同、市省县区镇乡村州旗盟在于的等为将签]/;
const NAMED_ZONE_KINDS = new Set(['新区', '高新区', '经开区', '开发区', '经济开发区', '高新技术产业开发区', '经济技术开发区', '综合保税区', '保税区']);

/** A region written just before a zone's own name that ends at `at` (四川 in 四川天府新区). */
function regionBeforeOwnName(text: string, at: number, written: string, dictionary: RegionDictionary): { region: Region; start: number } | null {
  if (!NAMED_ZONE_KINDS.has(written)) return null;
  for (const size of [2, 3]) {
    const ownStart = at - size;
    const own = text.slice(ownStart, at);
    if (ownStart < 0 || !ZONE_OWN_NAME.test(own) || NOT_IN_ZONE_NAME.test(own)) continue;
    const before = regionEndingAt(text, ownStart, dictionary);
    if (before && before.region.level !== 'county') return before;
  }
  return null;
}

/**
 * Zones named as a region (or its short form, or a pair of one-character
 * abbreviations such as 深汕) followed by a zone kind. A name that is itself a
 * region (浦东新区, 滨海新区) is not a zone.
 */
export function findZones(text: string, dictionary: RegionDictionary, abbreviations: ReadonlyMap<string, Place>, document: string): ZoneMention[] {
  const zones: ZoneMention[] = [];
  for (const match of text.matchAll(KIND_PATTERN)) {
    const kindStart = match.index;
    const written = match[0];
    const fullKind = ZONE_KINDS.find(([w]) => w === written)?.[1] ?? written;
    const named = regionEndingAt(text, kindStart, dictionary) ?? regionBeforeOwnName(text, kindStart, written, dictionary);
    let prefixStart = named?.start ?? -1;
    let host: Region | null = named?.region ?? null;
    let viaPair = false;
    if (!host && kindStart >= 2) {
      const first = abbreviations.get(text.charAt(kindStart - 2));
      const second = abbreviations.get(text.charAt(kindStart - 1));
      if (first?.kind === 'region' && second && placeKey(first) !== placeKey(second)) {
        prefixStart = kindStart - 2;
        host = first.region;
        viaPair = true;
      }
    }
    if (!host) continue;
    const name = text.slice(prefixStart, kindStart + written.length);
    const asRegion = dictionary.lookup(name);
    if (asRegion.some((r) => !isZoneCode(r.code))) continue;
    const before = regionEndingAt(text, prefixStart, dictionary);
    // 深圳市深汕特别合作区: the city written before a pair-named zone administers it, unless it only contains the pair's first place.
    const administrator = viaPair && before && !isAncestor(before.region, host, dictionary) ? before.region : host;
    const zone = { name: fullName(name, text.slice(prefixStart, kindStart), host, fullKind, dictionary, document), host: administrator };
    zones.push({ zone, start: prefixStart, end: kindStart + written.length, outerStart: before?.start ?? prefixStart });
  }
  for (const match of text.matchAll(FREE_TRADE_AREA)) {
    const host = regionNamed(match[3] ?? '', dictionary);
    if (!host) continue;
    zones.push({ zone: { name: match[0], host }, start: match.index, end: match.index + match[0].length, outerStart: match.index });
  }
  return zones.sort((a, b) => a.start - b.start);
}
