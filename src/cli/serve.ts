// `tiaodu serve` and `tiaodu start`: the JSON API (and later the web app) over HTTP.
import { TiaoduError } from '../core/errors.ts';
import type { Command } from './commands.ts';

export const serve: Command = async () => {
  throw new TiaoduError('not_implemented', '服务尚未实现');
};

export const start: Command = async () => {
  throw new TiaoduError('not_implemented', '服务尚未实现');
};
