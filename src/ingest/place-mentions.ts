import { countryAt, countryByAbbreviation, type Country } from './country-names.ts';
import type { Region, RegionDictionary } from './region-dictionary.ts';

/** A Chinese region or a partner country. */
export type Place = { readonly kind: 'region'; readonly region: Region } | { readonly kind: 'country'; readonly country: Country };

export function placeKey(place: Place): string {
  return place.kind === 'region' ? place.region.code : place.country.code;
}

/** A written name that may refer to several regions (吉林: province or city). */
export interface RawPlaceMention {
  readonly start: number;
  readonly end: number;
  readonly regions: readonly Region[];
  readonly country: Country | null;
}

/** Every region or country name in a text, longest match first, left to right. */
export function scanPlaces(text: string, dictionary: RegionDictionary): RawPlaceMention[] {
  const mentions: RawPlaceMention[] = [];
  let i = 0;
  while (i < text.length) {
    const region = dictionary.matchAt(text, i);
    const country = countryAt(text, i);
    if (country && (!region || country.length > region.length)) {
      mentions.push({ start: i, end: i + country.length, regions: [], country: country.country });
      i += country.length;
    } else if (region && /[区县]/.test(text.charAt(i + region.length - 1)) && /^[区县]/.test(text.charAt(i + region.length)) && region.length <= 3) {
      // 友好区县, 示范区县: a word before 区县 (districts and counties), not the district 友好区.
      i += region.length;
    } else if (region) {
      mentions.push({ start: i, end: i + region.length, regions: region.regions, country: null });
      i += region.length;
    } else i++;
  }
  return mentions;
}

/**
 * Chooses one region for an ambiguous name: the one whose parent is also
 * named in the text, else the most senior.
 */
export function resolveMention(mention: RawPlaceMention, namedCodes: ReadonlySet<string>): Place | null {
  if (mention.country) return { kind: 'country', country: mention.country };
  const [first] = mention.regions;
  if (!first) return null;
  const withParent = mention.regions.find((r) => r.parentCode !== null && namedCodes.has(r.parentCode));
  return { kind: 'region', region: mention.regions.length > 1 && withParent ? withParent : first };
}

// Words that follow a pair of one-character place abbreviations in news
// (青深合作, 深汕两市, 烟大合作, 中日(青岛)地方发展合作示范区).
const PAIR_FOLLOWERS = /^(两地|两市|两省|两区|两县|两国|三地|三省|三市|多地|双城|双方|合作|协作|协同|联动|一体化|对口|携手|深度|跨区域|同城|经济圈|都市圈|交流|互动|友好|地方|经贸|产业|签署|签订|共建|\()/;
const DIRECTIONS = /[东西南北中上下内外]/;
const HAN = /[\u4e00-\u9fff]/;

export interface PairMention {
  readonly start: number;
  readonly end: number;
  readonly places: readonly Place[];
}

/**
 * Pairs such as 青深, 深汕, 申青 and 中日: two or three abbreviation
 * characters before a cooperation word. A character counts only when it
 * abbreviates a place the text names in full elsewhere (passed in), so 纵深
 * or 南北 are not read as places.
 */
export function findPairs(text: string, abbreviations: ReadonlyMap<string, Place>, namedCountries: ReadonlySet<string>): PairMention[] {
  const pairs: PairMention[] = [];
  for (let i = 0; i + 2 <= text.length; i++) {
    if (i > 0 && HAN.test(text.charAt(i - 1)) && abbreviations.has(text.charAt(i - 1))) continue;
    for (const size of [3, 2]) {
      const chars = [...text.slice(i, i + size)];
      if (chars.length !== size || !PAIR_FOLLOWERS.test(text.slice(i + size, i + size + 4))) continue;
      const places = placesOfPair(chars, abbreviations, namedCountries);
      if (places) {
        pairs.push({ start: i, end: i + size, places });
        i += size - 1;
        break;
      }
    }
  }
  return pairs;
}

function placesOfPair(chars: readonly string[], abbreviations: ReadonlyMap<string, Place>, namedCountries: ReadonlySet<string>): Place[] | null {
  if (chars[0] === '中') {
    // 中日, 中日韩: China and partner countries; China itself is not a party.
    const countries = chars.slice(1).map((c) => countryByAbbreviation(c));
    if (countries.every((c): c is Country => c !== null && namedCountries.has(c.code))) {
      return countries.map((country) => ({ kind: 'country', country }));
    }
    return null;
  }
  if (chars.every((c) => DIRECTIONS.test(c))) return null;
  const places = chars.map((c) => abbreviations.get(c));
  if (!places.every((p): p is Place => p !== undefined)) return null;
  const keys = new Set(places.map(placeKey));
  return keys.size === places.length ? places : null;
}
