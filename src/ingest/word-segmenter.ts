import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** A word of a segmented phrase with its part of speech (jieba's ICTCLAS tags: v verb, n noun, p preposition…). */
export interface TaggedWord {
  readonly word: string;
  readonly tag: string;
  readonly start: number;
  readonly end: number;
}

let jieba: Jieba | null = null;

// Longer phrases are never list items; they are not segmented.
const MAX_PHRASE = 80;

/** Segments a short phrase into tagged words with offsets; loads the dictionary on first use. */
export function tagWords(phrase: string): TaggedWord[] {
  if (phrase.length === 0 || phrase.length > MAX_PHRASE) return [];
  jieba ??= Jieba.withDict(dict);
  const words: TaggedWord[] = [];
  let at = 0;
  for (const { word, tag } of jieba.tag(phrase, true)) {
    const start = phrase.indexOf(word, at);
    if (start < 0) break;
    words.push({ word, tag, start, end: start + word.length });
    at = start + word.length;
  }
  return words;
}

/** True when a phrase starts with a verb, as items of a list of measures do (加强…, 推进…). */
export function startsWithVerb(phrase: string): boolean {
  const [first] = tagWords(phrase);
  return first !== undefined && first.tag.startsWith('v') && first.tag !== 'vn';
}
