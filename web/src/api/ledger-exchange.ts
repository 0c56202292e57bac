import type { LedgerImportReport } from '../../../src/modules/ledger-exchange/ledger-exchange.schemas.ts';
import { ApiError, CSRF_COOKIE, CSRF_HEADER, readCookie } from './client.ts';
import type { LedgerQuery } from './tasks.ts';

export type { LedgerImportReport };
export type ImportRow = LedgerImportReport['rows'][number];
export type ImportAction = ImportRow['action'];

const id = encodeURIComponent;

/** The address of the ledger's file under the page's filters: the browser downloads it with the session cookie. */
export function ledgerExportUrl(cooperationId: string, query: LedgerQuery, format: 'xlsx' | 'csv', lang: 'zh-CN' | 'en'): string {
  const params = new URLSearchParams();
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  params.set('format', format);
  params.set('lang', lang);
  return `/api/v1/cooperations/${id(cooperationId)}/tasks/export?${params.toString()}`;
}

function errorOf(body: unknown): { code: string; message: string; details?: unknown } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null || !('code' in error) || !('message' in error)) return undefined;
  if (typeof error.code !== 'string' || typeof error.message !== 'string') return undefined;
  return { code: error.code, message: error.message, details: 'details' in error ? error.details : undefined };
}

/** The file goes as multipart/form-data with the column mapping beside it, which the JSON `request` does not send. */
export async function importLedger(cooperationId: string, file: File, mode: 'dry-run' | 'commit', mapping: Record<string, string>): Promise<LedgerImportReport> {
  const form = new FormData();
  form.append('mapping', JSON.stringify(mapping));
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/v1/cooperations/${id(cooperationId)}/tasks/import?mode=${mode}`, { method: 'POST', headers, credentials: 'include', body: form });
  } catch (cause) {
    throw new ApiError(0, 'network.unreachable', cause instanceof Error ? cause.message : String(cause));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorOf(body);
    throw new ApiError(response.status, error?.code ?? `http.${response.status}`, error?.message ?? response.statusText, error?.details);
  }
  // The server validates every answer against its schema, so the declared shape is trusted here.
  return body as LedgerImportReport;
}
