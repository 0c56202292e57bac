import type { z } from 'zod';
import type {
  createCrossSideBody,
  crossSideListSchema,
  crossSideTransactionSchema,
  updateCrossSideBody,
} from '../../../src/modules/cross-side-transaction/cross-side-transaction.schemas.ts';
import type {
  createProjectBody,
  createTransactionBody,
  projectDetailSchema,
  projectListSchema,
  projectTotalsSchema,
  stageSchema,
  stageTemplateSchema,
  updateProjectBody,
  updateStageTemplateBody,
} from '../../../src/modules/project/project.schemas.ts';
import type { createSigningEventBody, signingEventDetailSchema, signingEventListSchema, updateSigningEventBody } from '../../../src/modules/signing-event/signing-event.schemas.ts';
import { request } from './client.ts';

/** Projects, money, stages, signing events and cross-side trade; the server's zod schemas (src/modules) are the source of truth. */

export type ProjectList = z.infer<typeof projectListSchema>;
export type ProjectListItem = ProjectList['items'][number];
export type ProjectDetail = z.infer<typeof projectDetailSchema>;
export type ProjectTransaction = ProjectDetail['transactions'][number];
export type Stage = z.infer<typeof stageSchema>;
export type StageTemplate = z.infer<typeof stageTemplateSchema>;
export type ProjectTotals = z.infer<typeof projectTotalsSchema>;
export type ProjectFields = z.input<typeof createProjectBody>;
export type ProjectPatch = Omit<z.input<typeof updateProjectBody>, 'version'>;
export type TransactionFields = z.input<typeof createTransactionBody>;
export type SigningEventList = z.infer<typeof signingEventListSchema>;
export type SigningEvent = SigningEventList['items'][number];
export type SigningEventDetail = z.infer<typeof signingEventDetailSchema>;
export type SigningEventFields = z.input<typeof createSigningEventBody>;
export type SigningEventPatch = Omit<z.input<typeof updateSigningEventBody>, 'version'>;
export type CrossSideList = z.infer<typeof crossSideListSchema>;
export type CrossSideTransaction = z.infer<typeof crossSideTransactionSchema>;
export type CrossSideFields = z.input<typeof createCrossSideBody>;
export type CrossSidePatch = Omit<z.input<typeof updateCrossSideBody>, 'version'>;

export const PROJECT_KINDS = ['investment', 'platform', 'park', 'programme'] as const;
export const CROSS_SIDE_KINDS = ['green_certificate', 'procurement', 'soe_investment', 'tourism', 'other'] as const;

export interface ProjectFilter {
  investorPartyId?: string | undefined;
  hostPartyId?: string | undefined;
  stage?: string | undefined;
  industryCode?: string | undefined;
  signingEventId?: string | undefined;
  year?: number | undefined;
}

const id = encodeURIComponent;
type Versioned = { id: string; version: number };

export const projectsApi = {
  list: (cooperationId: string, filter: ProjectFilter & { page?: number; pageSize?: number }) => request<ProjectList>('GET', `/cooperations/${id(cooperationId)}/projects`, undefined, { ...filter }),
  totals: (cooperationId: string, query: ProjectFilter & { by?: string; from?: string; to?: string }) =>
    request<ProjectTotals>('GET', `/cooperations/${id(cooperationId)}/project-totals`, undefined, { ...query }),
  get: (projectId: string) => request<ProjectDetail>('GET', `/projects/${id(projectId)}`),
  create: (cooperationId: string, body: ProjectFields) => request<ProjectDetail>('POST', `/cooperations/${id(cooperationId)}/projects`, body),
  update: (project: Versioned, patch: ProjectPatch) => request<ProjectDetail>('PATCH', `/projects/${id(project.id)}`, { version: project.version, ...patch }),
  delete: (project: Versioned) => request<void>('DELETE', `/projects/${id(project.id)}`, undefined, { version: project.version }),
  changeStage: (project: Versioned, change: { stage: string; on: string; reason: string | null }) =>
    request<ProjectDetail>('POST', `/projects/${id(project.id)}/stage-changes`, { version: project.version, ...change }),
  addMoney: (projectId: string, body: TransactionFields) => request<ProjectDetail>('POST', `/projects/${id(projectId)}/transactions`, body),
  deleteMoney: (entry: Versioned) => request<void>('DELETE', `/project-transactions/${id(entry.id)}`, undefined, { version: entry.version }),
  stages: (cooperationId: string) => request<StageTemplate>('GET', `/cooperations/${id(cooperationId)}/project-stages`),
  replaceStages: (cooperationId: string, stages: z.input<typeof updateStageTemplateBody>['stages']) =>
    request<StageTemplate>('PUT', `/cooperations/${id(cooperationId)}/project-stages`, { stages }),
  events: (cooperationId: string) => request<SigningEventList>('GET', `/cooperations/${id(cooperationId)}/signing-events`),
  event: (eventId: string) => request<SigningEventDetail>('GET', `/signing-events/${id(eventId)}`),
  createEvent: (cooperationId: string, body: SigningEventFields) => request<SigningEventDetail>('POST', `/cooperations/${id(cooperationId)}/signing-events`, body),
  updateEvent: (event: Versioned, patch: SigningEventPatch) => request<SigningEventDetail>('PATCH', `/signing-events/${id(event.id)}`, { version: event.version, ...patch }),
  deleteEvent: (event: Versioned) => request<void>('DELETE', `/signing-events/${id(event.id)}`, undefined, { version: event.version }),
  trade: (cooperationId: string, query: { kind?: string; page?: number; pageSize?: number }) =>
    request<CrossSideList>('GET', `/cooperations/${id(cooperationId)}/cross-side-transactions`, undefined, { ...query }),
  createTrade: (cooperationId: string, body: CrossSideFields) => request<CrossSideTransaction>('POST', `/cooperations/${id(cooperationId)}/cross-side-transactions`, body),
  updateTrade: (entry: Versioned, patch: CrossSidePatch) => request<CrossSideTransaction>('PATCH', `/cross-side-transactions/${id(entry.id)}`, { version: entry.version, ...patch }),
  deleteTrade: (entry: Versioned) => request<void>('DELETE', `/cross-side-transactions/${id(entry.id)}`, undefined, { version: entry.version }),
};
