import type { Command } from 'commander';
import type { Db } from '../db/client.ts';
import { verifyAuditChain } from '../modules/audit/audit-chain.ts';
import { PLATFORM_CHAIN } from '../modules/audit/audit.repository.ts';
import { cooperationRepository } from '../modules/cooperation/cooperation.repository.ts';
import { withServices } from './data.commands.ts';

/** The words a chain is named by: its cooperation's name and id, the platform's, or the chain from before the split. */
async function chainName(db: Db, chain: string): Promise<string> {
  if (chain === PLATFORM_CHAIN) return 'the platform chain (users, regions, organizations)';
  if (chain === 'global') return 'the chain written before chains were split per cooperation';
  const cooperation = await cooperationRepository.get(db, chain);
  return `the chain of cooperation ${cooperation ? `${cooperation.name} ` : ''}(${chain})`;
}

/** Prints the verdict and answers the exit code: 0 when every chain holds, 1 when one is broken, each broken one named. */
export async function verifyAuditCommand(db: Db, print: (line: string) => void): Promise<number> {
  const verdict = await verifyAuditChain(db);
  if (verdict.ok) {
    print(`audit chain intact: ${verdict.checked} entries in ${verdict.chains} chains`);
    return 0;
  }
  for (const broken of verdict.breaks) print(`audit chain broken at seq ${broken.seq}: ${broken.reason}, in ${await chainName(db, broken.chain)}`);
  print(`${verdict.breaks.length} of ${verdict.chains} chains broken; ${verdict.checked} entries verified`);
  return 1;
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('walk the hash chains of the audit log (one per cooperation, one for the platform); exit code 1 when an entry was altered or removed, naming each broken chain')
    .action(async () => {
      const code = await withServices((services) => verifyAuditCommand(services.database.db, (line) => console.log(line)));
      process.exitCode = code;
    });
}
