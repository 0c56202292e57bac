import type { STAGE_KINDS, STAGE_MILESTONES } from '../db/schema/projects.ts';

export interface StageDefinition {
  code: string;
  name: string;
  ordinal: number;
  kind: (typeof STAGE_KINDS)[number];
  milestone: (typeof STAGE_MILESTONES)[number] | null;
}

/** The stage template a cooperation starts with: 洽谈 → 签约 → 注册 → 开工 → 投产/运营, plus 停滞 and 终止 (each with a reason). */
export const DEFAULT_STAGES: readonly StageDefinition[] = [
  { code: 'negotiating', name: '洽谈', ordinal: 0, kind: 'step', milestone: null },
  { code: 'signed', name: '签约', ordinal: 1, kind: 'step', milestone: 'signed' },
  { code: 'registered', name: '注册', ordinal: 2, kind: 'step', milestone: 'registered' },
  { code: 'started', name: '开工', ordinal: 3, kind: 'step', milestone: 'started' },
  { code: 'operating', name: '投产/运营', ordinal: 4, kind: 'step', milestone: 'operating' },
  { code: 'halted', name: '停滞', ordinal: 5, kind: 'halted', milestone: null },
  { code: 'ended', name: '终止', ordinal: 6, kind: 'ended', milestone: null },
];

/** The ordinal from which a project counts as having reached a milestone (履约 from 注册, 开工), or null when no step carries it. */
export function milestoneOrdinal(stages: readonly StageDefinition[], milestone: StageDefinition['milestone']): number | null {
  return stages.find((s) => s.kind === 'step' && s.milestone === milestone)?.ordinal ?? null;
}

