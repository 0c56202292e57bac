import type { Db } from './client.ts';
import { translateDbError } from './pg-errors.ts';

/**
 * Runs a service's change in one transaction; constraint violations come out
 * as stable `<entity>.duplicate` / `.reference_invalid` / `.invalid` errors.
 */
export async function writeTransaction<T>(db: Db, entity: string, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction((tx) => work(tx as unknown as Db));
  } catch (error) {
    throw translateDbError(error, entity);
  }
}
