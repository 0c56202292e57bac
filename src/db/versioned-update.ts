import { and, eq, sql, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Applies `patch` only if the row still has the version the caller read, and
 * bumps the version; `undefined` means the row is gone or was changed meanwhile.
 */
export async function updateIfVersion<T extends VersionedTable>(
  db: Db,
  table: T,
  id: string,
  expectedVersion: number,
  patch: PgUpdateSetSource<T>,
): Promise<InferSelectModel<T> | undefined> {
  const set = { ...patch, version: sql`${table.version} + 1`, updatedAt: new Date() } as PgUpdateSetSource<T>;
  const rows = (await db
    .update(table)
    .set(set)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning()) as InferSelectModel<T>[];
  return rows[0];
}
