import { Spin } from 'antd';
import { Navigate, RouterProvider, createBrowserRouter } from 'react-router';
import { RequireSession } from './app/require-session';

/** Each screen is its own chunk; the server answers these paths with the page (src/console/serve-console.ts). */
const router = createBrowserRouter([
  { path: '/sign-in', HydrateFallback: Spin, lazy: async () => ({ Component: (await import('./features/sign-in/sign-in-page')).SignInPage }) },
  { path: '/sign-in/callback', HydrateFallback: Spin, lazy: async () => ({ Component: (await import('./features/sign-in/sign-in-callback-page')).SignInCallbackPage }) },
  {
    element: <RequireSession />,
    HydrateFallback: Spin,
    children: [
      {
        lazy: async () => ({ Component: (await import('./app/console-layout')).ConsoleLayout }),
        children: [
          { index: true, element: <Navigate to="/my-work" replace /> },
          { path: 'my-work', lazy: async () => ({ Component: (await import('./features/my-work/my-work-page')).MyWorkPage }) },
          { path: 'board', lazy: async () => ({ Component: (await import('./features/board/board-page')).BoardPage }) },
          { path: 'leads/new', lazy: async () => ({ Component: (await import('./features/register-lead/register-lead-page')).RegisterLeadPage }) },
          { path: 'projects/:projectId', lazy: async () => ({ Component: (await import('./features/project/project-page')).ProjectPage }) },
          { path: 'reports/monthly', lazy: async () => ({ Component: (await import('./features/reports/monthly-report-page')).MonthlyReportPage }) },
          { path: 'reports/kpis', lazy: async () => ({ Component: (await import('./features/kpis/kpis-page')).KpisPage }) },
          { path: 'reports/quarterly', lazy: async () => ({ Component: (await import('./features/reports/quarterly-report-page')).QuarterlyReportPage }) },
          { path: 'reports/policy-what-if', lazy: async () => ({ Component: (await import('./features/policy-what-if/policy-what-if-page')).PolicyWhatIfPage }) },
          { path: 'projects/:projectId/history', lazy: async () => ({ Component: (await import('./features/history/history-page')).HistoryPage }) },
          { path: '*', lazy: async () => ({ Component: (await import('./app/not-found-page')).NotFoundPage }) },
        ],
      },
    ],
  },
]);

export const ConsoleRouter = () => <RouterProvider router={router} />;
