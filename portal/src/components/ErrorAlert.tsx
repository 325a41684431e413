import { Alert, AlertTitle, Button } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';

/**
 * An API error as people should read it: the problem's detail (and offending fields), the correlation id
 * to quote; a 412 conflict comes with a "Reload" choice that fetches the item again.
 */
export function ErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const queryClient = useQueryClient();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  const reload = onReload ?? (() => queryClient.invalidateQueries());
  if (apiError?.isStale) {
    return (
      <Alert severity="warning" role="alert" action={<Button color="inherit" size="large" onClick={reload}>Reload</Button>}>
        <AlertTitle>Changed by someone else</AlertTitle>
        {message}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{apiError?.problem.title || 'Something went wrong'}</AlertTitle>
      {message}
      {apiError?.problem.correlationId && (
        <div style={{ fontSize: '0.8em', marginTop: 4 }}>Reference: {apiError.problem.correlationId}</div>
      )}
    </Alert>
  );
}
