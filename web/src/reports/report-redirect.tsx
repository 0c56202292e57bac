import { Navigate, useParams } from 'react-router';
import { reportsApi } from '../api/reports.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';

/** Notifications link a report as /reports/:id; a report is read on its task's page, so this forwards there. */
export default function ReportRedirect() {
  const { reportId = '' } = useParams();
  const { data, error, reload } = useApi(() => reportsApi.get(reportId), reportId);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  return <Navigate to={`/tasks/${data.taskId}`} replace />;
}
