// Which project layout a header row is: the contract's headers, with or without units, either kind of
// parentheses, or English aliases; a statistics header is none of them.
import { describe, expect, it } from 'vitest';
import { columnsOf, detectProjectLayout } from './projectLayouts.ts';

describe('telling the project layouts apart by their header row', () => {
  it('knows each layout by the contract’s headers, with units in either parentheses or none', () => {
    expect(
      detectProjectLayout(
        '项目编号,项目名称,所属地区,责任单位,包联领导,级别(省重点|市重点|县重点|区重点),类型,建设性质,总投资（万元）,年度计划投资（万元）,计划开工,实际开工,计划竣工,实际竣工,入库日期'.split(
          ',',
        ),
      ),
    ).toBe('项目库');
    expect(detectProjectLayout(['\ufeff项目编号', '月份', '本年累计完成投资', '形象进度'])).toBe('项目月报');
    expect(detectProjectLayout(['项目编号', '项目名称', '所属地区', '签约金额(万元)', '签约日期'])).toBe(
      '招商项目',
    );
    expect(detectProjectLayout([' 项目编号 ', '评委', '分数'])).toBe('拉练评分');
  });

  it('accepts English aliases', () => {
    expect(detectProjectLayout(['code', 'month', 'done'])).toBe('项目月报');
    expect(detectProjectLayout(['Code', 'Judge', 'Score'])).toBe('拉练评分');
    expect(
      columnsOf('项目库', ['code', 'name', 'region', 'annual_plan', 'planned_start']).get('plannedStart'),
    ).toBe(4);
  });

  it('leaves statistics files alone', () => {
    expect(detectProjectLayout(['指标', '地区', '期间', '数值'])).toBeNull();
    expect(detectProjectLayout(['地区', '2025年6月'])).toBeNull();
    expect(detectProjectLayout(['项目编号', '项目名称'])).toBeNull();
  });
});
