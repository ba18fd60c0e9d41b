// What the browser tests add to the demo city: key projects like the demo's own (市重点, 50,000 in all,
// continued from 2024, 1,200 planned this year), and the site photo a reporter uploads.
import type { ParsedProject } from '../../core/projects/parsed.ts';
import { projectFixture } from '../../server/testing.ts';

export { PNG } from '../../server/testing.ts';

/**
 * A register row of a 市重点 project in `regionText`; `fields` change any of it.
 * @example demoProject('XH-1', '云谷智造产业园', '西湖区', { unit: '西湖区发改局' })
 */
export const demoProject = (
  code: string,
  name: string,
  regionText: string,
  fields: Partial<ParsedProject> = {},
): ParsedProject =>
  projectFixture(code, regionText, { name, level: '市重点', totalInvestment: 50000, ...fields });
