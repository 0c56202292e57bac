import type { Amount } from './ingest-result.ts';
import { quantitiesOf, type Quantity } from './quantity-parser.ts';
import type { Sentence } from './sentence-splitter.ts';
import { pieceOf } from './text-normaliser.ts';

/**
 * Whether a headline's qualified round figure (总投资逾百亿元) stands for a
 * figure the body gives exactly (总投资103.5亿元).
 */
function rounds(headline: Quantity, exact: Quantity): boolean {
  if (headline.unit !== exact.unit || headline.qualifier === null || exact.value === headline.value) return false;
  if (headline.comparator === '>' || headline.comparator === '>=') return exact.value > headline.value && exact.value <= headline.value * 1.5;
  return headline.comparator === '≈' && Math.abs(exact.value - headline.value) <= headline.value * 0.15;
}

/**
 * Every money figure in the given sentences. A figure repeated with the same
 * value and currency (headline and body, or a restatement) is listed once,
 * and a headline's round figure for one the body gives exactly is left out.
 */
export function extractAmounts(sentences: readonly Sentence[]): Amount[] {
  const amounts: Amount[] = [];
  const seen = new Set<string>();
  const body = sentences.filter((s) => s.block.kind === 'body').flatMap((s) => quantitiesOf(s).filter((q) => q.money));
  for (const sentence of sentences) {
    for (const q of quantitiesOf(sentence)) {
      if (!q.money) continue;
      if (sentence.block.kind === 'heading' && body.some((b) => rounds(q, b))) continue;
      const key = `${q.value}|${q.valueMax ?? ''}|${q.unit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const piece = pieceOf(sentence.block.view, sentence.start + q.start, sentence.start + q.end);
      amounts.push({
        text: piece.text,
        value: q.value,
        unit: q.unit,
        qualifier: q.qualifier,
        value_max: q.valueMax,
        start: piece.start,
        end: piece.end,
      });
    }
  }
  return amounts;
}
