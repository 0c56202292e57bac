import { App as AntApp, ConfigProvider } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { PageLoading } from './common/page-loading.tsx';
import { ANTD_LOCALES } from './i18n/antd-locales.ts';
import { currentLocale } from './i18n/i18n.ts';
import { AppLayout } from './layout/app-layout.tsx';
import { landingPath } from './session/landing.ts';
import { SessionProvider, useMe, useSession } from './session/session-context.tsx';
import { theme } from './theme.ts';

const LoginPage = lazy(() => import('./pages/login-page.tsx'));
const CooperationListPage = lazy(() => import('./pages/cooperation-list-page.tsx'));
const CooperationPage = lazy(() => import('./pages/cooperation-page.tsx'));
const CooperationSettingsPage = lazy(() => import('./pages/cooperation-settings-page.tsx'));
const AgreementPage = lazy(() => import('./pages/agreement-page.tsx'));
const ImportPage = lazy(() => import('./pages/import-page.tsx'));
const TaskLedgerPage = lazy(() => import('./pages/task-ledger-page.tsx'));
const TaskPage = lazy(() => import('./pages/task-page.tsx'));
const TaskImportPage = lazy(() => import('./pages/task-import-page.tsx'));
const ProjectsPage = lazy(() => import('./pages/projects-page.tsx'));
const ProjectPage = lazy(() => import('./pages/project-page.tsx'));
const SigningEventPage = lazy(() => import('./pages/signing-event-page.tsx'));
const DashboardPage = lazy(() => import('./dashboard/dashboard-page.tsx'));
const OverviewPage = lazy(() => import('./overview/overview-page.tsx'));
const PublicOverviewPage = lazy(() => import('./overview/public-overview-page.tsx'));
const BriefingPage = lazy(() => import('./briefing/briefing-page.tsx'));
const BriefingPrintPage = lazy(() => import('./briefing/briefing-print-page.tsx'));
const IndicatorListPage = lazy(() => import('./pages/indicator-list-page.tsx'));
const IndicatorPage = lazy(() => import('./pages/indicator-page.tsx'));
const MyWorkPage = lazy(() => import('./pages/my-work-page.tsx'));
const SupervisionPage = lazy(() => import('./pages/supervision-page.tsx'));
const NotificationsPage = lazy(() => import('./pages/notifications-page.tsx'));
const AuditPage = lazy(() => import('./pages/audit-page.tsx'));
const AccountPage = lazy(() => import('./pages/account-page.tsx'));
const AdminUsersPage = lazy(() => import('./pages/admin-users-page.tsx'));
const AdminAuditPage = lazy(() => import('./pages/admin-audit-page.tsx'));
const PasswordChangeRequired = lazy(() => import('./account/password-change-required.tsx'));
const ReportRedirect = lazy(() => import('./reports/report-redirect.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx'));

/** Pages behind it see a signed-in user; everyone else goes to /login and comes back afterwards. */
function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <PageLoading />;
  if (session.status === 'anonymous') {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // A temporary password opens nothing but choosing one's own (the server refuses everything else meanwhile).
  if (session.me.user.mustChangePassword) return <PasswordChangeRequired />;
  return children;
}

function Landing() {
  return <Navigate to={landingPath(useMe())} replace />;
}

function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/map" element={<PublicOverviewPage />} />
        <Route path="/print/cooperations/:cooperationId/briefing" element={<BriefingPrintPage />} />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<Landing />} />
          <Route path="/overview" element={<OverviewPage />} />
          <Route path="/cooperations" element={<CooperationListPage />} />
          <Route path="/cooperations/:cooperationId" element={<CooperationPage />} />
          <Route path="/cooperations/:cooperationId/settings" element={<CooperationSettingsPage />} />
          <Route path="/cooperations/:cooperationId/dashboard" element={<DashboardPage />} />
          <Route path="/cooperations/:cooperationId/briefing" element={<BriefingPage />} />
          <Route path="/agreements/:agreementId" element={<AgreementPage />} />
          <Route path="/cooperations/:cooperationId/tasks" element={<TaskLedgerPage />} />
          <Route path="/cooperations/:cooperationId/tasks/import" element={<TaskImportPage />} />
          <Route path="/tasks/:taskId" element={<TaskPage />} />
          <Route path="/cooperations/:cooperationId/projects" element={<ProjectsPage />} />
          <Route path="/projects/:projectId" element={<ProjectPage />} />
          <Route path="/signing-events/:eventId" element={<SigningEventPage />} />
          <Route path="/reports/:reportId" element={<ReportRedirect />} />
          <Route path="/cooperations/:cooperationId/supervision" element={<SupervisionPage />} />
          <Route path="/cooperations/:cooperationId/audit" element={<AuditPage />} />
          <Route path="/cooperations/:cooperationId/indicators" element={<IndicatorListPage />} />
          <Route path="/indicators/:indicatorId" element={<IndicatorPage />} />
          <Route path="/my-work" element={<MyWorkPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/import" element={<ImportPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/admin/users" element={<AdminUsersPage />} />
          <Route path="/admin/audit" element={<AdminAuditPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App() {
  // Subscribing re-renders the providers when the language changes.
  useTranslation();
  return (
    <ConfigProvider locale={ANTD_LOCALES[currentLocale()]} theme={theme}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
