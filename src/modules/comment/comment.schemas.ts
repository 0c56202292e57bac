import { z } from 'zod';

const person = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });

export const commentSchema = z.object({
  id: z.uuid(),
  subjectType: z.enum(['task', 'report']),
  subjectId: z.uuid(),
  author: person.nullable(),
  /** Plain text as written; clients show it as text, never as HTML. */
  body: z.string(),
  mentions: z.array(person),
  createdAt: z.iso.datetime({ offset: true }),
});

export const createCommentBody = z.object({ body: z.string().max(5000).refine((s) => s.trim().length > 0, 'a comment needs some text') });

export const commentList = z.object({
  items: z.array(commentSchema),
  /** `comment`: the reader may add one (a leader or an observer reads only). */
  can: z.object({ comment: z.boolean() }),
});
