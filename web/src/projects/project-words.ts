import type { TFunction } from 'i18next';
import { divisionsOf, INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../../src/contract/industry-codes.ts';
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

/** A 大类 by its code and name (39 计算机、通信和其他电子设备制造业), or its bare code if the table lacks it. */
export function divisionName(code: string | null, locale: Locale): string | null {
  if (!code) return null;
  const division = INDUSTRY_DIVISIONS.find((d) => d.code === code);
  return division ? `${division.code} ${locale === 'en' ? division.en : division.zh}` : code;
}

/** The 大类 a project of the 门类 may name; all of them while no 门类 is chosen. */
export const divisionOptions = (section: string | null | undefined, locale: Locale) =>
  (section ? divisionsOf(section) : INDUSTRY_DIVISIONS).map((d) => ({ value: d.code, label: `${d.code} ${locale === 'en' ? d.en : d.zh}` }));

export const industryOptions = (locale: Locale) => INDUSTRY_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} ${locale === 'en' ? s.en : s.zh}` }));

export const partyName = (parties: readonly Party[], id: string | null) => parties.find((p) => p.id === id)?.name ?? '—';

export const partyOptions = (parties: readonly Party[]) => parties.map((p) => ({ value: p.id, label: p.name }));

/** A share as a percentage with one decimal, or a dash when there is nothing to divide. */
export const rate = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
