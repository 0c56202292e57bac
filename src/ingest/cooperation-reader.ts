import { extractAgreements, type SigningEvent } from './agreement-extractor.ts';
import { extractAmounts } from './amount-extractor.ts';
import { extractAreas } from './area-extractor.ts';
import { extractCounts } from './count-extractor.ts';
import { findDateline, signatureDate, signingDate, type CalendarDate, type SigningDate } from './date-extractor.ts';
import { analyseLayout, relevantBlocks, type Block } from './document-layout.ts';
import { extractInlineLists } from './inline-list-extractor.ts';
import { extractLeadSentenceLists } from './lead-sentence-list-extractor.ts';
import type { IngestResult } from './ingest-result.ts';
import { extractNumberedLists } from './numbered-list-extractor.ts';
import { extractParties, findHomePlace, partyAbbreviations, type ViewRange } from './party-extractor.ts';
import { extractProjects } from './project-extractor.ts';
import { getRegionDictionary } from './region-dictionary.ts';
import { splitSentences, type Sentence } from './sentence-splitter.ts';
import { extractTargets } from './target-extractor.ts';
import { extractTitle } from './title-extractor.ts';

/** Longest text ingested; callers reject longer uploads (413 ingest.too_large), and ingest reads no further. */
export const MAX_INGEST_CHARS = 200_000;

/** The result for a text with nothing to read in it. */
export function emptyResult(): IngestResult {
  return {
    title: null,
    title_span: null,
    signed_on: null,
    signed_on_text: null,
    signed_on_span: null,
    parties: [],
    party_details: [],
    agreement: null,
    agreement_span: null,
    areas: [],
    amounts: [],
    targets: [],
    sub_agreements: [],
    sub_agreement_details: [],
    projects: [],
    project_details: [],
    counts: [],
  };
}

/**
 * The first of the signings that can be dated, read with the paragraph
 * around it; for a named agreement, failing that, the date in the lead
 * paragraph of its article, which news uses to date the whole event.
 */
function dateOfSigning(
  events: readonly SigningEvent[],
  named: boolean,
  blocks: readonly Block[],
  sentencesOf: (b: Block) => readonly Sentence[],
  dateline: CalendarDate | null,
): SigningDate | null {
  for (const event of events) {
    const all = sentencesOf(event.sentence.block);
    const before = all.filter((s) => s.end <= event.sentence.start);
    const found = signingDate(event.sentence, event.verbStart, before, dateline);
    if (found) return found;
  }
  const [first] = events;
  if (!named || !first) return null;
  const lead = blocks.find((b) => b.kind === 'body' && b.segment === first.sentence.block.segment);
  if (!lead || lead === first.sentence.block) return null;
  const leadSentences = sentencesOf(lead);
  const [opening] = leadSentences;
  return opening ? signingDate(opening, opening.start, leadSentences.slice(1, 2).reverse(), dateline) : null;
}

/**
 * Reads a text into the ingestion result. Throws only on a defect of its
 * own; `ingest` is the entry point that never throws.
 */
export function readCooperation(text: string): IngestResult {
  const source = text.length > MAX_INGEST_CHARS ? text.slice(0, MAX_INGEST_CHARS) : text;
  const layout = analyseLayout(source);
  const title = extractTitle(layout);
  const base: IngestResult = {
    ...emptyResult(),
    title: title?.text ?? null,
    title_span: title ? { start: title.start, end: title.end } : null,
  };
  const blocks = relevantBlocks(layout);
  if (blocks.length === 0) return base;

  const sentencesByBlock = new Map<Block, Sentence[]>(blocks.map((b) => [b, splitSentences(b)]));
  const sentencesOf = (b: Block): readonly Sentence[] => sentencesByBlock.get(b) ?? [];
  const sentences = blocks.flatMap((b) => sentencesOf(b));
  const lists = sentences.flatMap(extractInlineLists);
  const dictionary = getRegionDictionary();

  const agreements = extractAgreements(sentences, lists, dictionary);
  const mainEvents = agreements.main?.events ?? [];
  const dateline = findDateline(layout);
  // The main agreement's signing; else a signing of a named agreement; else any signing (签约仪式).
  const named = agreements.events.filter((e) => e.names.length > 0);
  const signings = mainEvents.length > 0 ? mainEvents : named.length > 0 ? named : agreements.events;
  const signed =
    dateOfSigning(signings, signings !== agreements.events, blocks, sentencesOf, dateline) ?? (agreements.main?.itself ? signatureDate(layout) : null);
  // The signing told in the body, rather than its headline, names the signatories.
  const firstMain = mainEvents.find((e) => e.sentence.block.kind === 'body') ?? mainEvents[0];
  const signing: ViewRange | null = firstMain ? { view: firstMain.sentence.block.view, start: firstMain.sentence.start, end: firstMain.sentence.end } : null;
  const titleRange: ViewRange | null = title ? { view: title.view, start: 0, end: title.view.text.length } : null;
  const parties = extractParties(dictionary, blocks, titleRange, signing, findHomePlace(layout, dictionary));
  const projects = extractProjects(sentences, lists, dictionary, agreements.main?.piece.text ?? null, partyAbbreviations(parties, dictionary));

  return {
    ...base,
    signed_on: signed?.iso ?? null,
    signed_on_text: signed?.piece.text ?? null,
    signed_on_span: signed ? { start: signed.piece.start, end: signed.piece.end } : null,
    parties: parties.map((p) => p.name),
    party_details: parties,
    agreement: agreements.main?.piece.text ?? null,
    agreement_span: agreements.main ? { start: agreements.main.piece.start, end: agreements.main.piece.end } : null,
    areas: extractAreas(extractNumberedLists(blocks), lists, extractLeadSentenceLists(blocks, sentencesOf)),
    amounts: extractAmounts(sentences),
    targets: extractTargets(blocks, sentencesOf, dateline?.year ?? null),
    sub_agreements: agreements.subAgreements.map((s) => s.name),
    sub_agreement_details: agreements.subAgreements,
    projects: projects.map((p) => p.name),
    project_details: projects,
    counts: extractCounts(sentences),
  };
}

