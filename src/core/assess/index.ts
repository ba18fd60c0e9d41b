// Assessment (考核): schemes as data and scores that explain themselves.
export * from './scheme.ts';
export * from './score.ts';
export * from './source.ts';
