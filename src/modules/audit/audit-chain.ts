import type { Db } from '../../db/client.ts';
import { auditRepository, auditHash, GENESIS_HASH, type AuditRow } from './audit.repository.ts';

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBreak: { seq: number; reason: string } | null;
}

/** Walks the whole chain in pages; reports the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const page: AuditRow[] = await auditRepository.listPage(db, { afterSeq, limit: pageSize });
    for (const row of page) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, firstBreak: { seq: row.seq, reason: 'link to the previous entry does not match' } };
      }
      if (auditHash(row.prevHash, row) !== row.hash) {
        return { ok: false, checked, firstBreak: { seq: row.seq, reason: 'entry was altered after it was written' } };
      }
      prevHash = row.hash;
      afterSeq = row.seq;
      checked++;
    }
    if (page.length < pageSize) return { ok: true, checked, firstBreak: null };
  }
}
