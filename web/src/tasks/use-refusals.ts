import type { FormInstance } from 'antd';
import { useState } from 'react';

type FieldName<Values> = NonNullable<Parameters<FormInstance<Values>['setFields']>[0][number]['name']>;

/**
 * Errors the page puts on fields after a refused save (the server's, or a rule across fields). They stand until
 * something is changed, since the rule behind them may tie fields together, as the start and due dates are.
 */
export function useRefusals<Values>(form: FormInstance<Values>) {
  const [refused, setRefused] = useState<FieldName<Values>[]>([]);
  return {
    refuse(fields: { name: FieldName<Values>; message: string }[]) {
      form.setFields(fields.map(({ name, message }) => ({ name, errors: [message] })));
      setRefused(fields.map(({ name }) => name));
    },
    clear() {
      if (refused.length === 0) return;
      form.setFields(refused.map((name) => ({ name, errors: [] })));
      setRefused([]);
    },
  };
}
