import { cut } from 'jieba-wasm';

/** A word of a segmented phrase, with its offsets in the phrase. */
export interface Word {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const cache = new Map<string, Word[]>();

// Longer phrases are never list items; they are not segmented.
const MAX_PHRASE = 80;
const CACHE_SIZE = 4096;

/**
 * Segments a short phrase into dictionary words (jieba, as WebAssembly: the
 * native binding's other-platform builds cannot be locked in package-lock),
 * so that a list's first item starts at a word boundary.
 */
export function segmentWords(phrase: string): Word[] {
  if (phrase.length === 0 || phrase.length > MAX_PHRASE) return [];
  const cached = cache.get(phrase);
  if (cached) return cached;
  const words: Word[] = [];
  let at = 0;
  for (const word of cut(phrase, false)) {
    const start = phrase.indexOf(word, at);
    if (start < 0) break;
    words.push({ word, start, end: start + word.length });
    at = start + word.length;
  }
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(phrase, words);
  return words;
}
