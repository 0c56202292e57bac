import type { TFunction, TOptions } from 'i18next';
import zhCN from '../i18n/zh-CN.json' with { type: 'json' };
import { ApiError } from './client.ts';

/** The server's error codes the UI has words for in both languages: `errorCodes.<family>.<name>` in the catalogues. */
type Catalogue = typeof zhCN.errorCodes;
type CodeKey = { [Family in keyof Catalogue]: `errorCodes.${Family}.${Extract<keyof Catalogue[Family], string>}` }[keyof Catalogue];

const CODE_KEYS: ReadonlySet<string> = new Set(
  Object.entries(zhCN.errorCodes).flatMap(([family, words]) => Object.keys(words).map((name) => `errorCodes.${family}.${name}`)),
);

const isCodeKey = (key: string): key is CodeKey => CODE_KEYS.has(key);

/** Codes raised by the web app itself, not by the server. */
const CLIENT_CODES: Record<string, 'errors.network' | 'errors.internal'> = {
  'network.unreachable': 'errors.network',
  internal: 'errors.internal',
};

/** Families of codes the server builds from the entity (`task.not_found`, `report.version_conflict`) share one message per suffix. */
const KNOWN_SUFFIXES: Record<string, 'errors.notFound' | 'errors.versionConflict' | 'errors.duplicate' | 'errors.referenceInvalid' | 'errors.invalidValue'> = {
  not_found: 'errors.notFound',
  version_conflict: 'errors.versionConflict',
  duplicate: 'errors.duplicate',
  reference_invalid: 'errors.referenceInvalid',
  invalid: 'errors.invalidValue',
};

/** The wait a throttled login was told, in seconds; the server sends it as `details.retryAfterSeconds`. */
function retryAfterSeconds(details: unknown): number | null {
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) return null;
  const seconds = details.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

/** Field rules shared by every form, named by the prefix of the server's message for the field. */
const FIELD_RULES: [prefix: string, key: 'errors.invalidCharacters' | 'errors.numberOutOfRange'][] = [
  ['text.invalid_characters', 'errors.invalidCharacters'],
  ['number.out_of_range', 'errors.numberOutOfRange'],
];

function fieldRuleOf(details: unknown): 'errors.invalidCharacters' | 'errors.numberOutOfRange' | null {
  if (!Array.isArray(details)) return null;
  for (const detail of details) {
    const message: unknown = typeof detail === 'object' && detail !== null && 'message' in detail ? detail.message : null;
    if (typeof message !== 'string') continue;
    const rule = FIELD_RULES.find(([prefix]) => message.startsWith(prefix));
    if (rule) return rule[1];
  }
  return null;
}

/**
 * The details of an error as words to put into its message: numbers and names as they are, a list of rows
 * by their labels (a period overlaps 2027年第1季度、2027年第2季度).
 */
export function detailWords(details: unknown, separator: string): Record<string, string> {
  const words: Record<string, string> = {};
  if (typeof details !== 'object' || details === null) return words;
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') words[key] = String(value);
    else if (Array.isArray(value)) {
      words[key] = value
        .map((item: unknown) => (typeof item === 'object' && item !== null && 'label' in item ? String(item.label) : String(item)))
        .join(separator);
    }
  }
  return words;
}

/** What to tell the user about a failed call, in their language; the server's own (English) words only for a code the UI does not know. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'request.invalid') {
      const rule = fieldRuleOf(error.details);
      if (rule) return t(rule);
    }
    if (error.code === 'auth.throttled') {
      const seconds = retryAfterSeconds(error.details);
      if (seconds === null) return t('errors.throttled');
      return seconds < 60 ? t('errors.throttledSeconds', { count: seconds }) : t('errors.throttledMinutes', { count: Math.ceil(seconds / 60) });
    }
    const key = `errorCodes.${error.code}`;
    if (isCodeKey(key)) {
      const words: TOptions = detailWords(error.details, t('common.listSeparator'));
      return t(key, words);
    }
    const client = CLIENT_CODES[error.code];
    if (client) return t(client);
    const suffix = KNOWN_SUFFIXES[error.code.slice(error.code.lastIndexOf('.') + 1)];
    if (suffix) return t(suffix);
    return error.message || t('errors.unknown');
  }
  if (error instanceof Error && error.message) return error.message;
  return t('errors.unknown');
}
