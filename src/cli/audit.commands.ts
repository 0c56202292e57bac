import type { Command } from 'commander';
import type { Db } from '../db/client.ts';
import { verifyAuditChain } from '../modules/audit/audit-chain.ts';
import { withServices } from './data.commands.ts';

/** Prints the verdict and answers the exit code: 0 when the chain holds, 1 at the first break. */
export async function verifyAuditCommand(db: Db, print: (line: string) => void): Promise<number> {
  const verdict = await verifyAuditChain(db);
  if (verdict.ok) {
    print(`audit chain intact: ${verdict.checked} entries`);
    return 0;
  }
  const seq = verdict.firstBreak?.seq ?? 'unknown';
  print(`audit chain broken at seq ${seq}: ${verdict.firstBreak?.reason ?? 'unknown reason'} (${verdict.checked} entries before it are intact)`);
  return 1;
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('walk the hash chain of the audit log; exit code 1 at the first entry that was altered or removed')
    .action(async () => {
      const code = await withServices((services) => verifyAuditCommand(services.database.db, (line) => console.log(line)));
      process.exitCode = code;
    });
}
