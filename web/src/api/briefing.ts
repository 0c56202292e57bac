import type { Briefing, BriefingNote } from '../../../src/modules/briefing/briefing.schemas.ts';
import { request } from './client.ts';

/** 工作简报 of a cooperation and a period; src/modules/briefing is the source of truth. */

export type { Briefing, BriefingNote };

const base = (cooperationId: string) => `/cooperations/${encodeURIComponent(cooperationId)}`;

export const briefingApi = {
  get: (cooperationId: string, period: string | undefined) => request<Briefing>('GET', `${base(cooperationId)}/briefing`, undefined, { period }),
  saveNote: (cooperationId: string, body: { period: string; text: string; version: number }) => request<BriefingNote>('PUT', `${base(cooperationId)}/briefing/note`, body),
};

/** Where the server's renderings of a briefing are downloaded: the PDF, and the Word 工作简报 and 督办通报. */
export function briefingDownloads(cooperationId: string, period: string | undefined, locale: string) {
  const query = new URLSearchParams();
  if (period) query.set('period', period);
  query.set('lang', locale);
  const api = `/api/v1${base(cooperationId)}`;
  return {
    pdf: `${api}/briefing.pdf?${query}`,
    briefingDocx: `${api}/documents/briefing.docx?${query}`,
    bulletinDocx: `${api}/documents/bulletin.docx?${query}`,
  };
}
