import { Alert } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';

/**
 * Saving a form: `saving` while the call runs; a refusal the form could not place on one of its fields (`placed`
 * answers whether it did) is kept as `failure`, for the form to show as a whole above its fields.
 */
export function useSave() {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const save = async (call: () => Promise<void>, placed?: (error: unknown) => boolean) => {
    setSaving(true);
    setFailure(null);
    try {
      await call();
    } catch (error) {
      if (!placed?.(error)) setFailure(error);
    } finally {
      setSaving(false);
    }
  };
  const clearFailure = useCallback(() => setFailure(null), []);
  return { saving, failure, save, clearFailure };
}

/** The refusal of a save, above the form; nothing while there is none. */
export function SaveFailure({ failure, title, testId }: { failure: unknown; title: string; testId?: string }) {
  const { t } = useTranslation();
  if (!failure) return null;
  return <Alert type="error" showIcon title={title} description={errorMessage(failure, t)} style={{ marginBottom: 12 }} data-testid={testId} />;
}
