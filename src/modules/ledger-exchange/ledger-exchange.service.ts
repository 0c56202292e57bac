import { badRequest } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import type { LedgerLang } from '../../contract/ledger-columns.ts';
import type { Actor } from '../access/actor.ts';
import { rowScope } from '../access/policy.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import { organizationRepository } from '../organization/organization.repository.ts';
import type { LedgerQuery, TaskService } from '../task/task.service.ts';
import { exportRows } from './ledger-export.ts';
import { ledgerCsv, ledgerWorkbook } from './ledger-file.ts';
import { createLedgerImport } from './ledger-import.ts';

/** Enough for every real ledger, few enough that one file stays a few megabytes. */
const MAX_EXPORT_ROWS = 50_000;
const PAGE = 200;

export type LedgerFormat = 'xlsx' | 'csv' | 'json';
export type LedgerFilters = Omit<LedgerQuery, 'page' | 'pageSize'>;

const CONTENT_TYPES: Record<LedgerFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function createLedgerExchangeService(db: Db, deps: { tasks: TaskService }) {
  /** Every task the ledger page would list under these filters, page by page through the ledger's own query. */
  async function visibleTasks(actor: Actor | null, cooperationId: string, filters: LedgerFilters) {
    const items = [];
    for (let page = 1; ; page++) {
      const result = await deps.tasks.ledger(actor, cooperationId, { ...filters, page, pageSize: PAGE });
      if (result.total > MAX_EXPORT_ROWS) {
        throw badRequest('ledger_export.too_many_rows', `At most ${MAX_EXPORT_ROWS} tasks go into one file; narrow the filters`, { max: MAX_EXPORT_ROWS, total: result.total });
      }
      items.push(...result.items);
      if (items.length >= result.total || result.items.length < PAGE) return { items, total: result.total };
    }
  }

  /** The units each side offers in the file's lists: those the unit picker offers on that side. */
  async function unitNames(actor: Actor | null, cooperationId: string, parties: { id: string; regionCode: string; coordinatingOrganizationId: string | null }[]) {
    const scope = rowScope(actor, cooperationId);
    const perSide = await Promise.all(
      parties.map(async (p) => {
        const rows = await organizationRepository.unitsOfSide(db, { cooperationId, partyId: p.id, regionCode: p.regionCode, coordinatingOrganizationId: p.coordinatingOrganizationId }, scope);
        return [p.id, rows.map((r) => ({ id: r.id, name: r.name }))] as const;
      }),
    );
    return new Map(perSide);
  }

  const ledgerImport = createLedgerImport(db, { tasks: deps.tasks, unitNames });

  return {
    import: ledgerImport.run,

    /** The ledger under the page's filters as a file; the rows are exactly those the ledger shows this actor. */
    async export(actor: Actor | null, cooperationId: string, filters: LedgerFilters, format: LedgerFormat, lang: LedgerLang) {
      const { items, total } = await visibleTasks(actor, cooperationId, filters);
      const [cooperation, parties] = await Promise.all([cooperationRepository.get(db, cooperationId), cooperationRepository.partiesOf(db, cooperationId)]);
      const name = cooperation?.name ?? cooperationId;
      const day = deps.tasks.today();
      const fileName = `${lang === 'en' ? 'task-ledger' : '任务台账'}-${name}-${day}.${format}`;
      const meta = { contentType: CONTENT_TYPES[format], fileName };
      if (format === 'json') {
        return { ...meta, body: Buffer.from(JSON.stringify({ cooperation: { id: cooperationId, name }, exportedOn: day, filters, total, items }, null, 2), 'utf8') };
      }
      const { columns, rows } = exportRows(items, lang, parties);
      const content = { lang, columns, parties, rows, unitNames: new Map([...(await unitNames(actor, cooperationId, parties))].map(([id, units]) => [id, units.map((u) => u.name)])) };
      return { ...meta, body: format === 'xlsx' ? await ledgerWorkbook(content) : ledgerCsv(content) };
    },
  };
}

