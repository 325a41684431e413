import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { CircularProgress, CssBaseline, GlobalStyles, ThemeProvider, Box } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { theme } from './theme';
import { AuthProvider, useAuth } from './lib/auth';
import { ApiError } from './lib/api';
import { useCurrentSite } from './lib/site';
import { Layout } from './components/Layout';
import { ErrorAlert } from './components/ErrorAlert';
import { LoginScreen, LoginCallback } from './screens/Login';
import { BoardScreen } from './screens/Board';
import { NewWorkScreen } from './screens/NewWork';
import { WorkDetailScreen } from './screens/WorkDetail';
import { BlockedScreen } from './screens/Blocked';
import { PermitsScreen } from './screens/Permits';
import { NewPermitScreen } from './screens/NewPermit';
import { PermitDetailScreen } from './screens/PermitDetail';
import { AssetsScreen } from './screens/Assets';
import { NotificationsScreen } from './screens/Notifications';
import { AuditScreen } from './screens/Audit';
import { AdminScreen } from './screens/Admin';

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

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginScreen />} />
      <Route path="/login/callback" element={<LoginCallback />} />
      <Route element={<RequireLogin><Layout /></RequireLogin>}>
        <Route path="/" element={<Home />} />
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
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
