import type { Command } from 'commander';
import { openMigrated } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { SYSTEM_ACTOR } from '../modules/access/actor.ts';
import { createServices } from '../app/services.ts';
import { organizationRepository } from '../modules/organization/organization.repository.ts';

/** Opens and migrates the configured database, runs `work` with the services, and closes it again. */
export async function withServices<T>(work: (services: ReturnType<typeof createServices>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openMigrated(config);
  try {
    return await work(createServices(database, config));
  } finally {
    await database.close();
  }
}

export function registerDataCommands(program: Command): void {
  program
    .command('seed')
    .description('load data into the database')
    .requiredOption('--demo', 'the demo: five cooperations from the seed texts, units and demo users')
    .action(async () => {
      const logins = await withServices(seedDemo);
      console.log('Demo data loaded. Log in as:');
      for (const login of logins) console.log(`  ${login.username.padEnd(10)} ${login.password}   ${login.displayName}`);
    });

  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user (the password is read from LIANDONG_NEW_PASSWORD or --password)')
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--display-name <name>', 'name shown in the UI')
    .option('--password <password>', 'initial password (prefer LIANDONG_NEW_PASSWORD, which stays out of shell history)')
    .option('--email <email>', 'mail address for notifications')
    .option('--unit <name>', 'the unit (organization) the user works for, by exact name')
    .option('--admin', 'platform administrator')
    .option('--office', 'a cooperation office (协调办): may create cooperations and import texts')
    .action(async (options: { username: string; displayName: string; password?: string; email?: string; unit?: string; admin?: boolean; office?: boolean }) => {
      const password = options.password ?? process.env.LIANDONG_NEW_PASSWORD;
      if (!password) throw new Error('give the password with --password or LIANDONG_NEW_PASSWORD');
      const created = await withServices(async (services) => {
        let organizationId: string | null = null;
        if (options.unit) {
          const { items } = await organizationRepository.list(services.database.db, { q: options.unit, page: 1, pageSize: 50 });
          const unit = items.find((o) => o.name === options.unit);
          if (!unit) throw new Error(`no unit named ${options.unit}`);
          organizationId = unit.id;
        }
        return services.user.create(SYSTEM_ACTOR, {
          username: options.username,
          displayName: options.displayName,
          password,
          email: options.email ?? null,
          organizationId,
          isAdmin: options.admin ?? false,
          isOffice: options.office ?? false,
        });
      });
      console.log(`Created user ${created.username} (${created.id}).`);
    });

  /** The account a command names, with its current version, as the admin area would read it. */
  const byUsername = async (services: ReturnType<typeof createServices>, username: string) => {
    const { items } = await services.user.list(SYSTEM_ACTOR, { q: username, page: 1, pageSize: 50 });
    const found = items.find((u) => u.username === username);
    if (!found) throw new Error(`no user named ${username}`);
    return found;
  };

  user
    .command('reset-password')
    .description('give a user a temporary password, printed once; they choose their own at the next login')
    .requiredOption('--username <name>', 'login name')
    .action(async (options: { username: string }) => {
      const { temporaryPassword } = await withServices(async (services) => {
        const found = await byUsername(services, options.username);
        return services.user.resetPassword(SYSTEM_ACTOR, found.id, found.version);
      });
      console.log(`Temporary password of ${options.username}: ${temporaryPassword}`);
    });

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    user
      .command(name)
      .description(disabled ? 'refuse a user logging in; ends their sessions and revokes their API tokens' : 'let a disabled user log in again')
      .requiredOption('--username <name>', 'login name')
      .action(async (options: { username: string }) => {
        await withServices(async (services) => {
          const found = await byUsername(services, options.username);
          await services.user.setDisabled(SYSTEM_ACTOR, found.id, found.version, disabled);
        });
        console.log(`${disabled ? 'Disabled' : 'Enabled'} ${options.username}.`);
      });
  }
}
