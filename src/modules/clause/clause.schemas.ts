import { z } from 'zod';
import { CLAUSE_LEVELS } from '../../db/schema/core.ts';
import { labelText, shortText, versionField } from '../../http/common.schemas.ts';

const clauseLevel = z.enum(CLAUSE_LEVELS);

export interface ClauseNode {
  id: string;
  parentId: string | null;
  level: (typeof CLAUSE_LEVELS)[number];
  label: string | null;
  title: string;
  body: string;
  ordinal: number;
  spanStart: number | null;
  spanEnd: number | null;
  version: number;
  children: ClauseNode[];
}

export const clauseNodeSchema: z.ZodType<ClauseNode> = z.lazy(() =>
  z.object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    level: clauseLevel,
    label: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    ordinal: z.number().int(),
    spanStart: z.number().int().nullable(),
    spanEnd: z.number().int().nullable(),
    version: z.number().int(),
    children: z.array(clauseNodeSchema),
  }),
);

const span = {
  spanStart: z.number().int().min(0).nullable().optional(),
  spanEnd: z.number().int().min(0).nullable().optional(),
};

export const createClauseBody = z.object({
  parentId: z.uuid().nullable().optional(),
  level: clauseLevel,
  label: labelText(20).nullable().optional(),
  title: shortText(1000),
  body: z.string().max(20_000).default(''),
  ordinal: z.number().int().min(0).max(10_000).optional(),
  ...span,
});

export const updateClauseBody = z.object({
  version: versionField,
  level: clauseLevel.optional(),
  label: labelText(20).nullable().optional(),
  title: shortText(1000).optional(),
  body: z.string().max(20_000).optional(),
  ...span,
});

export const reorderClausesBody = z.object({
  parentId: z.uuid().nullable(),
  orderedIds: z.array(z.uuid()).min(1).max(1000),
});

export const moveClauseBody = z.object({
  version: versionField,
  parentId: z.uuid().nullable(),
  ordinal: z.number().int().min(0).max(10_000),
});

export const clauseSchema = z.object({
  id: z.uuid(),
  agreementId: z.uuid(),
  parentId: z.uuid().nullable(),
  level: clauseLevel,
  label: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  ordinal: z.number().int(),
  spanStart: z.number().int().nullable(),
  spanEnd: z.number().int().nullable(),
  version: z.number().int(),
});
