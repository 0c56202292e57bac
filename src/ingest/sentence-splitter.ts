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
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if ('。！？!?'.includes(ch)) {
      let end = i + 1;
      while (end < text.length && '。！？!?”’")）」』'.includes(text.charAt(end))) end++;
      push(start, end);
      start = end;
      i = end;
      continue;
    }
    if (i - start >= MAX_SENTENCE) {
      // Prefer to cut a runaway sentence at a clause boundary.
      let cut = i;
      for (let k = i; k > start + MAX_SENTENCE / 2; k--) {
        if ('；;，,'.includes(text.charAt(k))) {
          cut = k + 1;
          break;
        }
      }
      push(start, cut);
      start = cut;
      i = cut;
      continue;
    }
    i++;
  }
  push(start, text.length);
  return sentences;
}

