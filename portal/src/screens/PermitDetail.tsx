import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import {
  Box, Button, Card, CardContent, CircularProgress, Grid, List, ListItem, ListItemText, Paper, Stack, Table, TableBody, TableCell,
  TableContainer, TableHead, TableRow, Typography, Alert,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../lib/api';
import { useAuth } from '../lib/auth';
import { can, type Action, type Identity } from '../lib/permissions';
import { useSiteZone } from '../lib/site';
import { formatInstant, humanize } from '../lib/time';
import type { Isolation, Permit } from '../lib/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { ActionDialog, type DialogField } from '../components/ActionDialog';
import { HistoryTimeline } from '../components/History';
import { Field, PageHeader, StatusChip } from '../components/common';

interface PermitStep {
  key: string;
  label: string;
  action: Action;
  statuses: string[];
  fields?: DialogField[];
  variant?: 'contained' | 'outlined';
  /** beyond the role: the permit's own rule (e.g. its requester may cancel their own request) */
  also?: (permit: Permit, identity: Identity | null) => boolean;
}

export const PERMIT_STEPS: PermitStep[] = [
  { key: 'approve', label: 'Approve', action: 'permit.approve', statuses: ['REQUESTED'], variant: 'contained' },
  { key: 'reject', label: 'Reject', action: 'permit.reject', statuses: ['REQUESTED'], fields: [{ name: 'reason', label: 'Reason', required: true }] },
  { key: 'issue', label: 'Issue', action: 'permit.issue', statuses: ['APPROVED'], variant: 'contained',
    fields: [{ name: 'holderId', label: 'Holder (login; default: the requester)' }] },
  { key: 'suspend', label: 'Suspend', action: 'permit.suspend', statuses: ['ISSUED'], fields: [{ name: 'reason', label: 'Reason', required: true }] },
  { key: 'resume', label: 'Re-issue (resume)', action: 'permit.resume', statuses: ['SUSPENDED'], variant: 'contained' },
  { key: 'handback', label: 'Hand back', action: 'permit.handback', statuses: ['ISSUED', 'SUSPENDED'], variant: 'contained' },
  { key: 'close', label: 'Close', action: 'permit.close', statuses: ['HANDED_BACK'], variant: 'contained' },
  { key: 'cancel', label: 'Cancel permit', action: 'permit.cancel', statuses: ['REQUESTED', 'APPROVED', 'ISSUED', 'SUSPENDED'],
    fields: [{ name: 'reason', label: 'Reason', required: true }],
    also: (p, identity) => !!identity && p.requestedBy === identity.subject && can(identity, 'permit.request', p.siteId) },
];

export function allowedPermitSteps(permit: Permit, identity: Identity | null): PermitStep[] {
  return PERMIT_STEPS.filter((s) => s.statuses.includes(permit.status)
    && (can(identity, s.action, permit.siteId) || (s.also?.(permit, identity) ?? false)));
}

/** What may be done to one isolation point now, by this user (docs/security.md and the permit's lifecycle). */
export function isolationSteps(permit: Permit, isolation: Isolation, identity: Identity | null): { key: string; label: string }[] {
  const steps: { key: string; label: string }[] = [];
  if (isolation.state === 'PLANNED' && ['APPROVED', 'SUSPENDED'].includes(permit.status) && can(identity, 'permit.isolation.apply', permit.siteId)) {
    steps.push({ key: 'apply', label: 'Apply' });
  }
  if (isolation.state === 'APPLIED' && can(identity, 'permit.isolation.verify', permit.siteId) && isolation.appliedBy !== identity?.subject) {
    steps.push({ key: 'verify', label: 'Verify' });
  }
  if (['APPLIED', 'VERIFIED'].includes(isolation.state) && ['HANDED_BACK', 'CANCELLED', 'EXPIRED'].includes(permit.status)
      && can(identity, 'permit.isolation.remove', permit.siteId)) {
    steps.push({ key: 'remove', label: 'Remove' });
  }
  return steps;
}

/** One permit to work: its state, scope, isolation points and the actions open to the caller. */
export function PermitDetailScreen() {
  const { id } = useParams();
  const { identity } = useAuth();
  const queryClient = useQueryClient();
  const permit = useQuery({ queryKey: ['permit', id], queryFn: () => get<Permit>(`/api/permits/${id}`) });
  const p = permit.data;
  const zone = useSiteZone(p?.siteId);
  const [step, setStep] = useState<PermitStep | null>(null);

  const applied = (result: Permit) => {
    queryClient.setQueryData(['permit', id], result);
    queryClient.invalidateQueries({ queryKey: ['permit-history', id] });
    queryClient.invalidateQueries({ queryKey: ['permits'] });
    queryClient.invalidateQueries({ queryKey: ['work'] });
    setStep(null);
  };
  const command = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => post<Permit>(`/api/permits/${id}/${path}`, body ?? {}, p?.version),
    onSuccess: applied,
  });

  if (permit.isLoading) return <CircularProgress aria-label="Loading" />;
  if (permit.error || !p) return <ErrorAlert error={permit.error} />;
  const steps = allowedPermitSteps(p, identity);
  const t = (p.transitions ?? {}) as Record<string, string | undefined>;
  return (
    <>
      <PageHeader title={`${humanize(p.type)} permit`} subtitle={`Requested by ${p.requestedBy} · version ${p.version} · times in ${zone}`}
                  actions={<>
                    <StatusChip status={p.status} testId="permit-status" />
                    {can(identity, 'audit.read', p.siteId) && (
                      <Button component={RouterLink} to={`/sites/${p.siteId}/audit?tab=timeline&kind=permit&id=${p.id}`}>Audit timeline</Button>
                    )}
                  </>} />
      {p.readyForHandBack && <Alert severity="info" sx={{ mb: 2 }}>Every linked work item is finished: the permit is ready for hand-back.</Alert>}
      <Paper sx={{ p: 2, mb: 2 }}>
        <Typography variant="subtitle2" component="h2" gutterBottom>Actions</Typography>
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap aria-label="Permit actions">
          {steps.map((s) => (
            <Button key={s.key} variant={s.variant ?? 'outlined'} data-testid={`permit-${s.key}`} disabled={command.isPending}
                    onClick={() => (s.fields ? setStep(s) : command.mutate({ path: s.key }))}>{s.label}</Button>
          ))}
          {steps.length === 0 && <Typography variant="body2" color="text.secondary">No action on this permit is open to you now.</Typography>}
        </Stack>
        <Box sx={{ mt: 2 }}><ErrorAlert error={command.error} onReload={() => { command.reset(); queryClient.invalidateQueries({ queryKey: ['permit', id] }); }} /></Box>
      </Paper>
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <Card variant="outlined"><CardContent>
            <Typography variant="h6" component="h2" gutterBottom>Scope and validity</Typography>
            <Field label="Valid">{formatInstant(p.validFrom, zone)} → {formatInstant(p.validTo, zone)}</Field>
            <Field label="Holder">{p.holderId}</Field>
            <Field label="Approved by">{p.approvedBy} {formatInstant(t.approvedAt as string, zone)}</Field>
            <Field label="Issued by">{p.issuedBy} {formatInstant(t.issuedAt as string, zone)}</Field>
            {t.suspendReason && <Field label="Suspended">{t.suspendedBy}: {t.suspendReason}</Field>}
            <Field label="Hazards">{p.hazards.map((h) => <div key={h}>• {h}</div>)}</Field>
            <Field label="Controls">{p.controls.map((c) => <div key={c}>• {c}</div>)}</Field>
            <Field label="Linked work">
              <List dense disablePadding>
                {(p.linkedWork ?? (p.workIds ?? []).map((w) => ({ workId: w, status: '' }))).map((w) => (
                  <ListItem key={w.workId} disableGutters>
                    <ListItemText primary={<RouterLink to={`/work/${w.workId}`}>{w.workId}</RouterLink>} />
                    <StatusChip status={w.status || undefined} />
                  </ListItem>
                ))}
              </List>
            </Field>
          </CardContent></Card>
        </Grid>
        <Grid item xs={12} md={6}>
          <Card variant="outlined"><CardContent>
            <Typography variant="h6" component="h2" gutterBottom>Isolation points</Typography>
            {p.isolations.length === 0 && <Typography color="text.secondary">No isolation points.</Typography>}
            <TableContainer>
              <Table size="small" aria-label="Isolation points">
                <TableHead><TableRow><TableCell>Point</TableCell><TableCell>State</TableCell><TableCell>Who</TableCell><TableCell><span className="visually-hidden">Actions</span></TableCell></TableRow></TableHead>
                <TableBody>
                  {p.isolations.map((iso) => (
                    <TableRow key={iso.isolationId} data-testid="isolation-row">
                      <TableCell>{iso.point}<div><small>{humanize(iso.method)}</small></div></TableCell>
                      <TableCell><StatusChip status={iso.state} /></TableCell>
                      <TableCell>
                        {iso.appliedBy && <div><small>applied {iso.appliedBy}</small></div>}
                        {iso.verifiedBy && <div><small>verified {iso.verifiedBy}</small></div>}
                        {iso.removedBy && <div><small>removed {iso.removedBy}</small></div>}
                      </TableCell>
                      <TableCell>
                        <Stack direction="row" spacing={1}>
                          {isolationSteps(p, iso, identity).map((s) => (
                            <Button key={s.key} variant="outlined" data-testid={`isolation-${s.key}`} disabled={command.isPending}
                                    onClick={() => command.mutate({ path: `isolations/${iso.isolationId}/${s.key}` })}>{s.label}</Button>
                          ))}
                        </Stack>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </CardContent></Card>
        </Grid>
        <Grid item xs={12}>
          <Typography variant="h6" component="h2" gutterBottom>History</Typography>
          <HistoryTimeline path={`/api/permits/${id}/history`} zone={zone} queryKey={['permit-history', id]} />
        </Grid>
      </Grid>
      <ActionDialog open={!!step} title={step?.label ?? ''} confirm={step?.label ?? 'OK'} fields={step?.fields ?? []}
                    onClose={() => { setStep(null); command.reset(); }} pending={command.isPending} error={command.error}
                    onSubmit={(values) => step && command.mutate({ path: step.key, body: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) })} />
    </>
  );
}
