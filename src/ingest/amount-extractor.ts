import type { Amount } from './ingest-result.ts';
import { quantitiesOf } from './quantity-parser.ts';
import type { Sentence } from './sentence-splitter.ts';
import { pieceOf } from './text-normaliser.ts';

/**
 * Every money figure in the given sentences. A figure repeated with the same
 * value and currency (headline and body, or a restatement) is listed once.
 */
export function extractAmounts(sentences: readonly Sentence[]): Amount[] {
  const amounts: Amount[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences) {
    for (const q of quantitiesOf(sentence)) {
      if (!q.money) continue;
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
