import { notFound } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { PortalCache } from './portal-cache.ts';
import { portalRepository } from './portal.repository.ts';

/** Long enough to absorb a crowd of readers, short enough that writes from other instances show soon. */
export const PORTAL_CACHE_TTL_MS = 30_000;

export interface AreaProgress {
  id: string;
  label: string | null;
  title: string;
  directions: { label: string | null; title: string }[];
  tasks: number;
  done: number;
}

type CooperationPage = NonNullable<Awaited<ReturnType<typeof loadCooperationPage>>>;
type HomePage = Awaited<ReturnType<typeof portalRepository.publicCooperations>>;

/** Areas (root clauses of public agreements) with their directions and the share of public tasks done. */
function areasWithProgress(
  clauseRows: Awaited<ReturnType<typeof portalRepository.clauses>>,
  taskLinks: Awaited<ReturnType<typeof portalRepository.publicTaskClauses>>,
): AreaProgress[] {
  const byId = new Map(clauseRows.map((c) => [c.id, c]));
  const areaOf = (clauseId: string): string | undefined => {
    let cursor = byId.get(clauseId);
    for (let steps = 0; cursor?.parentId && steps < clauseRows.length; steps++) cursor = byId.get(cursor.parentId);
    return cursor?.id;
  };
  const tasksByArea = new Map<string, Map<string, string>>();
  for (const link of taskLinks) {
    const area = areaOf(link.clauseId);
    if (!area) continue;
    const tasks = tasksByArea.get(area) ?? new Map<string, string>();
    tasks.set(link.taskId, link.status);
    tasksByArea.set(area, tasks);
  }
  return clauseRows
    .filter((c) => c.parentId === null)
    .map((area) => {
      const tasks = [...(tasksByArea.get(area.id)?.values() ?? [])];
      return {
        id: area.id,
        label: area.label,
        title: area.title,
        directions: clauseRows.filter((c) => c.parentId === area.id).map((d) => ({ label: d.label, title: d.title })),
        tasks: tasks.length,
        done: tasks.filter((s) => s === 'done').length,
      };
    });
}

async function loadCooperationPage(db: Db, id: string) {
  const cooperation = await portalRepository.publicCooperation(db, id);
  if (!cooperation) return undefined;
  const [partyRows, agreementRows, projectRows, indicatorRows, taskLinks] = await Promise.all([
    portalRepository.parties(db, id),
    portalRepository.agreements(db, id),
    portalRepository.projects(db, id),
    portalRepository.indicators(db, id),
    portalRepository.publicTaskClauses(db, id),
  ]);
  const clauseRows = await portalRepository.clauses(db, agreementRows.map((a) => a.id));
  return {
    cooperation,
    parties: partyRows,
    agreements: agreementRows.map((a) => ({
      ...a,
      text: a.text ?? '',
      areas: areasWithProgress(
        clauseRows.filter((c) => c.agreementId === a.id),
        taskLinks,
      ),
    })),
    projects: projectRows,
    indicators: indicatorRows,
  };
}

export type PortalCooperationPage = CooperationPage;
export type PortalHomePage = HomePage;

export function createPortalService(db: Db) {
  const home = new PortalCache<HomePage>(PORTAL_CACHE_TTL_MS);
  const pages = new PortalCache<CooperationPage | undefined>(PORTAL_CACHE_TTL_MS);
  return {
    home: () => home.get('home', () => portalRepository.publicCooperations(db)),

    async cooperation(id: string): Promise<CooperationPage> {
      const page = await pages.get(id, () => loadCooperationPage(db, id));
      // Private and missing cooperations look the same from outside.
      if (!page) throw notFound('cooperation', id);
      return page;
    },

    /** Any successful write may change what is public. */
    invalidate(): void {
      home.clear();
      pages.clear();
    },
  };
}
