// The browser's content security policy forbids eval: zod must not compile parsers with `new Function` (even
// its probe for whether it may is reported as a violation). Imported first by web.ts, before any schema.
import { z } from './zod.ts';

z.config({ jitless: true });
