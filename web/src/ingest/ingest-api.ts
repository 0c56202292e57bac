import { request } from '../api/client.ts';
import type { Items } from '../api/types.ts';
import type { CommitBody, CommitResult, IngestResult, Region } from './ingest-types.ts';

/** The endpoints the import page talks to, beside the page that uses them. */
export const ingestApi = {
  analyse: (text: string) => request<IngestResult>('POST', '/ingest', { text }),
  commit: (body: CommitBody) => request<CommitResult>('POST', '/ingest/commit', body),
  regions: (q: string) => request<Items<Region>>('GET', '/regions', undefined, { q, limit: 20 }),
};
