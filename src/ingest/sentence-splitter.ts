import type { Block } from './document-layout.ts';

/** A sentence of a block, in the block's view coordinates. */
export interface Sentence {
  readonly block: Block;
  readonly start: number;
  readonly end: number;
  /** Normalised text of the sentence. */
  readonly text: string;
}

// Longer runs without a full stop are cut, so no pattern ever sees more.
const MAX_SENTENCE = 600;

const SENTENCE_END = /[。！？!?]+[”’")）」』]*/g;

export function splitSentences(block: Block): Sentence[] {
  const text = block.view.text;
  const sentences: Sentence[] = [];
  const push = (start: number, end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text.charAt(s))) s++;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s) sentences.push({ block, start: s, end: e, text: text.slice(s, e) });
  };
  // A runaway stretch without a full stop is cut, preferably at a clause boundary.
  const pushBounded = (start: number, end: number) => {
    let s = start;
    while (end - s > MAX_SENTENCE) {
      let cut = s + MAX_SENTENCE;
      for (let k = cut; k > s + MAX_SENTENCE / 2; k--) {
        if ('；;，,'.includes(text.charAt(k))) {
          cut = k + 1;
          break;
        }
      }
      push(s, cut);
      s = cut;
    }
    push(s, end);
  };
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    pushBounded(start, m.index + m[0].length);
    start = m.index + m[0].length;
  }
  pushBounded(start, text.length);
  return sentences;
}
