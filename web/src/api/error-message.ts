import type { TFunction } from 'i18next';
import { ApiError } from './client.ts';

type ErrorKey =
  | 'errors.invalidCredentials'
  | 'errors.authRequired'
  | 'errors.forbidden'
  | 'errors.csrf'
  | 'errors.rateLimited'
  | 'errors.invalidRequest'
  | 'errors.databaseUnavailable'
  | 'errors.network'
  | 'errors.internal';

/** Codes whose wording the UI knows in both languages; others show the server's own message. */
const KNOWN_CODES: Record<string, ErrorKey> = {
  'auth.invalid_credentials': 'errors.invalidCredentials',
  'auth.required': 'errors.authRequired',
  'auth.forbidden': 'errors.forbidden',
  'auth.csrf': 'errors.csrf',
  'request.rate_limited': 'errors.rateLimited',
  'request.invalid': 'errors.invalidRequest',
  'database.unavailable': 'errors.databaseUnavailable',
  'network.unreachable': 'errors.network',
  internal: 'errors.internal',
};

/** Families of codes (`task.not_found`, `report.version_conflict`) share one message per suffix. */
const KNOWN_SUFFIXES: Record<string, 'errors.notFound' | 'errors.versionConflict'> = {
  not_found: 'errors.notFound',
  version_conflict: 'errors.versionConflict',
};

/** The wait a throttled login was told, in seconds; the server sends it as `details.retryAfterSeconds`. */
function retryAfterSeconds(details: unknown): number | null {
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) return null;
  const seconds = details.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'auth.throttled') {
      const seconds = retryAfterSeconds(error.details);
      if (seconds === null) return t('errors.throttled');
      return seconds < 60 ? t('errors.throttledSeconds', { count: seconds }) : t('errors.throttledMinutes', { count: Math.ceil(seconds / 60) });
    }
    const known = KNOWN_CODES[error.code];
    if (known) return t(known);
    const suffix = KNOWN_SUFFIXES[error.code.slice(error.code.lastIndexOf('.') + 1)];
    if (suffix) return t(suffix);
    return error.message || t('errors.unknown');
  }
  if (error instanceof Error && error.message) return error.message;
  return t('errors.unknown');
}
