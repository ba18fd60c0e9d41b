// Supervision (督办): pure rules for tasks — days, cycles, lights, extensions, expansion of 各乡镇（街道）.
export * from './cycles.ts';
export * from './days.ts';
export * from './dueText.ts';
export * from './expand.ts';
export * from './extension.ts';
export * from './lights.ts';
export * from './notice.ts';
export * from './rules.ts';
