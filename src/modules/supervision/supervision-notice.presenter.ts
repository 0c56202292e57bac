import type { supervisionNotices } from '../../db/schema/work.ts';

export const presentNotice = (n: typeof supervisionNotices.$inferSelect) => ({
  id: n.id,
  taskId: n.taskId,
  number: n.number,
  deadline: n.deadline,
  body: n.body,
  issuedBy: n.issuedBy,
  issuedPartyId: n.issuedPartyId,
  acknowledgedAt: n.acknowledgedAt ? n.acknowledgedAt.toISOString() : null,
  acknowledgedBy: n.acknowledgedBy,
  version: n.version,
  createdAt: n.createdAt.toISOString(),
});
