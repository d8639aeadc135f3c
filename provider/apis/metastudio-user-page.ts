import { z } from 'zod';
import type { ApiCall } from './api-definition';
import { isQuotaNumber, QuotaNumber } from './quota-number';

/** More users than an account can have: a larger `count` is not believed (every 100 users cost a request). */
export const MAX_METASTUDIO_USERS = 100_000;

const QuotaValues = z.record(QuotaNumber.nullable());
const UserQuotaPage = z.object({
  count: z.number().int().nonnegative().max(MAX_METASTUDIO_USERS),
  assets: z.array(z.object({ user_id: z.string(), quota: QuotaValues, usage: QuotaValues.optional() })),
});

/** One page of MetaStudio `GET /v1/{project_id}/user/quotas`: `count` users in all, a page of them in `assets`. */
type UserQuotaPage = z.output<typeof UserQuotaPage>;

/**
 * Checks a page against its schema. A page that already has the schema's shape (and no `__proto__` key, which zod
 * drops) is used as it is, sparing zod a copy of every user: an account of 10,000 users is 100 pages. Anything else
 * goes through zod, which names what is wrong.
 */
export function readUserQuotaPage(body: unknown, parse: ApiCall<unknown>['parse']): UserQuotaPage {
  return isUserQuotaPage(body) ? body : parse(UserQuotaPage, body);
}

function isUserQuotaPage(body: unknown): body is UserQuotaPage {
  if (!isPlainObject(body) || !Number.isInteger(body.count) || (body.count as number) < 0 || (body.count as number) > MAX_METASTUDIO_USERS || !Array.isArray(body.assets)) return false;
  return body.assets.every(
    (asset) => isPlainObject(asset) && typeof asset.user_id === 'string' && isQuotaValues(asset.quota) && (asset.usage === undefined || isQuotaValues(asset.usage)),
  );
}

function isQuotaValues(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    !Object.hasOwn(value, '__proto__') &&
    Object.values(value).every((item) => item === null || isQuotaNumber(item))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
