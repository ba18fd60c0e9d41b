// `tiaodu backup` and `tiaodu restore` (the operator's commands): a consistent copy of the embedded store (also
// through the server), and putting one back into an empty directory. PostgreSQL has its own tools for this.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { TiaoduError } from '../core/errors.ts';
import { backupArchive, POSTGRES_BACKUP, POSTGRES_RESTORE, restoreArchive } from '../store/backup.ts';
import { dataDirOf } from '../store/index.ts';
import { parse, required } from './args.ts';
import type { Command } from './commands.ts';
import { withStoreOrServer } from './remote.ts';

const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);

export const backup: Command = async (argv) => {
  const { values } = parse(argv, { out: { type: 'string' } });
  if (process.env.DATABASE_URL) throw new TiaoduError('backup.postgres', POSTGRES_BACKUP);
  const out = required(values, 'out');
  if (existsSync(out))
    throw new TiaoduError('backup.exists', `文件 ${out} 已存在：请换一个文件名，或先移走它`);
  const name = basename(out);
  const archive = await withStoreOrServer<Uint8Array>(
    values,
    'backup',
    (db) => backupArchive(db, 'cli', name),
    async (api) =>
      new Uint8Array(
        await (await api.request('GET', '/api/backup', { query: { file: name } })).arrayBuffer(),
      ),
  );
  // Written aside and renamed, so a file under the backup's name is always a whole backup.
  const partial = `${out}.partial`;
  try {
    writeFileSync(partial, archive, { mode: 0o600 });
    renameSync(partial, out);
  } catch (e) {
    rmSync(partial, { force: true });
    throw new TiaoduError('backup.write', `无法写入备份文件 ${out}：${(e as Error).message}`);
  }
  const dataDir = resolve(dataDirOf({ dataDir: values.data }));
  console.log(
    `已备份 ${dataDir} → ${out}（${megabytes(archive.length)} MB；用 tiaodu restore ${out} --data 新目录 恢复）`,
  );
  return 0;
};

export const restore: Command = async (argv) => {
  const { values, positionals } = parse(argv, {});
  if (process.env.DATABASE_URL) throw new TiaoduError('restore.postgres', POSTGRES_RESTORE);
  const [file] = positionals;
  if (!file || positionals.length > 1)
    throw new TiaoduError('usage', '用法: tiaodu restore 备份文件 --data 空目录');
  const dataDir = dataDirOf({ dataDir: values.data });
  let archive: Uint8Array;
  try {
    archive = await readFile(file);
  } catch (e) {
    throw new TiaoduError('restore.read', `无法读取备份文件 ${file}：${(e as Error).message}`);
  }
  const { db, counts } = await restoreArchive(archive, file, dataDir, 'cli');
  await db.close();
  if (values.json) console.log(JSON.stringify({ dataDir: resolve(dataDir), ...counts }));
  else
    console.log(
      `已恢复到 ${resolve(dataDir)}：${counts.regions} 个地区，${counts.observations} 条数据，${counts.users} 个账号`,
    );
  return 0;
};
