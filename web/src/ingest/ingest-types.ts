import type { CalendarKind } from '../api/settings.ts';
import type { AgreementKind, Visibility } from '../api/types.ts';

/**
 * Shapes of POST /api/v1/ingest and /ingest/commit as the import page reads and writes them; the server's
 * zod schemas (src/modules/ingest/ingest.schemas.ts) are the source of truth.
 */

/** Offsets into the submitted text, in UTF-16 code units as JavaScript strings count them. */
export interface SourceSpan {
  start: number;
  end: number;
}

export type Comparator = '=' | '≈' | '>' | '>=';
export const COMPARATORS: readonly Comparator[] = ['>=', '>', '=', '≈'];

type RegionLevel = 'country' | 'province' | 'city' | 'county';

export type Confidence = 'high' | 'medium' | 'low';
export type PartyReason = 'headline' | 'signing' | 'headline_and_signing' | 'publisher' | 'joined_pair';

interface IngestPartyDetail extends SourceSpan {
  name: string;
  code: string;
  level: RegionLevel;
  /** How sure the reader is, and why it proposed the region: where a person should look first. */
  confidence: Confidence;
  reason: PartyReason;
}

export interface IngestAreaItem extends SourceSpan {
  label: string | null;
  title: string;
  items?: IngestAreaItem[];
}

interface IngestArea extends SourceSpan {
  label: string | null;
  title: string | null;
  items: IngestAreaItem[];
}

interface IngestAmount extends SourceSpan {
  text: string;
  value: number;
  unit: string;
  qualifier: string | null;
  value_max: number | null;
}

interface IngestTarget extends SourceSpan {
  text: string;
  year: number | null;
  indicator: string;
  value: number;
  value_max: number | null;
  unit: string;
  comparator: Comparator;
}

interface IngestCount extends SourceSpan {
  text: string;
  value: number;
  unit: string;
}

export interface IngestNamed extends SourceSpan {
  name: string;
}

export interface IngestResult {
  title: string | null;
  title_span: SourceSpan | null;
  signed_on: string | null;
  signed_on_text: string | null;
  signed_on_span: SourceSpan | null;
  parties: string[];
  party_details: IngestPartyDetail[];
  agreement: string | null;
  agreement_span: SourceSpan | null;
  areas: IngestArea[];
  amounts: IngestAmount[];
  targets: IngestTarget[];
  sub_agreements: string[];
  sub_agreement_details: IngestNamed[];
  projects: string[];
  project_details: IngestNamed[];
  counts: IngestCount[];
}

export interface Region {
  code: string;
  name: string;
  shortName: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface CommitItem {
  label: string | null;
  title: string;
  start?: number;
  end?: number;
  items?: CommitItem[];
}

export interface CommitArea {
  label: string | null;
  title: string | null;
  start?: number;
  end?: number;
  items: CommitItem[];
}

interface CommitTarget {
  text?: string;
  year: number | null;
  indicator: string;
  value: number;
  value_max: number | null;
  unit: string;
  comparator: Comparator;
}

export interface CommitBody {
  cooperationId?: string;
  cooperation?: { name: string; summary?: string; visibility: Visibility };
  parties: { regionCode: string; name?: string }[];
  /** A new cooperation's other sides' offices, and the reporting periods generated for the current year. */
  offices?: { regionCode: string; username: string }[];
  periods?: CalendarKind | 'none';
  agreement: { title: string; kind: AgreementKind; signedOn: string | null; place?: string; text: string };
  areas: CommitArea[];
  sub_agreements: string[];
  projects: { name: string; start?: number; end?: number }[];
  targets: CommitTarget[];
}

export interface CommitResult {
  cooperationId: string;
  agreementId: string;
  created: { clauses: number; subAgreements: number; projects: number; indicators: number };
}
