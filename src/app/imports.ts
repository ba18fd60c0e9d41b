// Imports from files: the intake reads a file into rows, the store writes the rows. The one place where both
// meet, so that neither the store reads files nor the intake knows the database (see src/layers.test.ts).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ParsedFile } from '../core/imports.ts';
import { parseFile } from '../intake/index.ts';
import { readTargetFile } from '../intake/targets.ts';
import type { Db } from '../store/db.ts';
import { type ImportOptions, type ImportSummary, importRows } from '../store/importer.ts';
import { importTargetRows } from '../store/targets.ts';

export interface ImportFileOptions extends ImportOptions {
  /** Reads the file: parseFile by default; the server passes one that parses on a worker thread. */
  parse?: (path: string) => Promise<ParsedFile>;
}

/**
 * Imports one statistics file, all-or-nothing (see the store's importRows).
 * @example const summary = await importFile(db, '6月报表.xlsx', { user: 'cli' });
 */
export async function importFile(
  db: Db,
  path: string,
  options: ImportFileOptions = {},
): Promise<ImportSummary> {
  const { parse = parseFile, ...rest } = options;
  return importRows(db, path, await parse(path), rest);
}

/**
 * Imports a target file all-or-nothing: every name must resolve, or nothing is set.
 * @example const count = await importTargets(db, '2025年目标.csv', 'cli');
 */
export async function importTargets(db: Db, path: string, user: string | null = null): Promise<number> {
  const file = basename(path);
  return importTargetRows(db, file, await readTargetFile(await readFile(path), file), user);
}
