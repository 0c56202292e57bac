import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { projects } from '../../db/schema/core.ts';
import { rowScopeCondition, type RowScope } from '../access/policy.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;

export const projectRepository = {
  async listByCooperation(db: Db, cooperationId: string, scope: RowScope): Promise<ProjectRow[]> {
    return db
      .select()
      .from(projects)
      .where(and(eq(projects.cooperationId, cooperationId), rowScopeCondition(scope, projects)))
      .orderBy(asc(projects.createdAt), asc(projects.name));
  },
  async insert(db: Db, values: NewProject): Promise<ProjectRow> {
    const [row] = await db.insert(projects).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },
};
