import { emptyResult, readCooperation } from './cooperation-reader.ts';
import type { IngestResult } from './ingest-result.ts';

export { decodeText } from '../contract/text-decoder.ts';
export { getRegionDictionary } from './region-dictionary.ts';
export type { Region, RegionDictionary, RegionLevel } from './region-dictionary.ts';
export type {
  Amount,
  Area,
  AreaItem,
  Comparator,
  Confidence,
  Count,
  IngestResult,
  NamedItem,
  PartyDetail,
  PartyLevel,
  PartyReason,
  SourceSpan,
  Target,
} from './ingest-result.ts';

export { MAX_INGEST_CHARS } from './cooperation-reader.ts';

/**
 * Reads a Chinese cooperation text (agreement, news, meeting report) into a
 * draft structure. Never throws: text it cannot read gives an empty result.
 */
export function ingest(text: string): IngestResult {
  try {
    return readCooperation(typeof text === 'string' ? text : '');
  } catch {
    // A defect in one extractor must not fail an upload; the person correcting the draft sees an empty one.
    return emptyResult();
  }
}
