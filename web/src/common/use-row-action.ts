import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';

/**
 * An action on one row of a list: that row's button spins while the request
 * runs, success refreshes the list, failure says why in a toast.
 */
export function useRowAction(onDone: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = (rowId: string, request: () => Promise<unknown>) => {
    setBusy(rowId);
    request().then(
      () => {
        setBusy(null);
        onDone();
      },
      (error: unknown) => {
        message.error(errorMessage(error, t));
        setBusy(null);
      },
    );
  };
  return { busy, run };
}
