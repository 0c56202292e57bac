import type { CalendarKind } from '../api/settings.ts';
import type { AgreementKind, Visibility } from '../api/types.ts';
import { officesToSend } from '../setup/side-drafts.ts';
import type {
  CommitArea,
  CommitBody,
  CommitItem,
  Comparator,
  Confidence,
  IngestAreaItem,
  IngestNamed,
  IngestResult,
  PartyReason,
  SourceSpan,
} from './ingest-types.ts';

/**
 * The proposal of the ingester as the person edits it before saving. Keys are derived from each item's place
 * in the proposal, so analysing the same text twice gives the same draft, keys included.
 */

export interface DraftNode {
  key: string;
  label: string | null;
  title: string;
  span: SourceSpan | null;
  children: DraftNode[];
}

export interface DraftParty {
  key: string;
  /** The region's full name, shown in the region select until the person picks another region. */
  name: string;
  regionCode: string | null;
  span: SourceSpan | null;
  /** The reader's confidence and reason for a party it proposed; none for one a person added or changed. */
  proposal?: { confidence: Confidence; reason: PartyReason };
}

export interface DraftAmount {
  key: string;
  text: string;
  value: number;
  unit: string;
  qualifier: string | null;
  valueMax: number | null;
  span: SourceSpan | null;
}

export interface DraftTarget {
  key: string;
  text: string;
  year: number | null;
  indicator: string;
  value: number | null;
  valueMax: number | null;
  unit: string;
  comparator: Comparator;
  span: SourceSpan | null;
}

export interface DraftNamed {
  key: string;
  name: string;
  span: SourceSpan | null;
}

interface DraftCount {
  key: string;
  text: string;
  span: SourceSpan;
}

export type CooperationMode = 'new' | 'existing';

export interface DraftAgreement {
  title: string;
  kind: AgreementKind;
  /** "YYYY-MM-DD" or "" while unknown. */
  signedOn: string;
  /** The words the date was read from ("11月26日"), a hint when the year is missing. */
  signedOnText: string | null;
  place: string;
  titleSpan: SourceSpan | null;
  dateSpan: SourceSpan | null;
}

export interface ImportDraft {
  /** The analysed text exactly as sent: every span points into it and it is saved as the agreement's text. */
  text: string;
  mode: CooperationMode;
  cooperationName: string;
  visibility: Visibility;
  cooperationId: string | null;
  parties: DraftParty[];
  /** For a new cooperation: the username of each other side's office, by party key (empty: appointed later). */
  offices: Record<string, string>;
  /** The reporting periods generated for the current year with a new cooperation. */
  periods: CalendarKind | 'none';
  agreement: DraftAgreement;
  areas: DraftNode[];
  amounts: DraftAmount[];
  targets: DraftTarget[];
  subAgreements: DraftNamed[];
  projects: DraftNamed[];
  counts: DraftCount[];
}

const REGION_SUFFIX = /(特别行政区|自治区|自治州|地区|省|市|县|区)$/;
const AGREEMENT_SUFFIX = /(框架)?(协议书|协议|备忘录|协定)$/;
const GOVERNMENT = /(人民政府|政府)/g;

/** Zones are named by what they are (合肥经济技术开发区); cut short they stop being a name. */
const ZONE_SUFFIX = /(开发区|合作区|保税区|片区|园区|试验区|示范区)$/;

/** 青岛市 → 青岛; a name that would shrink to one character stays whole, and so does a zone's. */
function shortRegionName(name: string): string {
  if (ZONE_SUFFIX.test(name)) return name;
  const short = name.replace(REGION_SUFFIX, '');
  return short.length >= 2 ? short : name;
}

/**
 * A cooperation's name as the offices write them ("青岛—深圳战略合作"): the parties' short names joined by a dash,
 * then what the agreement says the cooperation is, without the parties and without "协议".
 */
export function suggestCooperationName(parties: readonly string[], agreement: string | null, title: string | null): string {
  if (parties.length === 0) return (agreement ?? title ?? '').trim();
  const shortNames = parties.map(shortRegionName);
  let subject = (agreement ?? '').replace(GOVERNMENT, '');
  for (const name of [...parties, ...shortNames]) subject = subject.split(name).join('');
  subject = subject
    .replace(/^[\s、，,与和及同]+/, '')
    .replace(AGREEMENT_SUFFIX, '')
    .trim();
  return `${shortNames.join('—')}${subject || '跨区域合作'}`;
}

function spanOf(item: { start?: number; end?: number } | null | undefined): SourceSpan | null {
  if (!item || typeof item.start !== 'number' || typeof item.end !== 'number' || item.end < item.start) return null;
  return { start: item.start, end: item.end };
}

function nodeFrom(item: IngestAreaItem, key: string): DraftNode {
  return {
    key,
    label: item.label,
    title: item.title,
    span: spanOf(item),
    children: (item.items ?? []).map((child, index) => nodeFrom(child, `${key}-${index}`)),
  };
}

function namedFrom(names: readonly string[], details: readonly IngestNamed[], prefix: string): DraftNamed[] {
  return names.map((name, index) => ({ key: `${prefix}-${index}`, name, span: spanOf(details.find((d) => d.name === name)) }));
}

export function draftFromResult(text: string, result: IngestResult): ImportDraft {
  const parties =
    result.party_details.length > 0
      ? result.party_details.map((party) => ({
          name: party.name,
          code: party.code,
          span: spanOf(party),
          proposal: { confidence: party.confidence, reason: party.reason },
        }))
      : result.parties.map((name) => ({ name, code: '', span: null, proposal: undefined }));
  return {
    text,
    mode: 'new',
    cooperationName: suggestCooperationName(result.parties, result.agreement, result.title),
    visibility: 'parties',
    cooperationId: null,
    parties: parties.map((party, index) => ({
      key: `party-${index}`,
      name: party.name,
      regionCode: party.code || null,
      span: party.span,
      ...(party.proposal ? { proposal: party.proposal } : {}),
    })),
    offices: {},
    periods: 'quarterly',
    agreement: {
      title: result.agreement ?? result.title ?? '',
      kind: 'framework',
      signedOn: result.signed_on ?? '',
      signedOnText: result.signed_on_text,
      place: '',
      titleSpan: result.agreement ? result.agreement_span : result.title_span,
      dateSpan: result.signed_on_span,
    },
    areas: result.areas.map((area, index) => ({
      key: `area-${index}`,
      label: area.label,
      title: area.title ?? '',
      span: spanOf(area),
      children: area.items.map((item, itemIndex) => nodeFrom(item, `area-${index}-${itemIndex}`)),
    })),
    amounts: result.amounts.map((amount, index) => ({
      key: `amount-${index}`,
      text: amount.text,
      value: amount.value,
      unit: amount.unit,
      qualifier: amount.qualifier,
      valueMax: amount.value_max,
      span: spanOf(amount),
    })),
    targets: result.targets.map((target, index) => ({
      key: `target-${index}`,
      text: target.text,
      year: target.year,
      indicator: target.indicator,
      value: target.value,
      valueMax: target.value_max,
      unit: target.unit,
      comparator: target.comparator,
      span: spanOf(target),
    })),
    subAgreements: namedFrom(result.sub_agreements, result.sub_agreement_details, 'sub-agreement'),
    projects: namedFrom(result.projects, result.project_details, 'project'),
    counts: result.counts.map((count, index) => ({ key: `count-${index}`, text: count.text, span: { start: count.start, end: count.end } })),
  };
}

/** A new target from an amount the text names without a year: the person fills in what it measures. */
export function targetFromAmount(amount: DraftAmount, key: string): DraftTarget {
  return {
    key,
    text: amount.text,
    year: null,
    indicator: '',
    value: amount.value,
    valueMax: amount.valueMax,
    unit: amount.unit,
    comparator: amount.qualifier === '约' ? '≈' : amount.qualifier === '超' ? '>' : '>=',
    span: amount.span,
  };
}

function withSpan<T extends object>(value: T, span: SourceSpan | null): T & { start?: number; end?: number } {
  return span ? { ...value, start: span.start, end: span.end } : value;
}

/**
 * The commit request for a draft, and for each array element in it the draft item it came from, so that an
 * error the server reports at "areas.0.items.1.title" can be shown beside that tree node.
 */
export function commitRequestOf(draft: ImportDraft): { body: CommitBody; keysByPath: Map<string, string> } {
  const keysByPath = new Map<string, string>();
  const items = (nodes: DraftNode[], path: string): CommitItem[] =>
    nodes.map((node, index) => {
      keysByPath.set(`${path}.${index}`, node.key);
      const item: CommitItem = withSpan({ label: node.label, title: node.title.trim() }, node.span);
      return node.children.length > 0 ? { ...item, items: items(node.children, `${path}.${index}.items`) } : item;
    });
  const areas: CommitArea[] = draft.areas.map((area, index) => {
    keysByPath.set(`areas.${index}`, area.key);
    return withSpan({ label: area.label, title: area.title.trim() || null, items: items(area.children, `areas.${index}.items`) }, area.span);
  });
  for (const [index, party] of draft.parties.entries()) keysByPath.set(`parties.${index}`, party.key);
  for (const [index, target] of draft.targets.entries()) keysByPath.set(`targets.${index}`, target.key);
  for (const [index, named] of draft.subAgreements.entries()) keysByPath.set(`sub_agreements.${index}`, named.key);
  for (const [index, named] of draft.projects.entries()) keysByPath.set(`projects.${index}`, named.key);

  const place = draft.agreement.place.trim();
  const body: CommitBody = {
    ...(draft.mode === 'existing'
      ? { cooperationId: draft.cooperationId ?? '' }
      : { cooperation: { name: draft.cooperationName.trim(), visibility: draft.visibility } }),
    parties: draft.mode === 'existing' ? [] : draft.parties.map((party) => ({ regionCode: party.regionCode ?? '', name: party.name })),
    ...(draft.mode === 'existing' ? {} : { offices: officesToSend(draft.parties, draft.offices), periods: draft.periods }),
    agreement: {
      title: draft.agreement.title.trim(),
      kind: draft.agreement.kind,
      signedOn: draft.agreement.signedOn || null,
      ...(place ? { place } : {}),
      text: draft.text,
    },
    areas,
    sub_agreements: draft.subAgreements.map((named) => named.name.trim()),
    projects: draft.projects.map((named) => withSpan({ name: named.name.trim() }, named.span)),
    targets: draft.targets.map((target) => ({
      ...(target.text ? { text: target.text } : {}),
      year: target.year,
      indicator: target.indicator.trim(),
      value: target.value ?? 0,
      value_max: target.valueMax,
      unit: target.unit.trim(),
      comparator: target.comparator,
    })),
  };
  return { body, keysByPath };
}
