import type { ReactNode } from 'react';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { humanize } from '../lib/time';

const STATUS_COLOURS: Record<string, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info'> = {
  REQUESTED: 'default', PLANNED: 'info', IN_PROGRESS: 'primary', ON_HOLD: 'warning', DONE: 'success', CLOSED: 'success',
  REJECTED: 'default', CANCELLED: 'default', APPROVED: 'info', ISSUED: 'success', SUSPENDED: 'error', HANDED_BACK: 'secondary',
  EXPIRED: 'default', APPLIED: 'warning', VERIFIED: 'success', REMOVED: 'default', IN_SERVICE: 'success', OUT_OF_SERVICE: 'warning',
  ISOLATED: 'error', DECOMMISSIONED: 'default', ENABLED: 'success', DISABLED: 'error', DELIVERED: 'success', FAILED: 'error',
  PENDING: 'info', RUNNING: 'info', SWITCHING: 'info', IDLE: 'default', PASSED: 'success', RECORDED: 'info',
};

/** A status as a coloured chip with its words (colour is never the only signal). */
export function StatusChip({ status, testId }: { status: string | undefined; testId?: string }) {
  if (!status) return null;
  return <Chip size="small" label={humanize(status)} color={STATUS_COLOURS[status] ?? 'default'} data-testid={testId}
               data-status={status} variant={status === 'CLOSED' ? 'outlined' : 'filled'} />;
}

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} justifyContent="space-between" alignItems={{ sm: 'center' }} spacing={1} sx={{ mb: 2 }}>
      <Box>
        <Typography variant="h5" component="h1">{title}</Typography>
        {subtitle && <Typography variant="body2" color="text.secondary">{subtitle}</Typography>}
      </Box>
      {actions && <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>{actions}</Stack>}
    </Stack>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">{label}</Typography>
      <Typography variant="body1" component="div">{children || '—'}</Typography>
    </Box>
  );
}
