import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_RULES } from './settings.ts';
import { droppedScores, projectScore } from './tour.ts';

describe('which scores the tour rule drops', () => {
  it('drops none below five judges', () => {
    expect([...droppedScores([100, 0, 50, 60])]).toEqual([]);
  });

  it('drops the lowest and the highest with five judges, matching the project score', () => {
    const s = [90, 80, 70, 60, 100];
    expect([...droppedScores(s)].sort()).toEqual([3, 4]);
    expect(projectScore(s)).toBe(80);
  });

  it('of equal scores drops the first given as lowest and the last given as highest', () => {
    expect([...droppedScores([70, 60, 90, 60, 90])].sort()).toEqual([1, 4]);
  });

  it('follows the setting for how many judges it takes', () => {
    expect(
      [...droppedScores([1, 2, 3], { ...DEFAULT_PROJECT_RULES, tourDropExtremesFrom: 3 })].sort(),
    ).toEqual([0, 2]);
  });
});
