import { AppError } from '../app-error.ts';

interface PgLikeError {
  code?: unknown;
  constraint?: unknown;
  cause?: unknown;
}

/** drizzle wraps driver errors; the PostgreSQL SQLSTATE sits on the error or its cause. */
function pgError(error: unknown): { code: string; constraint: string | undefined } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current && typeof current === 'object'; depth++) {
    const e = current as PgLikeError;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
    }
    current = e.cause;
  }
  return null;
}

/**
 * Turns constraint violations into stable 4xx errors; `entity` names the
 * thing being written so the code reads like `organization.duplicate`.
 */
export function translateDbError(error: unknown, entity: string): unknown {
  const pgErr = pgError(error);
  if (!pgErr) return error;
  switch (pgErr.code) {
    case '23505':
      return new AppError(`${entity}.duplicate`, 409, `A ${entity} with the same name already exists`, {
        constraint: pgErr.constraint,
      });
    case '23503':
      return new AppError(`${entity}.reference_invalid`, 409, `The ${entity} refers to, or is referred to by, another record`, {
        constraint: pgErr.constraint,
      });
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
      return new AppError(`${entity}.invalid`, 400, `The ${entity} has an invalid value`, { constraint: pgErr.constraint });
    default:
      return error;
  }
}

/**
 * A value the database could not take (SQLSTATE class 22: out of range,
 * malformed text for its type, …): the request's fault, whichever query met it.
 */
export function isInvalidValue(error: unknown): boolean {
  return pgError(error)?.code.startsWith('22') ?? false;
}

/** Connection-level failures: the database is away, not the request at fault. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pgErr = pgError(error);
  if (pgErr && (pgErr.code.startsWith('08') || pgErr.code === '57P01' || pgErr.code === '57P03')) return true;
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EPIPE') return true;
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
