import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import type { CROSS_SIDE_KINDS } from '../../db/schema/projects.ts';
import { projectFiguresRepository, type ProjectFilter } from './project-figures.repository.ts';
import { projectRepository } from './project.repository.ts';
import { DEFAULT_STAGES } from '../../contract/stage-template.ts';

/**
 * One number from a cooperation's projects, money and cross-side trade, for indicator formulas ("sum of 到位资金
 * where host side = 青岛 and investor side = 深圳", "count of projects at 开工 or beyond"). It reads every row of the
 * cooperation (an indicator's own visibility decides who sees the result) and obeys the counting rule.
 */
export const FIGURE_MEASURES = ['projects', 'signed_projects', 'contracted', 'in_place', 'cross_side_entries', 'cross_side_quantity', 'cross_side_amount'] as const;
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];

export interface FigureQuery {
  cooperationId: string;
  measure: FigureMeasure;
  where?: {
    investorPartyId?: string;
    hostPartyId?: string;
    industryCode?: string;
    stage?: string;
    /** Projects at this step or a later one (halted and ended projects are at no step). */
    stageAtLeast?: string;
    signingEventId?: string;
    /** Projects first signed (anchored) in this year. */
    signedYear?: number;
    crossSideKind?: (typeof CROSS_SIDE_KINDS)[number];
    fromPartyId?: string;
    toPartyId?: string;
    /** Cross-side quantities of this unit only (张, 兆瓦时). */
    unit?: string;
  };
  /** Entries dated within [from, to]; `to` alone is "as of". */
  from?: string;
  to?: string;
  /** Money measures: the currency summed (default CNY); amounts in others are left out, never converted. */
  currency?: string;
}

/**
 * Told, inside the writing transaction, when a cooperation's projects, money or trade changed, with the earliest day
 * the change touches (undefined: every day): indicator formulas follow for the periods from then on.
 */
export type FiguresChanged = (tx: Db, actor: Actor, cooperationId: string, since?: string) => Promise<unknown>;

export function createProjectFigures(db: Db) {
  async function stagesFrom(cooperationId: string, code: string): Promise<string[]> {
    const stored = await projectRepository.stageTemplate(db, cooperationId);
    const stages = stored.length ? stored : DEFAULT_STAGES;
    const from = stages.find((s) => s.code === code && s.kind === 'step');
    return from ? stages.filter((s) => s.kind === 'step' && s.ordinal >= from.ordinal).map((s) => s.code) : [];
  }

  return {
    async value(query: FigureQuery): Promise<number> {
      const where = query.where ?? {};
      const window = { from: query.from, to: query.to };
      const currency = query.currency ?? 'CNY';
      if (query.measure.startsWith('cross_side_')) {
        const groups = await projectFiguresRepository.crossSideTotals(db, query.cooperationId, null, { kind: where.crossSideKind, fromPartyId: where.fromPartyId, toPartyId: where.toPartyId, unit: where.unit }, window, null);
        if (query.measure === 'cross_side_entries') return groups.reduce((n, g) => n + g.entries, 0);
        if (query.measure === 'cross_side_quantity') return groups.reduce((n, g) => n + Number(g.quantity ?? 0), 0);
        return groups.filter((g) => g.currency === currency).reduce((n, g) => n + Number(g.amount ?? 0), 0);
      }
      const filter: ProjectFilter = {
        investorPartyId: where.investorPartyId,
        hostPartyId: where.hostPartyId,
        industryCode: where.industryCode,
        stage: where.stage,
        stages: where.stageAtLeast ? await stagesFrom(query.cooperationId, where.stageAtLeast) : undefined,
        signingEventId: where.signingEventId,
        year: where.signedYear,
      };
      const [total] = await projectFiguresRepository.totals(db, query.cooperationId, null, filter, window, null);
      if (!total) return 0;
      if (query.measure === 'projects') return total.projects;
      if (query.measure === 'signed_projects') return total.signed;
      const amounts = query.measure === 'contracted' ? total.contracted : total.inPlace;
      return amounts.filter((m) => m.currency === currency).reduce((n, m) => n + Number(m.amount), 0);
    },
  };
}
