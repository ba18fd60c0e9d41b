// zod with its messages in Chinese, for the store's settings: the store may not import the contract, whose
// contract/zod.ts does the same for the API's schemas.
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };
