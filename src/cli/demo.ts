// `tiaodu demo`: loads the demo city (杭州市, its districts and towns) into an empty database.
import { loadDemo } from '../demo/index.ts';
import { openStore } from '../store/index.ts';
import { parse } from './args.ts';
import type { Command } from './commands.ts';

export const demo: Command = async (argv) => {
  const { values } = parse(argv, {});
  const db = await openStore({ dataDir: values.data });
  try {
    const s = await loadDemo(db);
    console.log(
      `已载入演示数据：杭州市 ${s.regions} 个地区，${s.observations} 条数据（2023—2025年），${s.targets} 个2025年目标`,
    );
    return 0;
  } finally {
    await db.close();
  }
};
