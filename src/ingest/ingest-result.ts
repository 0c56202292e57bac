/**
 * The ingestion contract (DESIGN.md, "Ingestion: text → structure"). Every
 * item carries `start`/`end`: offsets into the text given to `ingest`, so that
 * text.slice(start, end) is where the item was read.
 */

export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

export type PartyLevel = 'province' | 'city' | 'county' | 'country';

/** How sure the reader is of an item, so a person knows where to look first. */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * Why a region was proposed as a party: named in the headline, among the
 * signatories of the main signing, in both, as the publisher of a text that
 * says 我市, or as the pair the text most often joins with 与.
 */
export type PartyReason = 'headline' | 'signing' | 'headline_and_signing' | 'publisher' | 'joined_pair';

export interface PartyDetail extends SourceSpan {
  /** Full official name: 青岛市, 北京市, or a country's Chinese name. */
  readonly name: string;
  /** GB/T 2260 code for Chinese regions; ISO 3166-1 alpha-2 for countries. */
  readonly code: string;
  readonly level: PartyLevel;
  readonly confidence: Confidence;
  readonly reason: PartyReason;
}

export interface AreaItem extends SourceSpan {
  readonly label: string | null;
  readonly title: string;
  /** Deeper numbered levels under this item, if any. */
  readonly items?: readonly AreaItem[];
}

export interface Area extends SourceSpan {
  readonly label: string | null;
  /** Heading of the list; null for a list with no heading of its own. */
  readonly title: string | null;
  readonly items: readonly AreaItem[];
}

export type Comparator = '=' | '≈' | '>' | '>=';

export interface Amount extends SourceSpan {
  readonly text: string;
  /** In the currency's unit: 4026.5亿元 is 402650000000. */
  readonly value: number;
  /** ISO 4217 code. */
  readonly unit: string;
  readonly qualifier: string | null;
  readonly value_max: number | null;
}

export interface Target extends SourceSpan {
  readonly text: string;
  readonly year: number | null;
  readonly indicator: string;
  readonly value: number;
  readonly value_max: number | null;
  /** ISO 4217 code for money, otherwise the classifier or unit as written (家, 个, %). */
  readonly unit: string;
  readonly comparator: Comparator;
}

export interface Count extends SourceSpan {
  readonly text: string;
  readonly value: number;
  /** Classifier and what is counted: 个重点方向. */
  readonly unit: string;
}

export interface NamedItem extends SourceSpan {
  readonly name: string;
}

export interface IngestResult {
  readonly title: string | null;
  readonly title_span: SourceSpan | null;
  /** ISO date, only when year, month and day are all known. */
  readonly signed_on: string | null;
  /** The words the signing date was read from, even when the date is incomplete. */
  readonly signed_on_text: string | null;
  readonly signed_on_span: SourceSpan | null;
  /** Full official names of the cooperating regions. */
  readonly parties: readonly string[];
  readonly party_details: readonly PartyDetail[];
  /** The main agreement's name as worded, without 《》. */
  readonly agreement: string | null;
  readonly agreement_span: SourceSpan | null;
  readonly areas: readonly Area[];
  readonly amounts: readonly Amount[];
  readonly targets: readonly Target[];
  readonly sub_agreements: readonly string[];
  readonly sub_agreement_details: readonly NamedItem[];
  readonly projects: readonly string[];
  readonly project_details: readonly NamedItem[];
  readonly counts: readonly Count[];
}
