import type { TFunction } from 'i18next';
import type { FieldIssue } from './field-errors.ts';

/** An issue in the reader's language; the server's own wording stays available as the detail. */
export function issueMessage(issue: FieldIssue | undefined, t: TFunction): string | undefined {
  return issue ? t(`import.errors.${issue.code}`) : undefined;
}
