import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { createConfiguredAttachmentStore } from '../modules/attachment/configured-attachment-store.ts';
import { createBackup, restoreBackup, type BackupDeps } from '../modules/backup/backup.service.ts';

/** Progress goes to stderr, so the summary on stdout can be read by a script. */
const progress = (message: string) => process.stderr.write(`  ${message}\n`);

/** Opens the configured database without migrating it: a restore decides which schema to build. */
async function withBackupDeps<T>(work: (deps: BackupDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work({ database, store: createConfiguredAttachmentStore(config.uploads), appVersion: config.version, progress });
  } finally {
    await database.close();
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write every table and attachment to one archive file (a .tar.gz with a manifest of counts and hashes)')
    .argument('<file>', 'the archive to write')
    .action(async (file: string) => {
      const manifest = await withBackupDeps((deps) => createBackup(deps, path.resolve(file)));
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(`Backup written to ${file}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files.`);
    });

  program
    .command('restore')
    .description('restore an archive made by `liandong backup` into this instance (checked whole before anything changes)')
    .argument('<file>', 'the archive to read')
    .option('--force', 'replace the data of an instance that is in use')
    .action(async (file: string, options: { force?: boolean }) => {
      const manifest = await withBackupDeps((deps) => restoreBackup(deps, path.resolve(file), { force: options.force ?? false }));
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(`Restored ${file} (made ${manifest.createdAt}): ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files.`);
    });
}
