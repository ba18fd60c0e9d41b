// `tiaodu demo`: loads the demo city into an empty database.
import { TiaoduError } from '../core/errors.ts';
import type { Command } from './commands.ts';

export const demo: Command = async () => {
  throw new TiaoduError('not_implemented', '演示数据尚未实现');
};
