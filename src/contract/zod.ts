// zod, with its messages in Chinese. The modules that validate import `z` from here (or from store/zod.ts), so the
// locale is set before the first schema runs without the CLI loading zod for commands that never validate
// (0.16 s a call). The server's language.ts imports both and, evaluated after them, then chooses per request.
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };
