import { AppError } from '../../app-error.ts';
import {
  JOINT_WORDS,
  LEDGER_LANGS,
  PRIORITY_WORDS,
  READ_ONLY_COLUMNS,
  STATUS_WORDS,
  columnHeader,
  ledgerColumns,
  normalizeHeader,
  type ColumnKey,
} from '../../contract/ledger-columns.ts';
import type { Db } from '../../db/client.ts';
import { translateDbError } from '../../db/pg-errors.ts';
import type { Actor } from '../access/actor.ts';
import { assertCanImportTasks } from '../access/policy.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import { taskRepository, type TaskPriority, type TaskRow, type TaskStatus, type TaskUnitInput } from '../task/task.repository.ts';
import type { TaskService, UpdateTaskInput } from '../task/task.service.ts';
import { closestName } from './closest-name.ts';
import { cellAddress, cellDate, cellList, cellPercent, cellText, type RawCell } from './ledger-cells.ts';
import type { ImportReason, ImportRowReport, LedgerImportReport } from './ledger-exchange.schemas.ts';
import { readLedgerCsv } from './ledger-csv.ts';
import { UnreadableFile, readLedgerXlsx, type ReadLedger, type ReadRow } from './ledger-reader.ts';

/** A ledger of more tasks than this is imported in parts. */
const MAX_IMPORT_ROWS = 20_000;
const MAX_TITLE = 500;
const MAX_TAG = 40;
const MAX_TAGS = 20;

type Party = { id: string; name: string; regionCode: string; coordinatingOrganizationId: string | null };
type UnitNames = (actor: Actor, cooperationId: string, parties: Party[]) => Promise<Map<string, { id: string; name: string }[]>>;

/** What a row says about its task, read from the columns the file has; a column absent from the file leaves the field as it is. */
interface RowFields {
  no?: number | null;
  /** From a CSV export, which carries them as columns. */
  id?: string;
  version?: number;
  title?: string;
  side?: { joint: true; ownerPartyId: null } | { joint: false; ownerPartyId: string };
  status?: TaskStatus;
  percent?: number | null;
  startOn?: string | null;
  dueOn?: string | null;
  priority?: TaskPriority;
  tags?: string[];
  lead: Map<string, string | null>;
  co: Map<string, string[]>;
}

interface Reason extends ImportReason {
  cell: string | null;
}

interface PlannedRow {
  row: number;
  fields: RowFields;
  target: { id: string; version: number } | null;
  reasons: Reason[];
}

/** Which column a refusal of the task service is about, so the dry run points at the cell. */
function columnOfCode(code: string, details: Record<string, unknown>): ColumnKey | null {
  const party = typeof details.partyId === 'string' ? details.partyId : Array.isArray(details.partyIds) && typeof details.partyIds[0] === 'string' ? details.partyIds[0] : null;
  switch (code) {
    case 'task.invalid_dates':
    case 'milestone.invalid_dates':
      return 'dueOn';
    case 'task.percent_derived':
      return 'percent';
    case 'task.close_requires_approval':
      return 'status';
    case 'task.sides_need_both':
    case 'task.owner_side_required':
    case 'task.owner_side_on_joint':
    case 'task.side_visibility_needs_owner':
      return 'side';
    case 'task.duplicate_lead':
    case 'task.unit_wrong_side':
    case 'task.other_side_units':
      return party ? `lead:${party}` : null;
    default:
      return null;
  }
}

/** The details of a refusal as words' parameters: strings and numbers as they are, lists joined. */
function paramsOf(details: unknown): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return params;
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    else if (Array.isArray(value)) params[key] = value.map(String).join(', ');
  }
  return params;
}

/** Thrown to roll back a dry run, or a commit with a row that cannot be taken, carrying the report out. */
class RolledBack extends Error {
  constructor(readonly report: LedgerImportReport) {
    super('rolled back');
  }
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const squeeze = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function createLedgerImport(db: Db, deps: { tasks: TaskService; unitNames: UnitNames }) {
  async function readFile(file: { fileName: string; data: Buffer }, scoreHeader: (texts: string[]) => number): Promise<ReadLedger> {
    const csv = /\.csv$/i.test(file.fileName);
    try {
      return csv ? readLedgerCsv(file.data, { scoreHeader, maxRows: MAX_IMPORT_ROWS }) : await readLedgerXlsx(file.data, { scoreHeader, maxRows: MAX_IMPORT_ROWS });
    } catch (error) {
      if (error instanceof UnreadableFile) {
        throw new AppError('ledger_import.unreadable_file', 422, `The file cannot be read as ${csv ? 'CSV' : 'an Excel workbook (.xlsx)'}: ${error.message}`, { fileName: file.fileName });
      }
      throw error;
    }
  }

  async function run(
    actor: Actor,
    cooperationId: string,
    file: { fileName: string; data: Buffer },
    mode: 'dry-run' | 'commit',
    mapping: Record<string, string>,
  ): Promise<LedgerImportReport> {
    // The ledger's own read check first: a cooperation the actor may not see is missing, not forbidden.
    await deps.tasks.ledger(actor, cooperationId, { sort: 'dueOn', order: 'asc', page: 1, pageSize: 1 });
    assertCanImportTasks(actor, cooperationId);
    const parties = await cooperationRepository.partiesOf(db, cooperationId);
    const partyName = (id: string) => parties.find((p) => p.id === id)?.name ?? id;
    const keys = [...ledgerColumns(parties.map((p) => p.id)), 'id', 'version'] as const;
    const known = new Map<string, string>();
    for (const key of keys) {
      if (key === 'id' || key === 'version') known.set(key, key);
      else for (const lang of LEDGER_LANGS) known.set(normalizeHeader(columnHeader(key, lang, partyName)), key);
    }
    const scoreHeader = (texts: string[]) => texts.filter((text) => known.has(normalizeHeader(text))).length;
    const read = await readFile(file, scoreHeader);

    const fileReasons: ImportReason[] = [];
    const columns: LedgerImportReport['columns'] = [];
    const unmatched: LedgerImportReport['columns'] = [];
    const keyOfColumn = new Map<number, string>();
    const mapped = new Map(Object.entries(mapping).map(([header, key]) => [normalizeHeader(header), key]));
    for (const { column, text } of read.headers) {
      const letter = cellAddress(column, 1).replace(/\d+$/, '');
      const chosen = mapped.get(normalizeHeader(text));
      const key = chosen === 'ignore' ? null : chosen && keys.includes(chosen as (typeof keys)[number]) ? chosen : (known.get(normalizeHeader(text)) ?? null);
      if (key && [...keyOfColumn.values()].includes(key)) {
        fileReasons.push({ code: 'ledger_import.duplicate_column', params: { header: text, column: letter } });
        columns.push({ column: letter, header: text, key: null });
        continue;
      }
      if (key && !(READ_ONLY_COLUMNS as readonly string[]).includes(key)) keyOfColumn.set(column, key);
      columns.push({ column: letter, header: text, key });
      if (!key && chosen !== 'ignore') unmatched.push({ column: letter, header: text, key: null });
    }
    if (read.headerRow === null) fileReasons.push({ code: 'ledger_import.no_header', params: {} });
    if (read.tooManyRows) fileReasons.push({ code: 'ledger_import.too_many_rows', params: { max: MAX_IMPORT_ROWS } });
    const headerOf = (key: string) => columns.find((c) => c.key === key)?.header ?? key;
    const columnOf = new Map([...keyOfColumn].map(([column, key]) => [key, column]));
    const cellOf = (key: string | null, row: number) => {
      const column = key ? columnOf.get(key) : undefined;
      return column ? cellAddress(column, row) : null;
    };

    const units = await deps.unitNames(actor, cooperationId, parties);
    const planned = read.rows.map((row) => planRow(row));

    function planRow(source: ReadRow): PlannedRow {
      const reasons: Reason[] = [];
      const fields: RowFields = { lead: new Map(), co: new Map() };
      const refuse = (key: string, code: string, params: Record<string, string | number>) => reasons.push({ code, params, cell: cellOf(key, source.row) });
      for (const [column, key] of keyOfColumn) {
        const cell = source.cells.get(column);
        const raw: RawCell = cell?.value;
        const text = cellText(raw);
        const header = headerOf(key);
        const unknown = (value: string, candidates: string[]) => {
          const suggestion = closestName(value, candidates);
          if (suggestion) refuse(key, 'ledger_import.unknown_value_suggest', { header, value, suggestion });
          else refuse(key, 'ledger_import.unknown_value', { header, value });
        };
        if (key === 'no') {
          if (!text) fields.no = null;
          else if (/^\d+$/.test(text)) fields.no = Number(text);
          else refuse(key, 'ledger_import.bad_row_number', { value: text });
        } else if (key === 'id') {
          if (text) fields.id = text;
        } else if (key === 'version') {
          if (/^\d+$/.test(text)) fields.version = Number(text);
        } else if (key === 'title') {
          if (text.length > MAX_TITLE) refuse(key, 'ledger_import.too_long', { header, max: MAX_TITLE });
          else if (/[\u202A-\u202E\u2066-\u2069]/.test(text)) refuse(key, 'ledger_import.invalid_characters', { header });
          else fields.title = text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
        } else if (key === 'side') {
          const words = Object.values(JOINT_WORDS);
          const party = parties.find((p) => squeeze(p.name) === squeeze(text));
          if (!text || words.some((w) => squeeze(w) === squeeze(text))) fields.side = { joint: true, ownerPartyId: null };
          else if (party) fields.side = { joint: false, ownerPartyId: party.id };
          else unknown(text, [...words, ...parties.map((p) => p.name)]);
        } else if (key === 'status' || key === 'priority') {
          const table: Record<string, Record<string, string>> = key === 'status' ? STATUS_WORDS : PRIORITY_WORDS;
          if (!text) continue;
          const found = Object.entries(table).find(([code, words]) => squeeze(code) === squeeze(text) || Object.values(words).some((w) => squeeze(w) === squeeze(text)));
          if (found && key === 'status') fields.status = found[0] as TaskStatus;
          else if (found) fields.priority = found[0] as TaskPriority;
          else unknown(text, Object.values(table).flatMap((words) => Object.values(words)));
        } else if (key === 'percent') {
          const percent = cellPercent(raw, !!cell?.numFmt?.includes('%'));
          if (percent.ok) fields.percent = percent.value;
          else refuse(key, 'ledger_import.bad_percent', { header, value: text });
        } else if (key === 'startOn' || key === 'dueOn') {
          const day = cellDate(raw);
          if (day.ok) fields[key] = day.value;
          else refuse(key, 'ledger_import.bad_date', { header, value: text });
        } else if (key === 'tags') {
          const tags = [...new Set(cellList(raw))];
          if (tags.length > MAX_TAGS) refuse(key, 'ledger_import.too_many_tags', { max: MAX_TAGS });
          else if (tags.some((tag) => tag.length > MAX_TAG)) refuse(key, 'ledger_import.too_long', { header, max: MAX_TAG });
          else fields.tags = tags;
        } else if (key.startsWith('lead:') || key.startsWith('co:')) {
          const partyId = key.slice(key.indexOf(':') + 1);
          const offered = units.get(partyId) ?? [];
          const names = cellList(raw);
          const ids: string[] = [];
          for (const name of names) {
            const unit = offered.find((u) => squeeze(u.name) === squeeze(name));
            if (unit) ids.push(unit.id);
            else {
              const suggestion = closestName(name, offered.map((u) => u.name));
              if (suggestion) refuse(key, 'ledger_import.unknown_unit_suggest', { header, value: name, suggestion });
              else refuse(key, 'ledger_import.unknown_unit', { header, value: name });
            }
          }
          if (key.startsWith('lead:')) {
            if (ids.length > 1) refuse(key, 'ledger_import.one_lead_unit', { header });
            fields.lead.set(partyId, ids[0] ?? null);
          } else fields.co.set(partyId, ids);
        }
      }
      let target: PlannedRow['target'] = null;
      if (fields.id) {
        if (fields.version === undefined) refuse('version', 'ledger_import.bad_row_number', { value: fields.id });
        else target = { id: fields.id, version: fields.version };
      } else if (fields.no !== undefined && fields.no !== null) {
        target = read.ids.get(fields.no) ?? null;
        if (!target) refuse('no', 'ledger_import.unknown_row_number', { value: fields.no });
      }
      if (!target && !fields.title && !reasons.length) refuse('title', 'ledger_import.title_required', { header: headerOf('title') });
      return { row: source.row, fields, target, reasons };
    }

    // The same task twice, or the same new task typed twice: the later row is refused, naming the first.
    const firstOfTask = new Map<string, number>();
    const firstOfTitle = new Map<string, number>();
    for (const plan of planned) {
      const identity = plan.target?.id;
      if (identity) {
        const first = firstOfTask.get(identity);
        if (first !== undefined) plan.reasons.push({ code: 'ledger_import.duplicate_row', params: { row: first }, cell: cellOf('no', plan.row) ?? cellOf('id', plan.row) });
        else firstOfTask.set(identity, plan.row);
      } else if (plan.fields.title) {
        const title = squeeze(plan.fields.title);
        const first = firstOfTitle.get(title);
        if (first !== undefined) plan.reasons.push({ code: 'ledger_import.duplicate_row', params: { row: first }, cell: cellOf('title', plan.row) });
        else firstOfTitle.set(title, plan.row);
      }
    }

    const report = (rows: ImportRowReport[], committed: boolean): LedgerImportReport => ({
      mode,
      committed,
      sheet: read.sheet,
      headerRow: read.headerRow,
      columns,
      unmatched,
      fileReasons,
      rows,
      summary: {
        create: rows.filter((r) => r.action === 'create').length,
        update: rows.filter((r) => r.action === 'update').length,
        unchanged: rows.filter((r) => r.action === 'unchanged').length,
        error: rows.filter((r) => r.action === 'error').length,
        conflict: rows.filter((r) => r.action === 'conflict').length,
      },
    });

    /** The units a task will have: its current ones, with each side named in the file replaced by the file's. */
    function nextUnits(current: TaskUnitInput[], fields: RowFields): TaskUnitInput[] {
      const sides = new Set([...fields.lead.keys(), ...fields.co.keys()]);
      const kept = current.filter((u) => !sides.has(u.partyId) || (u.role === 'lead' ? !fields.lead.has(u.partyId) : !fields.co.has(u.partyId)));
      const named: TaskUnitInput[] = [];
      for (const [partyId, organizationId] of fields.lead) if (organizationId) named.push({ partyId, organizationId, role: 'lead' });
      for (const [partyId, organizationIds] of fields.co) for (const organizationId of organizationIds) named.push({ partyId, organizationId, role: 'co' });
      const byOrder = (a: TaskUnitInput, b: TaskUnitInput) => `${a.partyId}${a.role}${a.organizationId}`.localeCompare(`${b.partyId}${b.role}${b.organizationId}`);
      return [...kept, ...named].sort(byOrder);
    }

    /** The fields of the row that differ from the task as it is now, as a task edit. */
    async function patchOf(tx: Db, before: TaskRow, fields: RowFields): Promise<{ patch: UpdateTaskInput; changes: string[] }> {
      const patch: UpdateTaskInput = {};
      const changes: string[] = [];
      if (fields.title !== undefined && fields.title !== '' && fields.title !== before.title) {
        patch.title = fields.title;
        changes.push('title');
      }
      if (fields.side && (fields.side.joint !== before.joint || fields.side.ownerPartyId !== before.ownerPartyId)) {
        patch.joint = fields.side.joint;
        patch.ownerPartyId = fields.side.ownerPartyId;
        changes.push('side');
      }
      if (fields.status !== undefined && fields.status !== before.status) {
        patch.status = fields.status;
        changes.push('status');
      }
      if (fields.percent !== undefined && fields.percent !== null && fields.percent !== before.percent) {
        patch.percent = fields.percent;
        changes.push('percent');
      }
      for (const key of ['startOn', 'dueOn'] as const) {
        const value = fields[key];
        if (value !== undefined && value !== before[key]) {
          patch[key] = value;
          changes.push(key);
        }
      }
      if (fields.priority !== undefined && fields.priority !== before.priority) {
        patch.priority = fields.priority;
        changes.push('priority');
      }
      if (fields.tags && !sameList([...fields.tags].sort(), [...before.tags].sort())) {
        patch.tags = fields.tags;
        changes.push('tags');
      }
      if (fields.lead.size || fields.co.size) {
        const current = (await taskRepository.unitsOf(tx, [before.id])).map(({ partyId, organizationId, role }) => ({ partyId, organizationId, role }));
        const next = nextUnits(current, fields);
        const key = (u: TaskUnitInput) => `${u.partyId}${u.role}${u.organizationId}`;
        if (!sameList(current.map(key).sort(), next.map(key).sort())) {
          patch.units = next;
          for (const party of parties) {
            const was = (role: string) => current.filter((u) => u.partyId === party.id && u.role === role).map(key).sort();
            const will = (role: string) => next.filter((u) => u.partyId === party.id && u.role === role).map(key).sort();
            if (!sameList(was('lead'), will('lead'))) changes.push(`lead:${party.id}`);
            if (!sameList(was('co'), will('co'))) changes.push(`co:${party.id}`);
          }
        }
      }
      return { patch, changes };
    }

    /** A refusal of the task service as the row's reason, pointing at the cell it is about. */
    function refusal(plan: PlannedRow, error: unknown): Reason {
      const translated = translateDbError(error, 'task');
      if (!(translated instanceof AppError)) throw translated;
      const details = typeof translated.details === 'object' && translated.details !== null ? (translated.details as Record<string, unknown>) : {};
      return { code: translated.code, params: paramsOf(details), cell: cellOf(columnOfCode(translated.code, details), plan.row) };
    }

    async function applyRow(tx: Db, plan: PlannedRow): Promise<ImportRowReport> {
      const base = { row: plan.row, taskId: plan.target?.id ?? null, title: plan.fields.title ?? '', reasons: plan.reasons, changes: [] as string[] };
      const outcome = (action: ImportRowReport['action'], extra: Partial<ImportRowReport> = {}): ImportRowReport => {
        const row = { ...base, ...extra };
        return { ...row, action, cell: row.reasons[0]?.cell ?? null };
      };
      if (plan.reasons.length) return outcome('error');
      if (plan.target) {
        const { id, version } = plan.target;
        let before: TaskRow;
        try {
          before = await deps.tasks.loadReadable(actor, id, tx);
        } catch (error) {
          return outcome('error', { reasons: [refusal(plan, error)] });
        }
        const title = plan.fields.title || before.title;
        if (before.version !== version) {
          return outcome('conflict', { title, reasons: [{ code: 'ledger_import.changed_since_export', params: { exported: version, current: before.version }, cell: cellOf('no', plan.row) ?? cellOf('id', plan.row) }] });
        }
        const { patch, changes } = await patchOf(tx, before, plan.fields);
        if (!changes.length) return outcome('unchanged', { title });
        try {
          await tx.transaction((savepoint) => deps.tasks.updateIn(savepoint as unknown as Db, actor, id, version, patch));
          return outcome('update', { title, changes });
        } catch (error) {
          const reason = refusal(plan, error);
          return outcome(reason.code === 'task.version_conflict' ? 'conflict' : 'error', { title, changes, reasons: [reason] });
        }
      }
      const { fields } = plan;
      const title = fields.title ?? '';
      const changes = [...keyOfColumn.values()].filter((key) => key !== 'no' && key !== 'id' && key !== 'version');
      try {
        const created = await tx.transaction(async (savepoint) => {
          const sp = savepoint as unknown as Db;
          const row = await deps.tasks.createIn(sp, actor, cooperationId, {
            title,
            description: '',
            source: 'manual',
            clauseIds: [],
            joint: fields.side?.joint ?? true,
            ownerPartyId: fields.side?.ownerPartyId ?? null,
            visibility: 'parties',
            priority: fields.priority ?? 'normal',
            tags: fields.tags ?? [],
            startOn: fields.startOn ?? null,
            dueOn: fields.dueOn ?? null,
            units: nextUnits([], fields),
            ownerUserIds: [],
            milestones: [],
          });
          // Progress is an edit of the new task, under the rules every progress change follows.
          const progress: UpdateTaskInput = {};
          if (fields.status && fields.status !== row.status) progress.status = fields.status;
          if (fields.percent !== undefined && fields.percent !== null && fields.percent !== row.percent) progress.percent = fields.percent;
          if (Object.keys(progress).length) await deps.tasks.updateIn(sp, actor, row.id, row.version, progress);
          return row;
        });
        return outcome('create', { taskId: created.id, title, changes });
      } catch (error) {
        return outcome('error', { title, reasons: [refusal(plan, error)] });
      }
    }

    try {
      return await db.transaction(async (txn) => {
        const tx = txn as unknown as Db;
        const rows: ImportRowReport[] = [];
        for (const plan of planned) rows.push(await applyRow(tx, plan));
        const blocked = fileReasons.some((r) => r.code === 'ledger_import.no_header' || r.code === 'ledger_import.too_many_rows') || rows.some((r) => r.action === 'error' || r.action === 'conflict');
        if (mode === 'dry-run' || blocked) throw new RolledBack(report(rows, false));
        return report(rows, true);
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.report;
      throw translateDbError(error, 'task');
    }
  }

  return { run };
}

