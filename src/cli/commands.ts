// The CLI's commands by name. Each command's module loads only when that command runs: loading them all took
// 0.8 s of every call (Excel, Word, zod, the server), and outside checks call `series` dozens of times in a row.
// Each command parses its flags, opens the store (or goes through the running server), calls the store and prints.

export type Command = (argv: string[]) => Promise<number>;

/** A command whose module loads on first use. */
const lazy =
  (load: () => Promise<Command>): Command =>
  async (argv) =>
    (await load())(argv);

const monitoring = () => import('./monitoring.ts');
const catalog = async () => (await import('./catalog.ts')).catalogCommands;
const projects = async () => (await import('./projects.ts')).projectCommands;

export const commands: Record<string, Command> = {
  init: lazy(async () => (await monitoring()).init),
  import: lazy(async () => (await import('./importing.ts')).importCmd),
  series: lazy(async () => (await monitoring()).seriesCmd),
  league: lazy(async () => (await monitoring()).leagueCmd),
  target: lazy(async () => (await monitoring()).targetCmd),
  progress: lazy(async () => (await monitoring()).progressCmd),
  overview: lazy(async () => (await import('./overview.ts')).overviewCommand),
  brief: lazy(async () => (await import('./brief.ts')).briefCommand),
  backup: lazy(async () => (await import('./operations.ts')).backup),
  restore: lazy(async () => (await import('./operations.ts')).restore),
  intake: lazy(async () => (await import('./intake.ts')).intake),
  demo: lazy(async () => (await import('./demo.ts')).demo),
  serve: lazy(async () => (await import('./serve.ts')).serve),
  start: lazy(async () => (await import('./serve.ts')).start),
  indicator: lazy(async () => (await catalog()).indicator as Command),
  region: lazy(async () => (await catalog()).region as Command),
  unit: lazy(async () => (await catalog()).unit as Command),
  template: lazy(async () => (await catalog()).template as Command),
  user: lazy(async () => (await catalog()).user as Command),
  audit: lazy(async () => (await import('./audit.ts')).audit),
  assess: lazy(async () => (await import('./assess.ts')).assessCommand),
  project: lazy(async () => (await projects()).project as Command),
  lead: lazy(async () => (await projects()).lead as Command),
  tour: lazy(async () => (await projects()).tour as Command),
  task: lazy(async () => (await import('./tasks.ts')).task),
  meeting: lazy(async () => (await import('./meetings.ts')).meeting),
  report: lazy(async () => (await import('./report.ts')).report),
};
