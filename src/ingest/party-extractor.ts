import type { Block, DocumentLayout } from './document-layout.ts';
import type { Confidence, PartyDetail, PartyReason } from './ingest-result.ts';
import { findPairs, placeKey, resolveMention, scanPlaces, type Place } from './place-mentions.ts';
import type { RegionDictionary } from './region-dictionary.ts';
import { buildView, pieceOf, writtenAs, type TextView } from './text-normaliser.ts';
import { findZones, isZoneCode, type Zone, type ZoneMention } from './zone-names.ts';

/** A range of a view: the headline, or the sentence of the main signing. */
export interface ViewRange {
  readonly view: TextView;
  readonly start: number;
  readonly end: number;
}

/** A party: a region, a partner country, or a zone that signs in its own name. */
type Party = Place | { readonly kind: 'zone'; readonly zone: Zone };

const partyKey = (party: Party): string => (party.kind === 'zone' ? `zone:${party.zone.name}` : placeKey(party));

interface Seen {
  readonly place: Party;
  readonly start: number;
  readonly end: number;
}

interface Occurrence {
  readonly place: Place;
  count: number;
  first: Seen;
}

const VENUE = /^[在于赴]$/;
const MUNICIPALITY_CODES = new Set(['110000', '120000', '310000', '500000']);
const PROVINCE_ABBREVIATIONS = '京津冀晋蒙辽吉黑沪申苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇云藏陕秦甘陇青宁新港澳台';
// Where a headline's clauses meet: a space, a comma, a colon.
const HEADLINE_BREAK = /[\s，,：:；;！!？?|｜]/;
// Cities written with a traditional one-character name that is not their first character.
const CITY_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['穗', '广州市'], ['甬', '宁波市'], ['榕', '福州市'], ['蓉', '成都市'], ['邕', '南宁市'], ['筑', '贵阳市'], ['鹭', '厦门市'], ['莞', '东莞市'],
  ['宁', '南京市'], ['锡', '无锡市'], ['汉', '武汉市'],
];

/**
 * The one-character names a text may give its parties in a pair (青深, 宁合,
 * 穗港): the first character of each, its traditional city name, and a
 * province's official abbreviation.
 */
export function partyAbbreviations(parties: readonly PartyDetail[], dictionary: RegionDictionary): Map<string, string> {
  const table = new Map<string, string>();
  for (const party of parties) {
    table.set(party.name.charAt(0), party.name);
    for (const [char, name] of CITY_ALIASES) if (name === party.name) table.set(char, party.name);
    for (const char of PROVINCE_ABBREVIATIONS) if (dictionary.abbreviation(char)?.name === party.name) table.set(char, party.name);
  }
  return table;
}
const SELF_REFERENCE = /我市|我区|我县|我省|我州|本市|本区|本县/;
// Lines that say who published a page: 来源：本溪日报, 本报青岛讯, masthead.
const PUBLISHER = /日报|晚报|晨报|新闻|融媒|电视台|广播|发布|来源|政府网|门户/;
const OWN_LEAD = /^本报(\S{2,6})讯/;
const COOPERATION_SENTENCE = /合作|协作|协议|签署|签订|签约|结对|对口|联动|携手|共建|帮扶/;
// How news joins two cooperating places: 青岛与深圳, 青岛-安顺, 青岛对口帮扶安顺.
const JOINED_PAIR = /^(与|和|同|及|、|-|~|(对口)?(帮扶|支援|协作|合作)|结对)$/;
// A zone is a party when it opens a clause or follows a joining word, and is
// followed (after its administration, 管委会) by another party or the signing
// itself: A与B签署, A、B两地, B在合肥签署.
const BEFORE_PARTY = /(^|[与和同及、，,：:\s])$/;
const ZONE_ADMINISTRATION = /^(管委会|管理委员会|党工委|管委|人民政府|政府)+/;
const AFTER_PARTY = /^(与|和|同|及|、|签署|签订|签约|携手|结对|两地|两区|双方|共同|在[^，。、与和]{1,12}?(签|举行))/;
const SIGNING_VERB = /签署|签订|签约/;

function parentChain(place: Party, dictionary: RegionDictionary): Set<string> {
  const codes = new Set<string>();
  if (place.kind === 'country') return codes;
  const first = place.kind === 'zone' ? place.zone.host.code : place.region.parentCode;
  for (let code: string | null = first; code; code = dictionary.byCode.get(code)?.parentCode ?? null) codes.add(code);
  return codes;
}

/** Whether a zone named in a headline clause or the signing sentence is one of the sides that sign. */
function zoneSigns(mention: ZoneMention, text: string, range: { start: number; end: number }): boolean {
  const verb = text.slice(range.start, range.end).search(SIGNING_VERB);
  // Zones named after the main signing are the subjects of sub-agreements or projects.
  if (verb >= 0 && mention.end > range.start + verb) return false;
  const after = text.slice(mention.end, range.end).replace(ZONE_ADMINISTRATION, '');
  return BEFORE_PARTY.test(text.slice(range.start, mention.outerStart)) && AFTER_PARTY.test(after);
}

/** Drops a province or city when a region inside it is also a party (广东 深圳 → 深圳). */
function withoutContainers(places: readonly Seen[], dictionary: RegionDictionary): Seen[] {
  const ancestors = new Set(places.flatMap((p) => [...parentChain(p.place, dictionary)]));
  const unique = new Map<string, Seen>();
  for (const p of places) if (!ancestors.has(partyKey(p.place)) && !unique.has(partyKey(p.place))) unique.set(partyKey(p.place), p);
  return [...unique.values()];
}

// The headline and the signing sentence say who the sides are; the publisher and the most joined pair are guesses.
const CONFIDENCE_OF: Readonly<Record<PartyReason, Confidence>> = {
  headline_and_signing: 'high',
  signing: 'high',
  headline: 'medium',
  publisher: 'low',
  joined_pair: 'low',
};

function toDetail(seen: Seen, view: TextView, reason: PartyReason): PartyDetail {
  const piece = pieceOf(view, seen.start, seen.end);
  const { place } = seen;
  const why = { confidence: CONFIDENCE_OF[reason], reason, start: piece.start, end: piece.end };
  if (place.kind === 'zone') {
    // A zone keeps its host's code: the commit path and the import page pick a region by code.
    const { host } = place.zone;
    return { name: place.zone.name, code: host.code, level: host.level, ...why };
  }
  return place.kind === 'region'
    ? { name: place.region.name, code: place.region.code, level: place.region.level, ...why }
    : { name: place.country.name, code: place.country.code, level: 'country', ...why };
}

/**
 * The cooperating regions. The headline names them in most news (青深合作,
 * 深圳汕头签署…, 青岛打造中日合作…); otherwise the subject of the main signing
 * (A市政府与B市政府签署); otherwise the pair most often joined by 与/和 in
 * sentences about cooperation.
 */
export function extractParties(
  dictionary: RegionDictionary,
  blocks: readonly Block[],
  title: ViewRange | null,
  signing: ViewRange | null,
  home: ViewRange | null,
): PartyDetail[] {
  const views = new Map<TextView, ReturnType<typeof scanPlaces>>();
  const allViews = [...blocks.map((b) => b.view), ...[title, signing, home].flatMap((r) => (r ? [r.view] : []))];
  for (const view of allViews) if (!views.has(view)) views.set(view, scanPlaces(view.text, dictionary));

  const namedCodes = new Set<string>();
  for (const mentions of views.values()) {
    for (const m of mentions) {
      const [only] = m.regions;
      if (m.regions.length === 1 && only) namedCodes.add(only.code);
      if (m.country) namedCodes.add(m.country.code);
    }
  }
  const source = allViews[0]?.source ?? '';
  const finish = (details: readonly PartyDetail[]): PartyDetail[] => {
    // One region alone is the subject of the text, not a side of a cooperation.
    if (details.length < 2) return [];
    return details.map((d) => ({ ...d, name: writtenAs(fullRegionName(d, dictionary, namedCodes), source) }));
  };
  const occurrences = new Map<string, Occurrence>();
  const resolved = new Map<TextView, Seen[]>();
  const blockViews = new Set(blocks.map((b) => b.view));
  for (const [view, mentions] of views) {
    const list: Seen[] = [];
    for (const m of mentions) {
      const place = resolveMention(m, namedCodes);
      // Zones listed among counties (烟台经济技术开发区) are parties only as zones that sign.
      if (!place || (place.kind === 'region' && isZoneCode(place.region.code))) continue;
      const seen = { place, start: m.start, end: m.end };
      list.push(seen);
      if (blockViews.has(view)) {
        const key = placeKey(place);
        const o = occurrences.get(key);
        if (o) o.count++;
        else occurrences.set(key, { place, count: 1, first: seen });
      }
    }
    resolved.set(view, list);
  }

  const abbreviations = abbreviationTable(occurrences, dictionary);
  const namedCountries = new Set([...occurrences.values()].filter((o) => o.place.kind === 'country').map((o) => placeKey(o.place)));
  const document = [...views.keys()].map((v) => v.text).join('\n');
  const placesIn = (range: ViewRange): Seen[] => {
    const named = (resolved.get(range.view) ?? []).filter((s) => s.start >= range.start && s.end <= range.end);
    const pairs = findPairs(range.view.text.slice(range.start, range.end), abbreviations, namedCountries).flatMap((p) =>
      // Each place of a pair is its own character: 青深 → 青, 深; 中日 → 日.
      p.places.map((place, k) => {
        const at = range.start + p.end - p.places.length + k;
        return { place, start: at, end: at + 1 };
      }),
    );
    const zones = findZones(range.view.text, dictionary, abbreviations, document).filter((z) => z.outerStart >= range.start && z.end <= range.end);
    const signing = zones.filter((z) => zoneSigns(z, range.view.text, range));
    // The places inside a zone's name are its host, not a party; so is a host
    // written just before a zone that signs (深圳市深汕特别合作区).
    const outside = [...named, ...pairs].filter((s) => !zones.some((z) => s.start < z.end && s.end > (signing.includes(z) ? z.outerStart : z.start)));
    const signingZones = signing.map((z): Seen => ({ place: { kind: 'zone', zone: z.zone }, start: z.start, end: z.end }));
    return [...outside, ...signingZones].sort((a, b) => a.start - b.start);
  };

  const fromTitle = title ? withoutContainers(headlineSubject(placesIn(title), title), dictionary) : [];
  // 在合肥签署: the venue of the signing is not a signatory.
  const fromSigning = signing ? withoutContainers(placesIn(signing).filter((p) => !VENUE.test(signing.view.text.slice(Math.max(0, p.start - 1), p.start))), dictionary) : [];
  // A headline that names two of three signatories (万达开 in the headline, 万州区、达州市、开州区 signing) gives way to the signing.
  const signingKeys = new Set(fromSigning.map((p) => partyKey(p.place)));
  const signingCovers = fromSigning.length > fromTitle.length && fromTitle.every((p) => signingKeys.has(partyKey(p.place)));
  const inSigning = (seen: Seen): PartyReason => (signingKeys.has(partyKey(seen.place)) ? 'headline_and_signing' : 'headline');
  if (title && fromTitle.length >= 2 && !(signing && signingCovers)) return finish(fromTitle.map((s) => toDetail(s, title.view, inSigning(s))));
  // The signatories outweigh a single place in the headline, which is often the venue.
  const titleKeys = new Set(fromTitle.map((p) => partyKey(p.place)));
  const withTitle = (seen: Seen): PartyReason => (titleKeys.has(partyKey(seen.place)) ? 'headline_and_signing' : 'signing');
  if (signing && fromSigning.length >= 2) return finish(fromSigning.map((s) => toDetail(s, signing.view, withTitle(s))));
  const combined = [
    ...fromTitle.map((s) => ({ seen: s, view: title?.view, reason: inSigning(s) })),
    ...fromSigning.map((s) => ({ seen: s, view: signing?.view, reason: withTitle(s) })),
  ];
  const keys = new Set<string>();
  const details: PartyDetail[] = [];
  for (const { seen, view, reason } of combined) {
    if (!view || keys.has(partyKey(seen.place))) continue;
    keys.add(partyKey(seen.place));
    details.push(toDetail(seen, view, reason));
  }
  // 我市与遵义市…: "our city" is the place of the paper or site that published the text.
  const [homePlace] = home ? placesIn(home) : [];
  const deictic = [title, signing].some((r) => r !== null && SELF_REFERENCE.test(r.view.text.slice(r.start, r.end)));
  if (home && homePlace && deictic && details.length < 2 && !keys.has(partyKey(homePlace.place))) details.push(toDetail(homePlace, home.view, 'publisher'));
  if (details.length >= 2) return finish(details);
  return finish(mostJoinedPair(blocks, resolved, details));
}

/**
 * A district, county or banner named with its city (or municipality) in front,
 * as the division list joins them: 宝山区 → 上海市宝山区. A county-level city
 * (邛崃市) is a full name already; a name several counties share (城关区) is
 * joined only when the text names its city.
 */
function fullRegionName(detail: PartyDetail, dictionary: RegionDictionary, namedCodes: ReadonlySet<string>): string {
  const region = dictionary.byCode.get(detail.code);
  if (detail.level !== 'county' || !region || region.name !== detail.name || region.name.endsWith('市') || !region.parentCode) return detail.name;
  const parent = dictionary.byCode.get(region.parentCode);
  if (!parent || (parent.level === 'province' && !MUNICIPALITY_CODES.has(parent.code))) return detail.name;
  const shared = dictionary.lookup(region.name).filter((r) => r.level === 'county').length > 1;
  return shared && !namedCodes.has(parent.code) ? detail.name : `${parent.name}${region.name}`;
}

/**
 * A headline names its parties in one clause (穗港签署合作备忘录 携手共建南沙…
 * 合作园): the places of the first clause that names two, else all of them.
 */
function headlineSubject(places: readonly Seen[], title: ViewRange): Seen[] {
  const text = title.view.text;
  const clauses: Array<{ start: number; end: number }> = [];
  let start = title.start;
  for (let k = title.start; k <= title.end; k++) {
    if (k === title.end || HEADLINE_BREAK.test(text.charAt(k))) {
      clauses.push({ start, end: k });
      start = k + 1;
    }
  }
  for (const clause of clauses) {
    const inside = places.filter((p) => p.start >= clause.start && p.end <= clause.end);
    if (new Set(inside.map((p) => partyKey(p.place))).size >= 2) return inside;
  }
  return [...places];
}

/**
 * One-character abbreviations of the places a text names: the official
 * abbreviation of a named province (沪 → 上海, 苏 → 江苏), else the first
 * character of a named city or province (青 → 青岛, 汕 → 汕头).
 */
function abbreviationTable(occurrences: ReadonlyMap<string, Occurrence>, dictionary: RegionDictionary): Map<string, Place> {
  const table = new Map<string, Place>();
  for (const o of occurrences.values()) {
    if (o.place.kind !== 'region' || o.place.region.level !== 'province') continue;
    for (const char of PROVINCE_ABBREVIATIONS) {
      if (dictionary.abbreviation(char)?.code === o.place.region.code) table.set(char, o.place);
    }
  }
  const named = new Map([...occurrences.values()].flatMap((o) => (o.place.kind === 'region' ? [[o.place.region.name, o.place] as const] : [])));
  for (const [char, name] of CITY_ALIASES) {
    const place = named.get(name);
    if (place && !table.has(char)) table.set(char, place);
  }
  const byChar = new Map<string, Occurrence[]>();
  for (const o of occurrences.values()) {
    if (o.place.kind !== 'region' || o.place.region.level === 'county') continue;
    const char = o.place.region.shortName.charAt(0);
    byChar.set(char, [...(byChar.get(char) ?? []), o]);
  }
  for (const [char, list] of byChar) {
    if (table.has(char)) continue;
    const [top, second] = [...list].sort((a, b) => b.count - a.count);
    // Two named places sharing a first character: only a clear favourite counts.
    if (top && (!second || top.count >= 3 * second.count)) table.set(char, top.place);
  }
  return table;
}

/** The two places most often written as "A与B" in sentences about cooperation. */
function mostJoinedPair(blocks: readonly Block[], resolved: ReadonlyMap<TextView, Seen[]>, already: PartyDetail[]): PartyDetail[] {
  const pairs = new Map<string, { count: number; a: Seen; b: Seen; view: TextView }>();
  for (const block of blocks) {
    const seen = resolved.get(block.view) ?? [];
    for (let k = 0; k + 1 < seen.length; k++) {
      const a = seen[k];
      const b = seen[k + 1];
      if (!a || !b || partyKey(a.place) === partyKey(b.place)) continue;
      const between = block.view.text.slice(a.end, b.start).replace(/(市|省)?(人民)?政府/g, '');
      if (!JOINED_PAIR.test(between)) continue;
      const sentenceEnd = block.view.text.slice(b.end).search(/[。！？!?]/);
      const sentence = block.view.text.slice(a.start, sentenceEnd < 0 ? undefined : b.end + sentenceEnd);
      if (!COOPERATION_SENTENCE.test(sentence)) continue;
      const key = [partyKey(a.place), partyKey(b.place)].sort().join('+');
      const entry = pairs.get(key);
      if (entry) entry.count++;
      else pairs.set(key, { count: 1, a, b, view: block.view });
    }
  }
  // A party already known from the headline keeps its place in the pair.
  const known = new Set(already.map((d) => d.code));
  const all = [...pairs.values()].sort((x, y) => y.count - x.count);
  const best = all.find((p) => known.has(partyKey(p.a.place)) || known.has(partyKey(p.b.place))) ?? all[0];
  if (!best) return already;
  const details = [toDetail(best.a, best.view, 'joined_pair'), toDetail(best.b, best.view, 'joined_pair')];
  const chosen = new Set(details.map((d) => d.code));
  return [...details, ...already.filter((d) => !chosen.has(d.code))];
}

/** The place of the paper or site that published the text, read from its source lines or its 本报…讯 lead. */
export function findHomePlace(layout: DocumentLayout, dictionary: RegionDictionary): ViewRange | null {
  for (const line of layout.lines) {
    const lead = OWN_LEAD.exec(line.text);
    const publisherLine = (line.kind === 'chrome' || line.kind === 'dateline' || line.kind === 'byline') && PUBLISHER.test(line.text);
    if (!lead && !publisherLine) continue;
    const view = buildView(layout.original, line.start, line.end);
    const scope = lead ? { start: 2, end: 2 + (lead[1]?.length ?? 0) } : { start: 0, end: view.text.length };
    const found = scanPlaces(view.text, dictionary).find((m) => m.start >= scope.start && m.end <= scope.end && m.regions.length > 0);
    if (found) return { view, start: found.start, end: found.end };
  }
  return null;
}
