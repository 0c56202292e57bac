import type {
  Agreement,
  AgreementList,
  ClauseTreeAnswer,
  Cooperation,
  CooperationListItem,
  CooperationStatus,
  LoginResult,
  Me,
  Page,
  TextVersion,
} from './types.ts';

const BASE = '/api/v1';
export const CSRF_COOKIE = 'ld_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** An error answer of the API, or a network failure (`status` 0, code `network.unreachable`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener | null = null;

/** The session registers here so that any 401 anywhere sends the user back to the login page. */
export function setUnauthorizedListener(listener: UnauthorizedListener | null): void {
  onUnauthorized = listener;
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string; details?: unknown } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Exported for feature folders (web/src/ingest) that keep their own endpoints beside their components. */
export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(BASE + withQuery(path, query), {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network.unreachable', cause instanceof Error ? cause.message : String(cause));
  }
  const data = await readJson(response);
  if (!response.ok) {
    const apiError = isErrorBody(data)
      ? new ApiError(response.status, data.error.code, data.error.message, data.error.details)
      : new ApiError(response.status, `http.${response.status}`, response.statusText || `HTTP ${response.status}`);
    if (apiError.code === 'auth.required') onUnauthorized?.();
    throw apiError;
  }
  // The server validates every answer against its schema, so the declared shape is trusted here.
  return data as T;
}

export interface CooperationQuery {
  q?: string;
  status?: CooperationStatus;
  page?: number;
  pageSize?: number;
}

export const api = {
  login: (username: string, password: string) => request<LoginResult>('POST', '/auth/login', { username, password }),
  logout: () => request<unknown>('POST', '/auth/logout'),
  me: () => request<Me>('GET', '/me'),
  cooperations: (query: CooperationQuery) => request<Page<CooperationListItem>>('GET', '/cooperations', undefined, { ...query }),
  cooperation: (id: string) => request<Cooperation>('GET', `/cooperations/${encodeURIComponent(id)}`),
  agreementsOf: (cooperationId: string) =>
    request<AgreementList>('GET', `/cooperations/${encodeURIComponent(cooperationId)}/agreements`),
  agreement: (id: string) => request<Agreement>('GET', `/agreements/${encodeURIComponent(id)}`),
  agreementVersion: (id: string, number: number) =>
    request<TextVersion>('GET', `/agreements/${encodeURIComponent(id)}/versions/${number}`),
  clausesOf: (agreementId: string) => request<ClauseTreeAnswer>('GET', `/agreements/${encodeURIComponent(agreementId)}/clauses`),
};
