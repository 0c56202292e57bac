import { ApiError, CSRF_COOKIE, CSRF_HEADER, readCookie, request } from './client.ts';
import type { ApprovalDecision } from './tasks.ts';
import type { Items } from './types.ts';

/** Shapes and calls of progress reports, reporting periods, evidence and comments; src/modules/report, period, attachment and comment are the source of truth. */

/** `superseded`: an approved report replaced by its approved revision. */
export type ReportStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'superseded';
export type InboxState = 'to_submit' | 'to_review' | 'returned';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** A value a report gives for an indicator its unit answers for. */
interface IndicatorValue {
  indicatorId: string;
  value: number;
}

interface Person {
  id: string;
  username: string;
  displayName: string;
}

export interface ReportReview {
  round: number;
  partyId: string;
  decision: ApprovalDecision;
  /** The opinion given with an approval, or why it was returned. */
  reason: string | null;
  userId: string | null;
  userName: string | null;
  decidedAt: string;
}

export interface Report {
  id: string;
  cooperationId: string;
  taskId: string;
  periodId: string;
  periodLabel: string;
  partyId: string;
  organizationId: string;
  organizationName: string;
  author: Person | null;
  revision: number;
  supersedesId: string | null;
  /** Why this revision corrects the approved report it supersedes. */
  revisionReason: string | null;
  status: ReportStatus;
  narrative: string;
  percent: number;
  milestonesReached: string[];
  figures: Figure[];
  /** Official as the indicators' actuals once the report is approved by every side it needs. */
  indicatorValues: (IndicatorValue & { name: string; unit: string })[];
  returnReason: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  round: number;
  decidingSides: string[];
  awaitingSides: string[];
  reviews: ReportReview[];
  version: number;
  createdAt: string;
  updatedAt: string;
  can: { edit: boolean; review: boolean; revise: boolean };
}

/** What a comment list is about: a task's discussion or one report's. */
export interface CommentSubject {
  type: 'task' | 'report';
  id: string;
}

export interface ReportFields {
  narrative: string;
  percent: number;
  milestonesReached: string[];
  figures: Figure[];
  indicatorValues: IndicatorValue[];
}

export interface InboxItem {
  cooperationId: string;
  taskId: string;
  taskTitle: string;
  periodId: string;
  periodLabel: string;
  dueOn: string;
  partyId: string;
  reportId: string | null;
  reportStatus: ReportStatus | null;
}

export interface Period {
  id: string;
  cooperationId: string;
  label: string;
  kind: 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'custom';
  startsOn: string;
  endsOn: string;
  dueOn: string;
  /** Set once the offices closed the period: it takes no new reports. */
  closedAt: string | null;
  version: number;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface Comment {
  id: string;
  author: Person | null;
  /** Plain text as written: shown as text, never as HTML. */
  body: string;
  mentions: Person[];
  createdAt: string;
}

const id = encodeURIComponent;

/** The error code of a failed upload's answer, when the body is the API's error shape. */
function uploadErrorCode(body: unknown): { code: string; message: string } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null || !('code' in error) || !('message' in error)) return undefined;
  return typeof error.code === 'string' && typeof error.message === 'string' ? { code: error.code, message: error.message } : undefined;
}

/** Evidence goes as multipart/form-data, which the JSON `request` does not send. */
async function uploadEvidence(reportId: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/v1/reports/${id(reportId)}/attachments`, { method: 'POST', headers, credentials: 'include', body: form });
  } catch (cause) {
    throw new ApiError(0, 'network.unreachable', cause instanceof Error ? cause.message : String(cause));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = uploadErrorCode(body);
    throw new ApiError(response.status, error?.code ?? `http.${response.status}`, error?.message ?? response.statusText);
  }
  // The server validates every answer against its schema, so the declared shape is trusted here.
  return body as Attachment;
}

export const reportsApi = {
  get: (reportId: string) => request<Report>('GET', `/reports/${id(reportId)}`),
  ofTask: (taskId: string) => request<Items<Report>>('GET', `/tasks/${id(taskId)}/reports`),
  create: (taskId: string, periodId: string, fields: ReportFields) => request<Report>('POST', `/tasks/${id(taskId)}/reports`, { periodId, ...fields }),
  update: (report: Report, fields: ReportFields) => request<Report>('PATCH', `/reports/${id(report.id)}`, { version: report.version, ...fields }),
  submit: (report: Report) => request<Report>('POST', `/reports/${id(report.id)}/submit`, { version: report.version }),
  review: (reportId: string, decision: ApprovalDecision, reason?: string) => request<Report>('POST', `/reports/${id(reportId)}/review`, { decision, reason }),
  revise: (reportId: string, reason: string) => request<Report>('POST', `/reports/${id(reportId)}/revisions`, { reason }),
  inbox: (state: InboxState) => request<Items<InboxItem>>('GET', '/my/reports', undefined, { state }),
  periods: (cooperationId: string) => request<Items<Period>>('GET', `/cooperations/${id(cooperationId)}/periods`),
  attachments: (reportId: string) => request<Items<Attachment>>('GET', `/reports/${id(reportId)}/attachments`),
  uploadEvidence,
  attachmentUrl: (attachmentId: string) => `/api/v1/attachments/${id(attachmentId)}`,
  comments: (subject: CommentSubject) => request<Items<Comment> & { can: { comment: boolean } }>('GET', `/${subject.type}s/${id(subject.id)}/comments`),
  addComment: (subject: CommentSubject, body: string) => request<Comment>('POST', `/${subject.type}s/${id(subject.id)}/comments`, { body }),
};
