import { request } from './client.ts';
import type { Agreement, AgreementKind, ClauseLevel, ClauseNode, Visibility } from './types.ts';

/** Registering, correcting, amending and deleting agreements and their clauses; src/modules/agreement and clause are the source of truth. */

export const AGREEMENT_KINDS: readonly AgreementKind[] = ['framework', 'departmental', 'district', 'park', 'enterprise', 'other'];
export const CLAUSE_LEVELS: readonly ClauseLevel[] = ['area', 'direction', 'measure'];
export const VISIBILITIES: readonly Visibility[] = ['side', 'parties', 'public'];

/** What the agreement form sends; the text only when registering (later texts are amendments), the owner side as the server defaults it. */
export interface AgreementFields {
  parentId: string | null;
  kind: AgreementKind;
  title: string;
  signedOn: string | null;
  place: string | null;
  signatories: string[];
  source: string | null;
  visibility: Visibility;
}

export interface ClauseFields {
  level: ClauseLevel;
  label: string | null;
  title: string;
  body: string;
}

const id = encodeURIComponent;

export const agreementsApi = {
  create: (cooperationId: string, body: AgreementFields & { text: string }) => request<Agreement>('POST', `/cooperations/${id(cooperationId)}/agreements`, body),
  update: (agreement: { id: string; version: number }, patch: Partial<AgreementFields>) =>
    request<Agreement>('PATCH', `/agreements/${id(agreement.id)}`, { version: agreement.version, ...patch }),
  amend: (agreement: { id: string; version: number }, text: string, note: string) =>
    request<Agreement>('POST', `/agreements/${id(agreement.id)}/amendments`, { version: agreement.version, text, note }),
  delete: (agreement: { id: string; version: number }) => request<void>('DELETE', `/agreements/${id(agreement.id)}`, undefined, { version: agreement.version }),
  createClause: (agreementId: string, body: ClauseFields & { parentId: string | null }) =>
    request<ClauseNode>('POST', `/agreements/${id(agreementId)}/clauses`, body),
  updateClause: (clause: { id: string; version: number }, patch: Partial<ClauseFields & { spanStart: number | null; spanEnd: number | null }>) =>
    request<ClauseNode>('PATCH', `/clauses/${id(clause.id)}`, { version: clause.version, ...patch }),
  /** Puts a clause beneath another parent (null: the top), after the children it has. */
  moveClause: (clause: { id: string; version: number }, parentId: string | null, ordinal: number) =>
    request<ClauseNode>('POST', `/clauses/${id(clause.id)}/move`, { version: clause.version, parentId, ordinal }),
  /** Sets the order of all children of one parent. */
  reorderClauses: (agreementId: string, parentId: string | null, orderedIds: string[]) =>
    request<{ items: ClauseNode[] }>('POST', `/agreements/${id(agreementId)}/clauses/reorder`, { parentId, orderedIds }),
  deleteClause: (clause: { id: string; version: number }) => request<void>('DELETE', `/clauses/${id(clause.id)}`, undefined, { version: clause.version }),
};
