import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { Alert, AlertTitle, Button, CircularProgress, CssBaseline, GlobalStyles, ThemeProvider, Box } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { theme } from './theme';
import { AuthProvider, useAuth } from './lib/auth';
import { ApiError } from './lib/api';
import { useCurrentSite } from './lib/site';
import { Layout } from './components/Layout';
import { ErrorAlert } from './components/ErrorAlert';
import { LoginScreen, LoginCallback } from './screens/Login';

/** A route screen in a chunk of its own, fetched the first time it is shown. */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const BoardScreen = screen(() => import('./screens/Board'), 'BoardScreen');
const NewWorkScreen = screen(() => import('./screens/NewWork'), 'NewWorkScreen');
const WorkDetailScreen = screen(() => import('./screens/WorkDetail'), 'WorkDetailScreen');
const BlockedScreen = screen(() => import('./screens/Blocked'), 'BlockedScreen');
const PermitsScreen = screen(() => import('./screens/Permits'), 'PermitsScreen');
const NewPermitScreen = screen(() => import('./screens/NewPermit'), 'NewPermitScreen');
const PermitDetailScreen = screen(() => import('./screens/PermitDetail'), 'PermitDetailScreen');
const AssetsScreen = screen(() => import('./screens/Assets'), 'AssetsScreen');
const NotificationsScreen = screen(() => import('./screens/Notifications'), 'NotificationsScreen');
const AuditScreen = screen(() => import('./screens/Audit'), 'AuditScreen');
const AdminScreen = screen(() => import('./screens/Admin'), 'AdminScreen');

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // a refusal (4xx) will not change by asking again
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

const queryClient = makeQueryClient();

export function AppProviders({ children, client = queryClient }: { children: ReactNode; client?: QueryClient }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <GlobalStyles styles={{ '.visually-hidden': { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } }} />
      <QueryClientProvider client={client}>
        <AuthProvider>{children}</AuthProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}

function RequireLogin({ children }: { children: ReactNode }) {
  const { token } = useAuth();
  const location = useLocation();
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function Home() {
  const { site, loading, error } = useCurrentSite();
  if (loading) return <Box sx={{ p: 4 }}><CircularProgress aria-label="Loading" /></Box>;
  if (error) return <ErrorAlert error={error} />;
  if (!site) return <Navigate to="/notifications" replace />;
  return <Navigate to={`/sites/${site.id}/board`} replace />;
}

/** What shows while a screen's chunk is on its way. */
export function ScreenLoading() {
  return (
    <Box role="status" aria-live="polite" sx={{ p: 4, display: 'flex', justifyContent: 'center' }}>
      <CircularProgress aria-label="Loading the page" />
    </Box>
  );
}

/**
 * A screen that failed to load or to render: most often its chunk is gone because Sitework was updated since
 * this tab opened (bundles are named by content), which a reload fixes.
 */
class ScreenFailure extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    const detail = this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
    return (
      <Alert severity="error" role="alert" sx={{ m: 2 }}
             action={<Button color="inherit" size="large" onClick={() => window.location.reload()}>Reload</Button>}>
        <AlertTitle>This page could not be shown</AlertTitle>
        Sitework may have been updated since you opened it: reload to get the current version. ({detail})
      </Alert>
    );
  }
}

/** The frame of the lazily loaded screens: a progress indicator while one loads, a way out when it cannot. */
export function ScreenFrame({ children }: { children?: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ScreenFailure key={pathname}>
      <Suspense fallback={<ScreenLoading />}>{children ?? <Outlet />}</Suspense>
    </ScreenFailure>
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginScreen />} />
      <Route path="/login/callback" element={<LoginCallback />} />
      <Route element={<RequireLogin><Layout /></RequireLogin>}>
        <Route path="/" element={<Home />} />
        <Route element={<ScreenFrame />}>
          <Route path="/sites/:siteId/board" element={<BoardScreen />} />
          <Route path="/sites/:siteId/work/new" element={<NewWorkScreen />} />
          <Route path="/sites/:siteId/blocked" element={<BlockedScreen />} />
          <Route path="/sites/:siteId/permits" element={<PermitsScreen />} />
          <Route path="/sites/:siteId/permits/new" element={<NewPermitScreen />} />
          <Route path="/sites/:siteId/assets" element={<AssetsScreen />} />
          <Route path="/sites/:siteId/audit" element={<AuditScreen />} />
          <Route path="/work/:id" element={<WorkDetailScreen />} />
          <Route path="/permits/:id" element={<PermitDetailScreen />} />
          <Route path="/notifications" element={<NotificationsScreen />} />
          <Route path="/admin" element={<AdminScreen />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
