// The store's public surface: open a database, migrate it, and the queries the CLI and server use.
import { type Db, type OpenOptions, openDb } from './db.ts';
import { seedIndicators } from './indicators.ts';
import { migrate } from './migrate.ts';

export * from './accounts.ts';
export * from './audit.ts';
export * from './briefing.ts';
export * from './briefingVersions.ts';
export * from './db.ts';
export * from './documents.ts';
export * from './entry.ts';
export * from './importer.ts';
export * from './indicators.ts';
export * from './leaderProjects.ts';
export * from './leadPromotion.ts';
export * from './leads.ts';
export * from './leadViews.ts';
export * from './league.ts';
export * from './locks.ts';
export * from './meetings.ts';
export * from './observations.ts';
export * from './overview.ts';
export * from './passwords.ts';
export * from './preview.ts';
export * from './progress.ts';
export * from './projectProblems.ts';
export * from './projectReads.ts';
export * from './projects.ts';
export * from './projectUpdates.ts';
export * from './projectViews.ts';
export * from './publish.ts';
export * from './regions.ts';
export * from './review.ts';
export * from './series.ts';
export * from './sessions.ts';
export * from './settings.ts';
export * from './submit.ts';
export * from './targets.ts';
export * from './taskCreate.ts';
export * from './taskList.ts';
export * from './taskReports.ts';
export * from './tasks.ts';
export * from './tours.ts';
export * from './units.ts';

/** Opens the database, applies pending migrations and seeds the built-in catalogue. */
export async function openStore(options: OpenOptions = {}): Promise<Db> {
  const db = await openDb(options);
  await migrate(db);
  await seedIndicators(db);
  return db;
}
