import { countryByAbbreviation } from './country-names.ts';
import type { InlineList } from './inline-list-extractor.ts';
import type { NamedItem } from './ingest-result.ts';
import { scanPlaces } from './place-mentions.ts';
import type { RegionDictionary } from './region-dictionary.ts';
import type { Sentence } from './sentence-splitter.ts';
import { normaliseText, pieceOf } from './text-normaliser.ts';

// What a named project, platform or park is called at its end.
const SUFFIX =
  '产业园区|产业园|科技园|工业园|物流园|创新园|软件园|合作园|协作园|协作区|园区|工作站|生产基地|产业基地|示范基地|研发基地|基地|创新中心|研究中心|服务中心|交流中心|交易中心|' +
  '运营中心|合作中心|中心|合作平台|服务平台|交流平台|互动平台|平台|示范区|合作区|先行区|试验区|实验区|研究院|实验室|联盟|铁路|高铁|飞地|孵化器|加速器|' +
  '福利院|医院|幼儿园|学校|博物馆|科技城|产业新城|综合体|区域总部|总部';
const NAMED_PROJECT_END = new RegExp(`(?:${SUFFIX}|园|区|项目)$`);
// 2022年浙江援疆项目: a year's projects, not one project.
const YEAR_OF_PROJECTS = /^\d{4}年.*项目$/;
const NAME_CHARS = '[^，,。；;、：:！？!?\\s“”《》的等]';
// Creating a project: 共建X中心, 打造X平台, 发起成立X联盟.
// A name may open with a quoted brand: 搭建“粤桂湾区菜篮子”产销对接平台.
const CREATED = new RegExp(
  `(?:共建|合建|建设|打造|建立|设立|成立|组建|筹建|搭建|启动建设|引进|谋划建设)((?:“[^“”]{1,15}”)?${NAME_CHARS}{2,28}?(?:${SUFFIX}))(?=$|[，,。；;、\\s)和与及等])`,
  'g',
);
const JOINED_NAME = new RegExp(`^(?:和|及|以及|与|、)(${NAME_CHARS}{2,28}?(?:${SUFFIX}))(?=$|[，,。；;、\\s)和与及等])`);
// A project reaching a stage: X揭牌, X启动建设, X已于…开工, 投资5亿元的X项目建成投产;
// only a stage shows that something called 项目 is one particular project.
const STAGE_VERBS = '揭牌|启动建设|投入运营|开工|正式运营|挂牌|开园|启用|落地运营|上线|建成投产|竣工投产|建成投用';
const STAGED = new RegExp(
  `(?:^|[，,；;:：“”、\\s的])(“?${NAME_CHARS}{2,30}(?:${SUFFIX}|项目)”?)(?:[^，,。；;等]{0,10}?)(?:${STAGE_VERBS})`,
  'g',
);
// Quoted names in a clause about creating something: 建立“…平台”“…平台”.
const QUOTED = new RegExp(`“(${NAME_CHARS}{2,30}(?:${SUFFIX}))”`, 'g');
const CREATION_WORD = /共建|合建|建设|打造|建立|设立|成立|组建|筹建|搭建|推出|揭牌|启动/;
// Cheap tests that spare the name patterns sentences that cannot match them.
const CREATED_HINT = /共建|合建|建设|打造|建立|设立|成立|组建|筹建|搭建|引进/;
const STAGED_HINT = new RegExp(STAGE_VERBS);
const LEADING_FILLER =
  /^(?:全国首个|国内首个|全省首个|首个|首家|一个|一批|一座|了|新的|新|(?:共同|联合|携手|积极|全力|加快|推动|推进|争取|力争|共建|建设|打造|建立|设立|成立|组建|筹建|搭建)+)/;
// A project's name is words: not a slogan such as “核+副中心”.
const NAME_SHAPE = /^[\u4e00-\u9fffA-Za-z0-9()（）·“”-]+$/;
const MIN_SPECIFIC_LENGTH = 10;

function isSpecific(name: string, dictionary: RegionDictionary, quoted: boolean, pair: ReadonlyMap<string, string>): boolean {
  if (quoted || /[A-Za-z]/.test(name) || name.length >= MIN_SPECIFIC_LENGTH) return true;
  // 宁合产业合作园, 青深科创园: named after the two parties by their one-character names.
  const [a, b] = [pair.get(name.charAt(0)), pair.get(name.charAt(1))];
  if (a !== undefined && b !== undefined && a !== b) return true;
  // A railway is always a particular line (沪苏湖高铁).
  if (/(铁路|高铁)$/.test(name)) return true;
  // 中日韩创新合作中心, 中德生态园: named after the partner countries.
  if (name.startsWith('中') && countryByAbbreviation(name.charAt(1)) !== null) return true;
  return scanPlaces(name, dictionary).length > 0;
}

/**
 * Named projects, platforms, parks, centres and bases the cooperation creates
 * or brings in: named right after a verb of creating, named as reaching a
 * stage (揭牌, 开工, 投入运营), quoted where something is set up, or listed as
 * "A、B等重大项目". Generic names (研发中心, 科技创新合作平台) are left out.
 */
export function extractProjects(
  sentences: readonly Sentence[],
  lists: readonly InlineList[],
  dictionary: RegionDictionary,
  exclude: string | null,
  pair: ReadonlyMap<string, string>,
): NamedItem[] {
  const found: Array<NamedItem & { quoted: boolean }> = [];
  const add = (sentence: Sentence, start: number, end: number, quoted: boolean) => {
    let s = start;
    const text = sentence.text;
    const filler = LEADING_FILLER.exec(text.slice(s, end));
    if (filler) s += filler[0].length;
    if (end - s < 4 || !NAME_SHAPE.test(text.slice(s, end))) return;
    const piece = pieceOf(sentence.block.view, sentence.start + s, sentence.start + end);
    found.push({ name: piece.text, start: piece.start, end: piece.end, quoted });
  };
  for (const sentence of sentences) {
    const text = sentence.text;
    for (const m of CREATED_HINT.test(text) ? text.matchAll(CREATED) : []) {
      const name = m[1] ?? '';
      add(sentence, m.index + m[0].length - name.length, m.index + m[0].length, false);
      // 共建A中心和B中心: the verb creates every name it joins.
      for (let at = m.index + m[0].length, next = JOINED_NAME.exec(text.slice(at)); next; next = JOINED_NAME.exec(text.slice(at))) {
        const joined = next[1] ?? '';
        add(sentence, at + next[0].length - joined.length, at + next[0].length, false);
        at += next[0].length;
      }
    }
    for (const m of STAGED_HINT.test(text) ? text.matchAll(STAGED) : []) {
      const raw = m[1] ?? '';
      const start = m.index + m[0].indexOf(raw);
      const quoted = raw.startsWith('“') && raw.endsWith('”');
      add(sentence, quoted ? start + 1 : start, quoted ? start + raw.length - 1 : start + raw.length, quoted);
    }
    if (text.includes('“') && CREATION_WORD.test(text)) {
      for (const m of text.matchAll(QUOTED)) add(sentence, m.index + 1, m.index + 1 + (m[1]?.length ?? 0), true);
    }
  }
  for (const list of lists) {
    const view = list.sentence.block.view;
    const named = list.items.filter((item) => NAMED_PROJECT_END.test(view.text.slice(item.start, item.end)));
    // 力争在建设A园、B综合体、C区等方面见到成效: a list of things being built is a list of projects, whatever its closer.
    const built = list.kind !== 'agreement' && named.length >= 2 && named.length * 2 >= list.items.length && CREATED_HINT.test(view.text.slice(list.sentence.start, list.start));
    if (list.kind !== 'project' && !built) continue;
    for (const item of list.kind === 'project' ? list.items : named) {
      const piece = pieceOf(view, item.start, item.end);
      // Short names in a list of things built (产业园区) are kinds, not projects; a list of projects may name one in two characters (芯恩).
      if (list.kind === 'project' || piece.text.length >= 5) found.push({ name: piece.text, start: piece.start, end: piece.end, quoted: true });
    }
  }
  const key = (name: string) => normaliseText(name).replace(/\([^()]*\)/g, '').replace(/[“”"'\s]/g, '');
  const excluded = exclude ? key(exclude) : null;
  const kept: NamedItem[] = [];
  for (const item of found.sort((a, b) => a.start - b.start)) {
    const k = key(item.name);
    if (!isSpecific(k, dictionary, item.quoted, pair) || YEAR_OF_PROJECTS.test(k)) continue;
    if (excluded?.includes(k)) continue;
    const duplicate = kept.findIndex((p) => key(p.name).includes(k) || k.includes(key(p.name)));
    if (duplicate >= 0) {
      // Keep the fuller name of the two (青岛市城市治理智联盟 over 城市治理智联盟).
      const other = kept[duplicate];
      if (other && k.length > key(other.name).length) kept[duplicate] = { name: item.name, start: item.start, end: item.end };
      continue;
    }
    kept.push({ name: item.name, start: item.start, end: item.end });
  }
  return kept;
}
