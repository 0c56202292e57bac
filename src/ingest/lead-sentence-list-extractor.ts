import { parseNumber } from './chinese-number.ts';
import type { Block } from './document-layout.ts';
import type { Sentence } from './sentence-splitter.ts';
import { pieceOf, type SourcePiece } from './text-normaliser.ts';

/** A list written as paragraphs, each opening with a short lead sentence, under an introducing line ending in a colon. */
export interface LeadSentenceList {
  readonly title: SourcePiece;
  readonly items: readonly SourcePiece[];
}

const COUNT = '(?:\\d{1,2}|[一二三四五六七八九十两]{1,3})';
// "重点聚焦3个方面：", "主要任务如下：", "合作内容包括：".
const INTRO = new RegExp(`(?:${COUNT}(?:个|项|大|方面)|包括|如下|以下|主要有|重点是|分别是)[^，,。；;]{0,8}[:：]$`);
const COUNT_IN_INTRO = new RegExp(`(${COUNT})(?:个|项|大|方面)`);
const LEAD = /^[^，,；;：:。！？!?]{2,20}[。！!]/;
const LABELLED = /^(\(?[一二三四五六七八九十\d]{1,3}[)、.]|第[一二三四五六七八九十]+|[①-⑳]|[一二三四五六七八九十]是)/;
const LEAD_VERB = /^(加强|深化|推进|推动|建设|共建|打造|构建|开展|促进|优化|完善|建立|健全|提升|强化|拓展|探索|实施|落实|协同|瞄准|聚焦|坚持|做强|做优|做大|加快|支持|鼓励|培育|发展|创新|统筹)/;

/** Leads that read as one list: all opening with a verb of measures, or all with the same two characters. */
function parallel(leads: readonly string[]): boolean {
  if (leads.every((l) => LEAD_VERB.test(l))) return true;
  const prefix = leads[0]?.slice(0, 2) ?? '';
  return prefix.length === 2 && leads.every((l) => l.startsWith(prefix));
}

/**
 * "协议分4轮签署，重点聚焦3个方面：" followed by paragraphs "瞄准重点领域。…",
 * "瞄准重点地区。…": the items are the lead sentences, as many as the count
 * says (or as long as they run parallel when there is none).
 */
export function extractLeadSentenceLists(blocks: readonly Block[], sentencesOf: (b: Block) => readonly Sentence[]): LeadSentenceList[] {
  const lists: LeadSentenceList[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const intro = blocks[k];
    const last = intro ? sentencesOf(intro).at(-1) : undefined;
    const cue = last ? INTRO.exec(last.text) : null;
    // "签署以下3项协议：" introduces agreements, not areas.
    if (!intro || !last || !cue || /协议|协定|备忘录/.test(cue[0])) continue;
    const countWord = COUNT_IN_INTRO.exec(last.text)?.[1];
    const count = countWord ? parseNumber(countWord) : null;
    const items: SourcePiece[] = [];
    const leads: string[] = [];
    for (let j = k + 1; j < blocks.length && (count === null || items.length < count); j++) {
      const block = blocks[j];
      if (block?.kind !== 'body' || block.segment !== intro.segment || LABELLED.test(block.view.text)) break;
      const lead = LEAD.exec(block.view.text);
      if (!lead) break;
      leads.push(lead[0]);
      items.push(pieceOf(block.view, 0, lead[0].length - 1));
    }
    const enough = count !== null ? items.length >= 2 && items.length <= count : items.length >= 2 && parallel(leads);
    if (!enough) continue;
    const colon = last.text.length - 1;
    lists.push({ title: pieceOf(intro.view, last.start, last.start + colon), items });
  }
  return lists;
}
