import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { canAcknowledgeFor } from '../access/policy.ts';
import { supervisionRepository, type NoticeRow, type RecipientRow } from './supervision.repository.ts';
import { isoOrNull } from '../../lib/present.ts';

/**
 * The printed prefix of a side's notices: its short name's first character
 * (青岛 → 青督), or the whole short name when another side of the cooperation
 * starts with the same character, so two sides' numbers never read alike.
 */
export function noticePrefix(partyId: string, sides: { id: string; shortName: string }[]): string {
  const own = sides.find((s) => s.id === partyId)?.shortName ?? '';
  const initial = [...own][0] ?? '';
  const clash = sides.some((s) => s.id !== partyId && [...s.shortName][0] === initial);
  return clash ? own : initial;
}

export const noticeNumber = (prefix: string, year: number, sequence: number) => `${prefix}督〔${year}〕${sequence}号`;

function presentNotice(actor: Actor | null, n: NoticeRow, own: RecipientRow[]) {
  const signed = own.length > 0 && own.every((r) => r.acknowledgedAt);
  const lastSignature = signed ? Math.max(...own.map((r) => r.acknowledgedAt?.getTime() ?? 0)) : null;
  return {
    id: n.id,
    taskId: n.taskId,
    number: n.number,
    deadline: n.deadline,
    body: n.body,
    issuedBy: n.issuedBy,
    issuedPartyId: n.issuedPartyId,
    recipients: own.map((r) => ({
      partyId: r.partyId,
      partyName: r.partyName,
      organizationId: r.organizationId,
      organizationName: r.organizationName,
      acknowledgedAt: isoOrNull(r.acknowledgedAt),
      acknowledgedBy: r.acknowledgedBy,
      acknowledgedByName: r.acknowledgedByName,
    })),
    /** When the last recipient signed; null while any has not. */
    acknowledgedAt: lastSignature === null ? null : new Date(lastSignature).toISOString(),
    version: n.version,
    createdAt: n.createdAt.toISOString(),
    can: { acknowledge: own.some((r) => !r.acknowledgedAt && canAcknowledgeFor(actor, n, r)) },
  };
}

export type PresentedNotice = ReturnType<typeof presentNotice>;

export async function presentNotices(db: Db, actor: Actor | null, notices: NoticeRow[]): Promise<PresentedNotice[]> {
  const byNotice = await supervisionRepository.recipientsByNotice(db, notices.map((n) => n.id));
  return notices.map((n) => presentNotice(actor, n, byNotice.get(n.id) ?? []));
}
