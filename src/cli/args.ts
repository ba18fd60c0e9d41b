// Command-line argument parsing shared by the commands: flags are `--name value` or `--flag`.
import { parseArgs } from 'node:util';
import { TiaoduError } from '../core/errors.ts';
import { parseDay } from '../core/period.ts';

/** Flag values as strings: a boolean flag is 'true' when given; a repeated flag is joined with ','. */
export type Flags = Record<string, string | undefined>;

export function parse(
  argv: string[],
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>,
): { values: Flags; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean' },
        explain: { type: 'boolean' },
        today: { type: 'string' },
        ...options,
      },
      allowPositionals: true,
    });
    const flags: Flags = {};
    for (const [k, v] of Object.entries(values)) {
      flags[k] = Array.isArray(v) ? v.join(',') : v === undefined ? undefined : String(v);
    }
    return { values: flags, positionals };
  } catch (e) {
    const m = /'([^']+)'/.exec((e as Error).message)?.[1] ?? '';
    const said: Record<string, string> = {
      ERR_PARSE_ARGS_UNKNOWN_OPTION: `此命令没有参数 ${m}`,
      ERR_PARSE_ARGS_INVALID_OPTION_VALUE: `参数 ${m.split(' ')[0]} 缺少取值`,
    };
    const code = (e as { code?: string }).code ?? '';
    throw new TiaoduError('usage', `参数错误：${said[code] ?? (e as Error).message}（加 --help 查看用法）`);
  }
}

export function required(values: Flags, name: string): string {
  const v = values[name];
  if (v === undefined || v === '') throw new TiaoduError('usage', `缺少参数 --${name}`);
  return v;
}

export function numberFlag(values: Flags, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) {
    throw new TiaoduError('usage', `参数 --${name} 应为数字，收到「${v}」`);
  }
  return n;
}

/** 'YYYY-MM' → { year, month }, or a usage error naming the flag. */
export function periodFlag(value: string, name: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{1,2})$/.exec(value.trim());
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12)
    throw new TiaoduError('usage', `参数 --${name} 应为 YYYY-MM，收到「${value}」`);
  return { year: Number(m[1]), month };
}

/**
 * `--region R --period YYYY-MM [--explain]`, as the commands that read one region and period take them,
 * with the query the API takes for the same.
 */
export function regionPeriodFlags(argv: string[]) {
  const { values } = parse(argv, { region: { type: 'string' }, period: { type: 'string' } });
  const { year, month } = periodFlag(required(values, 'period'), 'period');
  const query = {
    region: required(values, 'region'),
    period: required(values, 'period'),
    explain: values.explain ? '1' : undefined,
  };
  return { values, year, month, query };
}

/**
 * Today as `YYYY-MM-DD`: `--today`, else the environment's TIAODU_TODAY, else the clock (UTC). Every rule that
 * depends on the day (task lights, late projects) takes it from here, so tests and outside checks need no waiting.
 */
export function todayFlag(values: Flags, env: NodeJS.ProcessEnv = process.env, clock = new Date()): string {
  const given = values.today ?? env.TIAODU_TODAY;
  if (given === undefined || given === '') return clock.toISOString().slice(0, 10);
  if (!parseDay(given)) {
    const from = values.today !== undefined ? '参数 --today' : '环境变量 TIAODU_TODAY';
    throw new TiaoduError('usage', `${from} 应为 YYYY-MM-DD 的真实日期，收到「${given}」`);
  }
  return given.trim();
}
