import type { Command } from 'commander';
import { describeDatabase } from '@passerelle/core';
import { openDatabase } from '@passerelle/db';
import { buildApp, createLogger } from '@passerelle/server';
import { addDatabaseOptions, configFromOptions } from '../shared/options';
import { databaseHasNoPeople, seedDemoData } from './demo';

/** `passerelle serve`: the HTTP server, with graceful shutdown on SIGTERM and SIGINT. */
export function registerServe(program: Command): void {
  addDatabaseOptions(
    program
      .command('serve')
      .description('start the web app and HTTP API')
      .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
      .option('--port <port>', 'port to listen on (env PORT, default 8080)')
      .option(
        '--demo',
        'demo mode: load demo data on first start and show the demo sign-in (env PASSERELLE_DEMO=true)',
      ),
  ).action(async (opts) => {
    const config = configFromOptions(opts);
    const logger = createLogger(config.logLevel);
    const database = await openDatabase(config.database, { migrate: true });
    let app: Awaited<ReturnType<typeof buildApp>> | undefined;
    try {
      // Demo mode: on first start (no person yet), load the default demo data before listening,
      // and before the app creates the demo users (they link to the fixed demo organisations).
      if (config.demo && !config.production && (await databaseHasNoPeople(database))) {
        // Dated from today, so that vacancies and trainings are current whenever the demo starts.
        const summary = await seedDemoData(database, {
          referenceDate: new Date().toISOString().slice(0, 10),
        });
        logger.info({ demo: summary }, 'demo data loaded');
      }
      app = await buildApp({ config, database, logger });
      await app.listen({ host: config.host, port: config.port });
    } catch (e) {
      await app?.close().catch(() => {});
      await database.close();
      throw e;
    }
    logger.info(
      { database: describeDatabase(config.database) },
      `Passerelle listening on http://${config.host}:${config.port}`,
    );
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      const force = setTimeout(() => {
        logger.error('shutdown took longer than 20 s; exiting');
        process.exit(1);
      }, 20_000);
      force.unref();
      try {
        await app?.close();
        await database.close();
        logger.info('stopped cleanly');
        process.exit(0);
      } catch (e) {
        logger.error({ err: e }, 'error during shutdown');
        process.exit(1);
      }
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
    await new Promise(() => {});
  });
}
