import { createHash } from 'node:crypto';

/** A built drizzle query: awaiting it gives its rows, and it can be prepared under a name. */
interface Preparable extends PromiseLike<unknown> {
  toSQL(): { sql: string };
  prepare(name: string): { execute(): Promise<unknown> };
}

/**
 * Runs a built query as a named prepared statement, so PostgreSQL parses and
 * plans each distinct statement once per connection instead of on every call
 * (the ledger spends about a millisecond planning). The name is a digest of
 * the text: node-postgres refuses one name for two texts, and a filter combination
 * is a new text. PGlite ignores the name.
 */
export async function runPrepared<Q extends Preparable>(query: Q): Promise<Awaited<Q>> {
  const name = `ld_${createHash('sha1').update(query.toSQL().sql).digest('hex').slice(0, 20)}`;
  // The prepared form runs the same statement and maps rows the same way as awaiting the query.
  return (await query.prepare(name).execute()) as Awaited<Q>;
}
