// `tiaodu import`: statistics and project files, directly or through the running server.
import { basename } from 'node:path';
import { importFile, importProjectFile } from '../app/imports.ts';
import { TiaoduError } from '../core/errors.ts';
import type { ProjectImportSummary } from '../core/projects/parsed.ts';
import { type ImportSummary, importCatalogue } from '../store/importer.ts';
import { parse } from './args.ts';
import type { Command } from './commands.ts';
import { readLocal, withStoreOrServer } from './remote.ts';

export const importCmd: Command = async (argv) => {
  const { values, positionals } = parse(argv, {
    'dry-run': { type: 'boolean' },
    user: { type: 'string' },
    reason: { type: 'string' },
  });
  if (positionals.length === 0) throw new TiaoduError('usage', '请给出要导入的文件');
  const dryRun = !!values['dry-run'];
  const say = (s: ImportSummary) => {
    const verb = s.dryRun ? '试导入（未写入）' : '已导入';
    console.log(
      `${verb} ${s.file}（格式 ${s.format}）：${s.rows} 行，新增 ${s.created}，更新 ${s.updated}，未变 ${s.ignored}`,
    );
    if (s.skipped) console.log(`  ${skippedSentence(s.skipped)}`);
  };
  return withStoreOrServer(
    values,
    'import',
    async (db) => {
      // The CLI is the task force's tool: its imports are published at once; into a published period with --reason.
      // One reading of the catalogue for every file: the command changes no region or indicator meanwhile.
      const catalogue = await importCatalogue(db);
      const options = { dryRun, user: values.user ?? 'cli', reason: values.reason, catalogue };
      for (const file of positionals) {
        // The project layouts (项目库, 项目月报, 招商项目, 拉练评分) are told by their header row.
        const project = await importProjectFile(db, file, { dryRun, user: options.user });
        if (project) sayProject(project);
        else say(await importFile(db, file, options));
      }
      return 0;
    },
    async (api) => {
      for (const file of positionals) {
        // The server knows the file by the name it is sent; the user by the path they typed.
        const s = await api.json<ImportSummary>('POST', '/api/import', {
          query: { dryRun: dryRun ? '1' : undefined, reason: values.reason },
          body: await readLocal(file),
          headers: { 'x-filename': encodeURIComponent(basename(file)) },
        });
        say({ ...s, file });
      }
      return 0;
    },
  );
};

function sayProject(s: ProjectImportSummary): void {
  const verb = s.dryRun ? '试导入（未写入）' : '已导入';
  console.log(
    `${verb} ${s.file}（${s.format}）：${s.rows} 行，新增 ${s.created}，更新 ${s.updated}，未变 ${s.ignored}`,
  );
  if (s.newUnits.length > 0)
    console.log(
      `  新增责任单位 ${s.newUnits.length} 个：${s.newUnits.map((u) => `${u.name}（${u.region}）`).join('、')}`,
    );
}

/** '跳过 570 行：北京市、天津市 等 30 个地区不是本系统载入的地区，这些行未导入'. */
function skippedSentence(skipped: NonNullable<ImportSummary['skipped']>): string {
  const { rows, regions } = skipped;
  const names = regions.slice(0, 10).join('、') + (regions.length > 10 ? ` 等 ${regions.length} 个地区` : '');
  return `跳过 ${rows} 行：${names}不是本系统载入的地区，这些行未导入`;
}
