import { createRequire } from 'node:module';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { rowScopeAcross, visibleCooperationScope, type CooperationScope, type RowScopeAcross } from '../access/policy.ts';
import { targetOnTrack } from '../dashboard/dashboard-targets.ts';
import type { IndicatorService } from '../indicator/indicator.service.ts';
import { projectFiguresRepository, type MoneyAmount } from '../project/project-figures.repository.ts';
import { PortalCache } from '../portal/portal-cache.ts';
import { overviewRepository } from './overview.repository.ts';
import type { Overview, OverviewCooperation } from './overview.schemas.ts';

const require = createRequire(import.meta.url);
/** Centroids of the provinces and prefecture cities, from the map's own GeoJSON (scripts/region-points.ts writes them). */
const POINTS = require('../region/region-points.json') as Record<string, [number, number]>;

/**
 * How old an answer may be: answers are kept this long per reader's visibility and dropped at once by every write
 * through this server's API; writes elsewhere (another server, a job) show within it. The page states it.
 */
const OVERVIEW_MAX_AGE_MS = 30_000;

export interface OverviewDeps {
  indicators: IndicatorService;
  today(): string;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function grouped<T extends { cooperationId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.cooperationId, [...(groups.get(row.cooperationId) ?? []), row]);
  return groups;
}

/**
 * The national overview: every cooperation the reader may open, with the dashboard's headline figures, and the
 * regions, partner lines and foreign parties for the map. Each figure comes from the module owning its rule, asked
 * once for all cooperations (grouped SQL), under the reader's visibility; an answer is kept at most OVERVIEW_MAX_AGE_MS.
 */
export function createOverviewService(db: Db, deps: OverviewDeps) {
  const cache = new PortalCache<Overview>(OVERVIEW_MAX_AGE_MS);

  async function compute(scope: RowScopeAcross, cooperationScope: CooperationScope, actor: Actor | null, today: string): Promise<Overview> {
    const year = Number(today.slice(0, 4));
    const shown = await overviewRepository.cooperations(db, cooperationScope);
    const ids = shown.map((c) => c.id);
    const [partyRows, taskRows, inPlaceRows, indicatorRows] = await Promise.all([
      overviewRepository.parties(db, ids),
      overviewRepository.taskFigures(db, ids, scope, today),
      projectFiguresRepository.inPlaceAcross(db, ids, scope),
      deps.indicators.targetStatusesAcross(actor, ids),
    ]);
    const partiesOf = grouped(partyRows);
    const tasksOf = new Map(taskRows.map((r) => [r.cooperationId, r]));
    const inPlaceOf = grouped(inPlaceRows);
    const indicatorsOf = grouped(indicatorRows);

    const cooperations: OverviewCooperation[] = shown.map((c) => {
      const t = tasksOf.get(c.id);
      const judged = (indicatorsOf.get(c.id) ?? []).map((i) => targetOnTrack(i.targets, year)).filter((v) => v !== null);
      const inPlace: MoneyAmount[] = (inPlaceOf.get(c.id) ?? []).map((m) => ({ currency: m.currency, amount: m.amount ?? '0' }));
      return {
        id: c.id,
        name: c.name,
        visibility: c.visibility,
        regionCodes: (partiesOf.get(c.id) ?? []).map((p) => p.regionCode),
        tasks: { total: t?.total ?? 0, open: t?.open ?? 0, overdue: t?.overdue ?? 0, done: t?.done ?? 0 },
        doneShare: t ? share(t.done, t.total - t.cancelled) : null,
        elapsedShare: t?.elapsed ?? null,
        inPlace,
        targets: { onTrack: judged.filter(Boolean).length, total: judged.length },
      };
    });

    const regions = new Map<string, Overview['regions'][number]>();
    const foreign = new Map<string, Overview['foreign'][number]>();
    const links = new Map<string, Overview['links'][number]>();
    for (const c of shown) {
      const rows = partiesOf.get(c.id) ?? [];
      const domestic = rows.filter((p) => p.level !== 'country');
      for (const p of domestic) {
        const region = regions.get(p.regionCode) ?? {
          code: p.regionCode,
          name: p.regionName,
          level: p.level,
          point: POINTS[p.regionCode] ?? (p.parentCode ? POINTS[p.parentCode] : undefined) ?? null,
          cooperationIds: [],
        };
        if (!region.cooperationIds.includes(c.id)) region.cooperationIds.push(c.id);
        regions.set(p.regionCode, region);
      }
      for (const p of rows.filter((r) => r.level === 'country')) {
        const entry = foreign.get(p.regionCode) ?? { code: p.regionCode, name: p.regionName, cooperationIds: [], partners: [] };
        entry.cooperationIds.push(c.id);
        for (const d of domestic) if (!entry.partners.includes(d.regionCode)) entry.partners.push(d.regionCode);
        foreign.set(p.regionCode, entry);
      }
      domestic.forEach((a, i) => {
        for (const b of domestic.slice(i + 1)) {
          const [from, to] = [a.regionCode, b.regionCode].sort();
          if (!from || !to || from === to) continue;
          const key = `${from}|${to}`;
          const link = links.get(key) ?? { from, to, cooperationIds: [] };
          if (!link.cooperationIds.includes(c.id)) link.cooperationIds.push(c.id);
          links.set(key, link);
        }
      });
    }
    return { asOf: today, maxAgeSeconds: OVERVIEW_MAX_AGE_MS / 1000, cooperations, regions: [...regions.values()], links: [...links.values()], foreign: [...foreign.values()] };
  }

  return {
    /** Readers who see the same rows share one answer: the key is what they see, never who they are. */
    async get(actor: Actor | null): Promise<Overview> {
      const today = deps.today();
      const scope = rowScopeAcross(actor);
      const cooperationScope = visibleCooperationScope(actor);
      const key = JSON.stringify({ today, scope, cooperationScope });
      return cache.get(key, () => compute(scope, cooperationScope, actor, today));
    },

    /** Called on every write through the API, so this server's answers never lag behind its own writes. */
    invalidate(): void {
      cache.clear();
    },
  };
}
