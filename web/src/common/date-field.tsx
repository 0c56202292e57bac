import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { currentLocale } from '../i18n/i18n.ts';

const ISO = 'YYYY-MM-DD';

/**
 * How a date is written in each language: 2026年12月2日 / 2 Dec 2026. The ISO form is accepted as typed too, so a
 * date copied from a spreadsheet or a document goes in as it is.
 */
const FORMATS = {
  'zh-CN': ['YYYY年M月D日', ISO, 'YYYY/M/D', 'YYYY.M.D'],
  en: ['D MMM YYYY', ISO, 'D/M/YYYY', 'D MMMM YYYY'],
} as const;

interface Props {
  /** The date as the API has it, "2026-12-02"; empty or absent when none is set. */
  value?: string | null | undefined;
  onChange?: (value: string | undefined) => void;
  id?: string;
  disabled?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  title?: string;
  'aria-label'?: string;
  /** Pixels; the field fills its column when absent. */
  width?: number;
}

const isoDay = (value: string | null | undefined): Dayjs | null => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null);

/**
 * A calendar date entered and shown in the UI language's way rather than the browser's (an English browser's
 * native date input says mm/dd/yyyy), holding the ISO date string the forms and the API use. It sets no earliest or
 * latest date: the picker would silently refuse a typed date outside them, where a form's rule or the server says why.
 */
export function DateField({ value, onChange, allowClear = true, width, ...rest }: Props) {
  const locale = currentLocale();
  const parsed = isoDay(value);
  return (
    <DatePicker
      {...rest}
      style={{ width: width ?? '100%' }}
      allowClear={allowClear}
      format={[...FORMATS[locale]]}
      value={parsed?.isValid() ? parsed.locale(locale === 'en' ? 'en' : 'zh-cn') : null}
      onChange={(date: Dayjs | null) => onChange?.(date ? date.format(ISO) : undefined)}
    />
  );
}
