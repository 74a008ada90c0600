import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorText } from './errors';

/**
 * A dialog's save button: validates the form (nothing is sent while a field shows its own
 * message), then hands the values to `save` (which sends them, says so and closes). A refusal
 * puts its field problems on the fields, with one sentence under the form asking to check them,
 * or else its own sentence; `error` is that sentence until the next attempt.
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  save: (values: V) => Promise<void>,
): { submit: () => Promise<void>; error: string | null } {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await save(values);
    } catch (e) {
      setError(applyFieldErrors(form, e) ? t('errors.validation') : errorText(e));
    }
  };
  return { submit, error };
}
