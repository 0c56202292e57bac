import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { seedDemo, type DemoLogin } from './demo/demo.seed.ts';
import { seedRegions } from './modules/region/regions.seed.ts';
import { buildApp } from './app/app.ts';
import { regionRepository } from './modules/region/region.repository.ts';
import { createServices, type Services } from './app/services.ts';
import { userRepository } from './modules/user/user.repository.ts';

/** Opens and migrates the database, and loads the region table when it is empty. `loadDataDir`: see OpenOptions. */
export async function openMigrated(config: Config, options: { loadDataDir?: Blob | undefined } = {}): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, loadDataDir: options.loadDataDir });
  try {
    await database.migrate();
    if ((await regionRepository.count(database.db)) === 0) await seedRegions(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export interface Running {
  app: FastifyInstance;
  services: Services;
  demoLogins: DemoLogin[] | null;
  stop(): Promise<void>;
}

/** `npm start`: migrate, seed the demo into an empty database, serve. */
export async function startServer(config: Config, options: { demoWhenEmpty: boolean; logger?: boolean }): Promise<Running> {
  const database = await openMigrated(config);
  const services = createServices(database, config);
  let demoLogins: DemoLogin[] | null = null;
  if (options.demoWhenEmpty && (await userRepository.list(database.db)).length === 0) {
    demoLogins = await seedDemo(services);
  }
  const app = await buildApp({ services, logger: options.logger ?? true });
  await app.listen({ port: config.port, host: config.host });
  if (config.jobs.worker) {
    services.worker.start({
      onJobError: (job, error) => app.log.warn({ err: error, jobId: job.id, queue: job.queue, attempt: job.attempts }, 'background job failed'),
      onLoopError: (error) => app.log.error({ err: error }, 'job worker could not poll'),
    });
  }
  let stopping: Promise<void> | null = null;
  const stop = () => {
    // app.close() lets in-flight requests finish, and the worker its current job, before the database goes away.
    stopping ??= Promise.all([app.close(), services.worker.stop()]).then(() => database.close());
    return stopping;
  };
  return { app, services, demoLogins, stop };
}
