import type { TFunction } from 'i18next';
import { INDUSTRY_SECTIONS } from '../../../src/contract/industry-codes.ts';
import { DEFAULT_STAGES } from '../../../src/contract/stage-template.ts';
import type { Stage } from '../api/projects.ts';
import type { Party } from '../api/types.ts';
import type { Locale } from '../api/types.ts';

/**
 * A stage by its name: the cooperation's own words from its template; the English UI says the default stages in
 * English as long as the cooperation kept their Chinese names.
 */
export function stageName(stages: readonly Stage[], code: string, locale: Locale, t: TFunction): string {
  const stage = stages.find((s) => s.code === code);
  const fallback = DEFAULT_STAGES.find((s) => s.code === code);
  if (locale === 'en' && fallback && (!stage || stage.name === fallback.name)) return t(`projects.stageName.${fallback.code as 'signed'}`);
  return stage?.name ?? fallback?.name ?? code;
}

export function industryName(code: string | null, locale: Locale): string {
  const section = INDUSTRY_SECTIONS.find((s) => s.code === code);
  return section ? `${section.code} ${locale === 'en' ? section.en : section.zh}` : '—';
}

export const industryOptions = (locale: Locale) => INDUSTRY_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} ${locale === 'en' ? s.en : s.zh}` }));

export const partyName = (parties: readonly Party[], id: string | null) => parties.find((p) => p.id === id)?.name ?? '—';

export const partyOptions = (parties: readonly Party[]) => parties.map((p) => ({ value: p.id, label: p.name }));

/** A share as a percentage with one decimal, or a dash when there is nothing to divide. */
export const rate = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
