import { Command } from 'commander';
import { AppError } from '../app-error.ts';
import { startServer, openMigrated } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { registerAuditCommands } from './audit.commands.ts';
import { registerBackupCommands } from './backup.commands.ts';
import { registerDataCommands } from './data.commands.ts';
import { registerIngestCommand } from './ingest.command.ts';
import { registerJobsCommands } from './jobs.commands.ts';
import { registerProjectCommands } from './project.commands.ts';
import { registerDashboardCommands } from './dashboard.commands.ts';
import { registerReportCommands } from './report.commands.ts';
import { registerTaskCommands } from './task.commands.ts';
import { registerLedgerCommands } from './ledger.commands.ts';

const program = new Command()
  .name('liandong')
  .description('Liandong (联动): the working system of a cross-regional cooperation')
  .showHelpAfterError();

program
  .command('serve')
  .description('serve the web app and the API (PORT, DATABASE_URL, LIANDONG_DATA_DIR)')
  .option('--no-demo', 'do not load the demo data into an empty database')
  .action(async (options: { demo: boolean }) => {
    const config = loadConfig();
    const running = await startServer(config, { demoWhenEmpty: options.demo });
    const address = `http://localhost:${config.port}`;
    console.log(`Liandong ${config.version} on ${address} (${running.services.database.kind}); API docs at ${address}/api/docs`);
    if (running.demoLogins) {
      console.log('Demo data loaded. Log in as:');
      for (const login of running.demoLogins) console.log(`  ${login.username.padEnd(10)} ${login.password}   ${login.displayName}`);
    }
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const database = await openMigrated(loadConfig());
    console.log(`Migrations applied (${database.kind}).`);
    await database.close();
  });

registerDataCommands(program);
registerIngestCommand(program);
registerJobsCommands(program);
registerAuditCommands(program);
registerTaskCommands(program);
registerLedgerCommands(program);
registerProjectCommands(program);
registerDashboardCommands(program);
registerReportCommands(program);
registerBackupCommands(program);

program.parseAsync().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`liandong: ${error.message}`);
    process.exit(3);
  }
  const message = error instanceof Error ? error.message : String(error);
  // The stable code goes with the message, so a script can tell one refusal from another.
  console.error(`liandong: ${message}${error instanceof AppError ? ` (${error.code})` : ''}`);
  process.exit(1);
});
