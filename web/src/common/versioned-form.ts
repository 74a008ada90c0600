import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { ApiError } from './api/client';

type Path = (string | number)[];

const isPlainObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Puts the latest values into the fields the user has not touched; what the user typed stays.
 * Nested plain objects (`contact.email`) are walked field by field; anything else (dates,
 * lists) is one field.
 */
export function refreshUntouchedFields(
  form: Pick<FormInstance, 'isFieldTouched' | 'setFieldValue'>,
  latest: object,
  path: Path = [],
): void {
  for (const [key, value] of Object.entries(latest)) {
    const name = [...path, key];
    if (isPlainObject(value)) refreshUntouchedFields(form, value, name);
    else if (!form.isFieldTouched(name)) form.setFieldValue(name, value);
  }
}

/** The version a 412 `precondition_failed` names as current, if it names one. */
function currentVersionOf(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.status !== 412) return undefined;
  const details = error.details as { currentVersion?: unknown } | undefined;
  return typeof details?.currentVersion === 'number' ? details.currentVersion : undefined;
}

/**
 * Optimistic locking for an edit form. Saves carry `If-Match` with the version the user's edits
 * were made on, so someone else's change in the meantime is refused (412), never silently
 * overwritten. Whenever a newer version loads, the untouched fields show it; after a 412 the edits
 * stand on the current version, and saving again applies them on top of it.
 */
export function useEditedVersion(
  form: Pick<FormInstance, 'isFieldTouched' | 'setFieldValue'>,
  version: number | undefined,
  latest: object | undefined,
): {
  ifMatch: () => string | undefined;
  rebase: (error: unknown) => void;
  /** Runs a save that sends `ifMatch()`; after a refusal, rebases on the version it names and rethrows. */
  saving: <T>(save: () => Promise<T>) => Promise<T>;
} {
  const base = useRef(version);
  const shown = useRef(version);
  useEffect(() => {
    if (version === undefined || latest === undefined || version === shown.current) return;
    shown.current = version;
    refreshUntouchedFields(form, latest);
  }, [form, version, latest]);
  const rebase = (error: unknown) => {
    const current = currentVersionOf(error);
    if (current !== undefined) base.current = current;
  };
  return {
    ifMatch: () => (base.current === undefined ? undefined : `"${base.current}"`),
    rebase,
    saving: async (save) => {
      try {
        return await save();
      } catch (error) {
        rebase(error);
        throw error;
      }
    },
  };
}
