// Opening a store: the database, its migrations and the built-in catalogue. Its own module so that a command
// reaches it without loading every store module the barrel (index.ts) re-exports.
import { type Db, type OpenOptions, openDb } from './db.ts';
import { seedIndicators } from './indicators.ts';
import { migrate } from './migrate.ts';

/** Opens the database, applies pending migrations and seeds the built-in catalogue. */
export async function openStore(options: OpenOptions = {}): Promise<Db> {
  const db = await openDb(options);
  await migrate(db);
  await seedIndicators(db);
  return db;
}
