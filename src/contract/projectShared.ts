// What the key-project and lead routes share: their tag in the document, the region they ask about (within the
// account's own) with or without a period, a project's code, and who may write a project's problems and months.

import { period } from './common.ts';
import { z } from './zod.ts';

export const tags = ['重点项目与招商'];

export const region = z.string().min(1).describe('地区（限本账号辖区），含其下所有地区');
export const regionPeriod = z.object({ region, period: period.describe('期间 YYYY-MM') });

/** A key project's code, as the register writes it. */
export const projectCode = z.string().min(1).describe('项目编号');

/**
 * A district's own people write its projects' problems and months: reporters, analysts and admins, within the
 * account's region, named in the body.
 * @example defineRoute({ ...rest, ...reporterWrites })
 */
export const reporterWrites = {
  roles: ['admin', 'analyst', 'reporter'],
  scope: { region: 'body.region', access: 'write' },
} as const;
