import type { FormInstance } from 'antd';
import { ApiError } from './api/client';
import i18n from './i18n/i18n';

/** A sentence for any error, in the user's language. */
export function errorText(error: unknown): string {
  const t = i18n.getFixedT(null, 'common');
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 0) return t('errors.network');
  if (error.status >= 500) return t('errors.server', { id: error.errorId ?? error.code });
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 429) return t('errors.rateLimited');
  // Someone else's change came first (the page has reloaded it); other 409s are refusals
  // (over-allocated, already exists, closed…) that the message itself explains.
  if (error.code === 'concurrent_change') return t('errors.conflict', { message: error.message });
  // An edit made on a version someone has changed since (If-Match): the form now shows theirs.
  if (error.status === 412) return t('errors.changedMeanwhile');
  return error.message;
}

/**
 * Puts a 400's field problems on the form's fields (`contact.email` -> ['contact', 'email']).
 * Returns true when at least one field matched; otherwise the caller shows the message.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  aliases: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  const problems = error.fieldProblems;
  const known = new Set(
    form
      .getFieldsError()
      .map((f) => f.name.join('.'))
      .filter(Boolean),
  );
  const fields = Object.entries(problems)
    .map(([field, errors]) => ({ field: aliases[field] ?? field, errors }))
    .filter(({ field }) => known.has(field))
    .map(({ field, errors }) => ({
      name: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors,
    }));
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
