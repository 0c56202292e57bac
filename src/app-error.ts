/**
 * The one error type services throw. `code` is a stable string clients may
 * branch on (`task.not_found`); the HTTP layer maps it to a response once.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    readonly details?: unknown,
    /** Sent with the answer, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (entity: string, id?: string) =>
  new AppError(`${entity}.not_found`, 404, id ? `No ${entity} ${id}` : `No such ${entity}`);

/**
 * Loads the row a request names together with what it hangs off. Any "not
 * found" on the way (a parent the actor may not see, or one that is gone)
 * answers as the named row missing: a row one may not see is told apart from
 * one that does not exist by neither status, code nor a parent's kind or id.
 */
export async function missingAs<T>(entity: string, id: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.httpStatus === 404) throw notFound(entity, id);
    throw error;
  }
}

export const staleVersion = (entity: string, current?: number) =>
  new AppError(
    `${entity}.version_conflict`,
    409,
    `The ${entity} was changed by someone else meanwhile; reload it and apply your change again`,
    current === undefined ? undefined : { currentVersion: current },
  );

export const forbidden = (message = 'You are not allowed to do this') => new AppError('auth.forbidden', 403, message);

export const conflict = (code: string, message: string, details?: unknown) => new AppError(code, 409, message, details);

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(code, 400, message, details);
