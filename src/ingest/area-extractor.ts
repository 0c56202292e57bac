import type { InlineList } from './inline-list-extractor.ts';
import type { Area, AreaItem } from './ingest-result.ts';
import type { LeadSentenceList } from './lead-sentence-list-extractor.ts';
import type { NumberedNode } from './numbered-list-extractor.ts';
import { pieceOf, type SourcePiece } from './text-normaliser.ts';

/** A list located in the original text: its heading, if any, and its items. */
interface LocatedList {
  readonly title: SourcePiece | null;
  readonly items: readonly SourcePiece[];
}

const PUNCTUATION = /[\s"'“”‘’《》〈〉「」『』()（）【】[\]、,，。.:：;；!！?？·\-—]/g;

function comparable(text: string): string {
  return text.replace(PUNCTUATION, '');
}

/** The same wording, or one containing the other and nearly as long. */
function sameWording(a: string, b: string): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  return longer.includes(shorter) && shorter.length / longer.length >= 0.7;
}

function itemOf(node: NumberedNode): AreaItem {
  const children = node.children.map(itemOf);
  return {
    label: node.label.text.trim(),
    title: node.title.text,
    start: node.title.start,
    end: node.title.end,
    ...(children.length > 0 ? { items: children } : {}),
  };
}

function areaOfNode(node: NumberedNode): Area {
  return { label: node.label.text.trim(), title: node.title.text, items: node.children.map(itemOf), start: node.title.start, end: node.title.end };
}

const CLAUSE_BREAK = /[，,。；;！？!?：:]/;

/**
 * 双方将重点在三个方面开展合作：一是…；二是…: the clause before the colon
 * that opens the paragraph the items are numbered in.
 */
function colonLead(node: NumberedNode): SourcePiece | null {
  const { block, labelStart } = node.unit;
  const text = block.view.text;
  const before = text.slice(0, labelStart).trimEnd();
  if (!/[:：]$/.test(before)) return null;
  const colon = before.length - 1;
  let start = colon;
  while (start > 0 && !CLAUSE_BREAK.test(text.charAt(start - 1))) start--;
  while (start < colon && /\s/.test(text.charAt(start))) start++;
  return colon - start >= 4 ? pieceOf(block.view, start, colon) : null;
}

// The parts every agreement has besides its content (seed 002: 指导思想、合作原则、合作领域、推进机制和其他事项).
const AGREEMENT_PART = /^(?:指导思想|总体要求|总体思路|合作目标|总体目标|保障机制|保障措施|推进机制|工作机制|合作机制|组织保障|组织实施|其他事项|其他|附则|总则)$/;
const PRINCIPLES = /原则$|^指导思想$/;
// A law's general and final provisions frame it; its other chapters are its content.
const LAW_FRAME = /^(?:总\s*则|附\s*则)$/;

/** Whether a numbered section is part of an agreement's frame rather than an area: its principles, or a bare 附则. */
function isAgreementPart(node: NumberedNode): boolean {
  const title = node.title.text.trim();
  return PRINCIPLES.test(title) || (AGREEMENT_PART.test(title) && node.children.length === 0);
}

/** Top-level lists; items numbered inside the paragraph of a colon lead form a group headed by it. */
function numberedAreas(all: readonly NumberedNode[]): Area[] {
  const areas: Area[] = [];
  // A law's table of contents lists its chapters without their articles; the chapters themselves follow.
  const chaptersWithArticles = all.some((node) => node.unit.style === 'chapter' && node.children.length > 0);
  const roots = all.filter(
    (node) => !isAgreementPart(node) && !(node.unit.style === 'chapter' && (LAW_FRAME.test(node.title.text.trim()) || (chaptersWithArticles && node.children.length === 0))),
  );
  for (let k = 0; k < roots.length; ) {
    const node = roots[k];
    if (!node) break;
    const lead = colonLead(node);
    if (!lead) {
      areas.push(areaOfNode(node));
      k++;
      continue;
    }
    const run: NumberedNode[] = [];
    for (let next = roots[k]; next?.unit.block === node.unit.block && next.unit.style === node.unit.style; next = roots[k + run.length]) run.push(next);
    areas.push({ label: null, title: lead.text, items: run.map(itemOf), start: lead.start, end: lead.end });
    k += run.length;
  }
  return areas;
}

const COOPERATION = /合作|协作|协议|共建|联动|携手|对接|一体化|对口|结对|帮扶|双方|两地|两市|两省/;

/**
 * Whether an inline list is one of the cooperation's areas rather than an
 * incidental enumeration: counted or put in focus, in a sentence about the cooperation.
 */
function isAreaList(list: InlineList): boolean {
  if (list.kind !== 'area') return false;
  if (list.emphasised) return true;
  return (list.count !== null || list.title !== null) && COOPERATION.test(list.sentence.text);
}

function locate(list: InlineList): LocatedList {
  const view = list.sentence.block.view;
  return {
    title: list.title ? pieceOf(view, list.title.start, list.title.end) : null,
    items: list.items.map((r) => pieceOf(view, r.start, r.end)),
  };
}

/**
 * Areas, directions, tasks and measures: every numbered list, the inline
 * lists the text counts ("等五个方面", "五大重点任务") or puts in focus ("重点在…等领域"),
 * and lists of paragraphs with lead sentences under a colon.
 * A list that mostly restates items already found (a summary of the numbered
 * outline, a later paragraph repeating the tasks) adds only its new items,
 * and nothing when at least half of it is repetition.
 */
export function extractAreas(numbered: readonly NumberedNode[], inline: readonly InlineList[], leads: readonly LeadSentenceList[]): Area[] {
  const areas: Area[] = numberedAreas(numbered);
  const known: string[] = [];
  const remember = (a: Area) => {
    if (a.title) known.push(a.title);
    const walk = (items: readonly AreaItem[]) => {
      for (const i of items) {
        known.push(i.title);
        walk(i.items ?? []);
      }
    };
    walk(a.items);
  };
  areas.forEach(remember);
  const located = [...inline.filter(isAreaList).map(locate), ...leads];
  // A text that states its areas nowhere else has them in the lists it calls 重点领域 (会议强调，要围绕A、B等重点领域…).
  // Failing those, the uncounted lists the parties cooperate on (在A、B等方面开展合作).
  if (areas.length === 0 && located.length === 0) located.push(...inline.filter((l) => l.kind === 'area' && (l.keyAreas || l.cooperatedOn)).map(locate));
  const origin = (l: LocatedList) => l.title?.start ?? l.items[0]?.start ?? 0;
  for (const list of located.sort((a, b) => origin(a) - origin(b))) {
    const fresh = list.items.filter((p) => !known.some((k) => sameWording(k, p.text)));
    if (fresh.length * 2 <= list.items.length || fresh.length < 2) continue;
    const { title } = list;
    const area: Area = {
      label: null,
      title: title?.text ?? null,
      items: fresh.map((p) => ({ label: null, title: p.text, start: p.start, end: p.end })),
      start: title?.start ?? fresh[0]?.start ?? 0,
      end: title ? title.end : (fresh[fresh.length - 1]?.end ?? 0),
    };
    areas.push(area);
    remember(area);
  }
  return areas.sort((a, b) => a.start - b.start);
}
