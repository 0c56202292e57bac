import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** A table as the backup sees it: what it holds, how its rows are ordered, and what must be loaded before it. */
export interface TableInfo {
  name: string;
  /** Columns a row is written back with, in table order. */
  columns: string[];
  primaryKey: string[];
  /** Tables this one refers to (itself excluded). */
  parents: string[];
  /** A reference of the table to itself (a clause's parent clause): child columns → the columns they name. */
  selfReference: { columns: string[]; referenced: string[] } | null;
  /** Columns filled from a sequence (bigserial): the sequence moves past the restored values. */
  sequenced: string[];
  /** Each column's SQL type, for comparing a page's last key in the column's own order. */
  types: Record<string, string>;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
const ident = (identifier: string) => sql.raw(quote(identifier));

/** Both drivers answer a raw statement with an object holding `rows`; its shape is the statement's, named by the caller. */
async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (typeof result !== 'object' || result === null || !('rows' in result) || !Array.isArray(result.rows)) throw new Error('the database answered without rows');
  return result.rows as T[];
}

/** The schema's own bookkeeping stays out of the archive: the migrations the restore runs write it again. */
const PUBLIC = 'public';

export const backupRepository = {
  async tables(db: Db): Promise<TableInfo[]> {
    const columns = await rows<{ table: string; column: string; type: string; sequenced: boolean }>(
      db,
      sql`select c.relname::text as "table", a.attname::text as "column", format_type(a.atttypid, a.atttypmod) as type,
                 coalesce(pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false) as sequenced
          from pg_class c join pg_namespace s on s.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
          left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
          where s.nspname = ${PUBLIC} and c.relkind = 'r'
          order by c.relname, a.attnum`,
    );
    const keys = await rows<{ table: string; kind: string; target: string; columns: string[]; referenced: string[] | null }>(
      db,
      sql`select c.conrelid::regclass::text as "table", c.contype::text as kind, c.confrelid::regclass::text as target,
                 array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
                 case when c.contype = 'f' then array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) end as referenced
          from pg_constraint c join pg_namespace s on s.oid = c.connamespace
          where s.nspname = ${PUBLIC} and c.contype in ('p', 'f')`,
    );
    const byName = new Map<string, TableInfo>();
    for (const c of columns) {
      const table = byName.get(c.table) ?? { name: c.table, columns: [], primaryKey: [], parents: [], selfReference: null, sequenced: [], types: {} };
      table.columns.push(c.column);
      table.types[c.column] = c.type;
      if (c.sequenced) table.sequenced.push(c.column);
      byName.set(c.table, table);
    }
    for (const k of keys) {
      const table = byName.get(k.table);
      if (!table) continue;
      if (k.kind === 'p') table.primaryKey = k.columns;
      else if (k.target === k.table) table.selfReference = { columns: k.columns, referenced: k.referenced ?? [] };
      else if (!table.parents.includes(k.target)) table.parents.push(k.target);
    }
    return [...byName.values()];
  },

  async count(db: Db, table: string): Promise<number> {
    const [found] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${ident(table)}`);
    return found?.n ?? 0;
  },

  /**
   * The table's rows as JSON text, in primary-key order, a page at a time (keyset paging: each page starts
   * after the last key, so a large table costs no more per page than a small one). Times are written in UTC.
   */
  async *lines(db: Db, table: TableInfo, pageSize: number): AsyncGenerator<string[]> {
    const key = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
    const keyList = sql.join(key.map((c) => sql`t.${ident(c)}`), sql`, `);
    const keyText = sql.join(key.map((c) => sql`t.${ident(c)}::text`), sql`, `);
    let after: (string | null)[] | null = null;
    for (;;) {
      const page: { line: string; k: (string | null)[] }[] = await rows(
        db,
        sql`select to_jsonb(t)::text as line, array[${keyText}] as k
            from ${ident(table.name)} t where ${after === null ? sql`true` : keyAfter(table, key, after)} order by ${keyList} limit ${pageSize}`,
      );
      if (page.length === 0) return;
      yield page.map((p) => p.line);
      if (page.length < pageSize) return;
      after = page[page.length - 1]?.k ?? null;
    }
  },

  /** Writes rows back as they were: every column from the JSON, none left to its default. */
  async insert(db: Db, table: TableInfo, lines: string[]): Promise<void> {
    const list = sql.raw(table.columns.map(quote).join(', '));
    await db.execute(
      sql`insert into ${ident(table.name)} (${list}) select ${list} from jsonb_populate_recordset(null::${ident(table.name)}, ${`[${lines.join(',')}]`}::jsonb)`,
    );
  },

  /** A restored bigserial continues after the highest restored value, so the next insert does not collide. */
  async moveSequences(db: Db, table: TableInfo): Promise<void> {
    for (const column of table.sequenced) {
      await db.execute(
        sql`select setval(pg_get_serial_sequence(${quote(table.name)}, ${column}), coalesce((select max(${ident(column)}) from ${ident(table.name)}), 0) + 1, false)`,
      );
    }
  },

  /** Drops the schema with everything in it, so the migrations build it again as the archive's version had it. */
  async dropSchema(db: Db): Promise<void> {
    await db.execute(sql`drop schema if exists drizzle cascade`);
    await db.execute(sql`drop schema if exists public cascade`);
    await db.execute(sql`create schema public`);
  },

  /** How many migrations the database has applied (none when it was never migrated). */
  async appliedMigrations(db: Db): Promise<number> {
    const [exists] = await rows<{ present: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
    if (!exists?.present) return 0;
    const [found] = await rows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    return found?.n ?? 0;
  },
};

/** `(key columns) > (last key)`, the last key's values compared in the columns' own types. */
function keyAfter(table: TableInfo, key: string[], after: (string | null)[]): SQL {
  const columns = sql.join(key.map((c) => sql`t.${ident(c)}`), sql`, `);
  const values = sql.join(key.map((c, i) => sql`${after[i] ?? null}::${sql.raw(table.types[c] ?? 'text')}`), sql`, `);
  return sql`(${columns}) > (${values})`;
}
