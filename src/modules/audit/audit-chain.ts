import type { Db } from '../../db/client.ts';
import { auditRepository, auditHash, chainOf, GENESIS_HASH, type AuditRow } from './audit.repository.ts';

interface ChainBreak {
  /** The cooperation whose chain broke, `platform`, or `global` for the chain entries joined before chains were split. */
  chain: string;
  seq: number;
  reason: string;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** How many chains were walked. */
  chains: number;
  /** The first break of every broken chain, in the order of the log. */
  breaks: ChainBreak[];
}

/** The chain a stored entry links into. */
const chainKey = (row: AuditRow): string => (row.chain === 'global' ? 'global' : chainOf(row));

/** Walks the log in pages, every chain at once; reports the first entry of each chain whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainVerdict> {
  const last = new Map<string, string>();
  const broken = new Map<string, ChainBreak>();
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const page: AuditRow[] = await auditRepository.listPage(db, { afterSeq, limit: pageSize });
    for (const row of page) {
      afterSeq = row.seq;
      const chain = chainKey(row);
      const prevHash = last.get(chain) ?? GENESIS_HASH;
      last.set(chain, row.hash);
      if (broken.has(chain)) continue;
      if (row.prevHash !== prevHash) broken.set(chain, { chain, seq: row.seq, reason: 'link to the previous entry does not match' });
      else if (auditHash(row.prevHash, row) !== row.hash) broken.set(chain, { chain, seq: row.seq, reason: 'entry was altered after it was written' });
      else checked++;
    }
    if (page.length < pageSize) return { ok: broken.size === 0, checked, chains: last.size, breaks: [...broken.values()] };
  }
}
