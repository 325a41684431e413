import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import {
  Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Divider, FormControl, Grid, InputLabel, List, ListItem,
  ListItemText, MenuItem, Paper, Select, Stack, TextField, Typography, Checkbox, FormControlLabel,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, post, put } from '../lib/api';
import { useAuth } from '../lib/auth';
import { can, type Action } from '../lib/permissions';
import { useSiteZone } from '../lib/site';
import { useSiteAssets } from '../lib/assets';
import { formatInstant, humanize, localToInstant, instantToLocal } from '../lib/time';
import { BLOCKER_TYPES, type ChecklistItem, type Work } from '../lib/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { ActionDialog, type DialogField } from '../components/ActionDialog';
import { HistoryTimeline } from '../components/History';
import { Field, PageHeader, StatusChip } from '../components/common';

interface Step {
  key: string;
  label: string;
  action: Action;
  statuses: string[];
  fields?: DialogField[];
  body?: (values: Record<string, string | boolean>, zone: string) => unknown;
  variant?: 'contained' | 'outlined';
}

/** The next steps of the lifecycle, each for the statuses that allow it and the roles that may take it. */
export const STEPS: Step[] = [
  { key: 'plan', label: 'Plan', action: 'work.plan', statuses: ['REQUESTED', 'PLANNED'], variant: 'contained',
    fields: [
      { name: 'plannedStart', label: 'Planned start', type: 'datetime-local', required: true },
      { name: 'plannedEnd', label: 'Planned end', type: 'datetime-local', required: true },
      { name: 'assignees', label: 'Assignees (logins, comma separated)' },
    ],
    body: (v, zone) => ({
      plannedStart: localToInstant(String(v.plannedStart), zone),
      plannedEnd: localToInstant(String(v.plannedEnd), zone),
      assignees: String(v.assignees || '').split(',').map((s) => s.trim()).filter(Boolean).map((id) => ({ type: 'PERSON', id })),
    }) },
  { key: 'start', label: 'Start', action: 'work.start', statuses: ['PLANNED'], variant: 'contained' },
  { key: 'hold', label: 'Put on hold', action: 'work.hold', statuses: ['IN_PROGRESS'],
    fields: [{ name: 'reason', label: 'Reason', required: true }] },
  { key: 'resume', label: 'Resume', action: 'work.resume', statuses: ['ON_HOLD'], variant: 'contained' },
  { key: 'complete', label: 'Complete', action: 'work.complete', statuses: ['IN_PROGRESS'], variant: 'contained',
    fields: [{ name: 'outcome', label: 'Outcome', type: 'multiline' }],
    body: (v) => ({ outcome: v.outcome || undefined }) },
  { key: 'close', label: 'Close', action: 'work.close', statuses: ['DONE'], variant: 'contained',
    fields: [
      { name: 'override', label: 'Close despite missing or failed checklist items (supervisors)', type: 'checkbox' },
      { name: 'overrideReason', label: 'Reason for the override' },
    ],
    body: (v) => (v.override ? { override: true, overrideReason: v.overrideReason } : {}) },
  { key: 'reopen', label: 'Reopen', action: 'work.reopen', statuses: ['DONE'], fields: [{ name: 'reason', label: 'Reason', required: true }] },
  { key: 'reject', label: 'Reject', action: 'work.reject', statuses: ['REQUESTED'], fields: [{ name: 'reason', label: 'Reason', required: true }] },
  { key: 'cancel', label: 'Cancel work', action: 'work.cancel', statuses: ['REQUESTED', 'PLANNED', 'IN_PROGRESS', 'ON_HOLD'],
    fields: [{ name: 'reason', label: 'Reason', required: true }] },
];

export function allowedSteps(work: Pick<Work, 'status' | 'siteId'>, identity: Parameters<typeof can>[0]): Step[] {
  return STEPS.filter((s) => s.statuses.includes(work.status) && can(identity, s.action, work.siteId));
}

function ChecklistRow({ item, editable, onRecord, pending }: {
  item: ChecklistItem; editable: boolean; pending: boolean; onRecord: (value: unknown, note: string) => void;
}) {
  const [value, setValue] = useState<string>(item.value === undefined || item.value === null ? '' : String(item.value));
  const [note, setNote] = useState('');
  const limits = item.type === 'NUMBER' && (item.min !== undefined || item.max !== undefined)
    ? `limits ${item.min ?? '−∞'} … ${item.max ?? '+∞'} ${item.unit ?? ''}` : item.unit ?? '';
  const parsed = item.type === 'CHECK' ? value === 'true' : item.type === 'NUMBER' ? Number(value) : value;
  return (
    <ListItem divider sx={{ flexWrap: 'wrap', gap: 1 }} data-testid={`checklist-${item.itemId}`}>
      <ListItemText sx={{ minWidth: 220 }}
        primary={<>{item.label}{item.mandatory && <Chip size="small" label="mandatory" sx={{ ml: 1 }} />}</>}
        secondary={<>
          {limits}
          {item.result && <> · last: <b>{String(item.value)}</b> {item.unit} — <StatusChip status={item.result} /> by {item.recordedBy}</>}
          {item.note && ` · ${item.note}`}
        </>} secondaryTypographyProps={{ component: 'div' }} />
      {editable && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'center' }}>
          {item.type === 'CHECK' && (
            <FormControlLabel label="Done / OK" control={<Checkbox checked={value === 'true'} onChange={(e) => setValue(String(e.target.checked))} />} />
          )}
          {item.type === 'NUMBER' && (
            <TextField size="small" type="number" label={`Reading${item.unit ? ` (${item.unit})` : ''}`} value={value}
                       onChange={(e) => setValue(e.target.value)} sx={{ width: 160 }} inputProps={{ step: 'any' }} />
          )}
          {item.type === 'TEXT' && <TextField size="small" label="Value" value={value} onChange={(e) => setValue(e.target.value)} />}
          {item.type === 'CHOICE' && (
            <FormControl size="small" sx={{ minWidth: 140 }}>
              <InputLabel id={`choice-${item.itemId}`}>Value</InputLabel>
              <Select labelId={`choice-${item.itemId}`} label="Value" value={value} onChange={(e) => setValue(e.target.value)}>
                {(item.options ?? []).map((o) => <MenuItem key={o} value={o}>{o}</MenuItem>)}
              </Select>
            </FormControl>
          )}
          <TextField size="small" label="Note" value={note} onChange={(e) => setNote(e.target.value)} sx={{ width: 180 }} />
          <Button variant="outlined" disabled={pending || (item.type !== 'CHECK' && value === '')} onClick={() => onRecord(parsed, note)}>
            Record
          </Button>
        </Stack>
      )}
    </ListItem>
  );
}

/** One piece of work: its status and next steps, people, checklist, blockers, linked assets and permits, comments, history. */
export function WorkDetailScreen() {
  const { id } = useParams();
  const { identity } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const work = useQuery({ queryKey: ['work', id], queryFn: () => request<Work>(`/api/work/${id}`).then((a) => a.data) });
  const w = work.data;
  const zone = useSiteZone(w?.siteId);
  const assets = useSiteAssets(w?.siteId);
  const [step, setStep] = useState<Step | null>(null);
  const [blockerType, setBlockerType] = useState('PARTS');
  const [blockerReason, setBlockerReason] = useState('');
  const [comment, setComment] = useState('');
  const [assignOpen, setAssignOpen] = useState(false);

  const applied = (result: Work) => {
    queryClient.setQueryData(['work', id], result);
    queryClient.invalidateQueries({ queryKey: ['work-history', id] });
    queryClient.invalidateQueries({ queryKey: ['work-list'] });
    queryClient.invalidateQueries({ queryKey: ['board'] });
    queryClient.invalidateQueries({ queryKey: ['blocked'] });
  };
  const refetch = () => queryClient.invalidateQueries({ queryKey: ['work', id] });
  const refetchAfter = () => { refetch(); queryClient.invalidateQueries({ queryKey: ['work-history', id] }); };

  const command = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => post<Work>(`/api/work/${id}/${path}`, body ?? {}, w?.version),
    onSuccess: (result) => { applied(result); setStep(null); setAssignOpen(false); },
  });
  const raise = useMutation({
    mutationFn: () => post(`/api/work/${id}/blockers`, { type: blockerType, reason: blockerReason }, w?.version),
    onSuccess: () => { setBlockerReason(''); refetchAfter(); },
  });
  const resolve = useMutation({
    mutationFn: (blockerId: string) => post(`/api/work/${id}/blockers/${blockerId}/resolve`, {}, w?.version),
    onSuccess: refetchAfter,
  });
  const record = useMutation({
    mutationFn: ({ itemId, value, note }: { itemId: string; value: unknown; note: string }) =>
      put<Work>(`/api/work/${id}/checklist/${itemId}`, { value, note: note || undefined }, w?.version),
    onSuccess: (result) => (result && (result as Work).id ? applied(result) : refetchAfter()),
  });
  const addComment = useMutation({
    mutationFn: () => post(`/api/work/${id}/comments`, { text: comment }, w?.version),
    onSuccess: () => { setComment(''); refetchAfter(); },
  });

  if (work.isLoading) return <CircularProgress aria-label="Loading" />;
  if (work.error || !w) return <ErrorAlert error={work.error} />;

  const steps = allowedSteps(w, identity);
  const openBlockers = (w.blockers ?? []).filter((b) => b.open);
  const closedBlockers = (w.blockers ?? []).filter((b) => !b.open);
  const assetOf = (assetId: string) => assets.data?.find((a) => a.id === assetId);
  const mayBlock = can(identity, 'work.blocker', w.siteId) && !['DONE', 'CLOSED', 'REJECTED', 'CANCELLED'].includes(w.status);
  const mayRecord = can(identity, 'work.checklist', w.siteId) && w.status === 'IN_PROGRESS';
  const mutationError = command.error ?? raise.error ?? resolve.error ?? record.error ?? addComment.error;
  const t = (w.transitions ?? {}) as Record<string, string | undefined>;
  const plannedDefault = instantToLocal(new Date(Date.now() + 3_600_000), zone);
  const plannedEndDefault = instantToLocal(new Date(Date.now() + 9 * 3_600_000), zone);

  return (
    <>
      <PageHeader title={w.title}
        subtitle={<>{humanize(w.kind)} · {humanize(w.priority)} priority · version {w.version}</>}
        actions={<>
          <StatusChip status={w.status} testId="work-status" />
          {w.blocked && <Chip color="error" label="Blocked" data-testid="work-blocked" />}
          {w.ready && <Chip color="success" label="Ready" />}
          {w.overdue && <Chip color="warning" label="Overdue" />}
          {can(identity, 'audit.read', w.siteId) && (
            <Button component={RouterLink} to={`/sites/${w.siteId}/audit?tab=timeline&kind=work&id=${w.id}`}>Audit timeline</Button>
          )}
        </>} />
      <Paper sx={{ p: 2, mb: 2 }}>
        <Typography variant="subtitle2" component="h2" gutterBottom>Next steps</Typography>
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap aria-label="Next steps">
          {steps.map((s) => (
            <Button key={s.key} variant={s.variant ?? 'outlined'} data-testid={`step-${s.key}`}
                    onClick={() => (s.fields ? setStep(s) : command.mutate({ path: s.key }))} disabled={command.isPending}>
              {s.label}
            </Button>
          ))}
          {can(identity, 'work.assign', w.siteId) && !['CLOSED', 'REJECTED', 'CANCELLED'].includes(w.status) && (
            <Button variant="outlined" onClick={() => setAssignOpen(true)}>Assign</Button>
          )}
          {steps.length === 0 && <Typography variant="body2" color="text.secondary">No step is open to you in this status.</Typography>}
        </Stack>
        <Box sx={{ mt: 2 }}><ErrorAlert error={mutationError} onReload={() => { command.reset(); raise.reset(); resolve.reset(); record.reset(); addComment.reset(); refetchAfter(); }} /></Box>
      </Paper>

      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <Card variant="outlined"><CardContent>
            <Typography variant="h6" component="h2" gutterBottom>Details</Typography>
            {w.description && <Typography sx={{ mb: 2, whiteSpace: 'pre-wrap' }}>{w.description}</Typography>}
            <Grid container spacing={1}>
              <Grid item xs={6}><Field label="Owner">{w.ownerId}</Field></Grid>
              <Grid item xs={6}><Field label="Assignees">{(w.assignees ?? []).map((a) => `${a.id}${a.type !== 'PERSON' ? ` (${humanize(a.type)})` : ''}`).join(', ')}</Field></Grid>
              <Grid item xs={6}><Field label="Due">{formatInstant(w.dueAt, zone)}</Field></Grid>
              <Grid item xs={6}><Field label="Planned">{w.plannedStart ? `${formatInstant(w.plannedStart, zone)} → ${formatInstant(w.plannedEnd, zone)}` : ''}</Field></Grid>
              <Grid item xs={6}><Field label="Requested">{t.requestedBy} {formatInstant(t.requestedAt, zone)}</Field></Grid>
              <Grid item xs={6}><Field label="Watchers">{(w.watchers ?? []).join(', ')}</Field></Grid>
              {w.originWorkId && <Grid item xs={12}><Field label="Found during"><RouterLink to={`/work/${w.originWorkId}`}>{w.originWorkId}</RouterLink></Field></Grid>}
              {(w.dependsOn ?? []).length > 0 && <Grid item xs={12}><Field label="Depends on">{w.dependsOn!.map((d) => <div key={d}><RouterLink to={`/work/${d}`}>{d}</RouterLink></div>)}</Field></Grid>}
            </Grid>
            <Typography variant="caption" color="text.secondary">Times in {zone}</Typography>
          </CardContent></Card>
        </Grid>
        <Grid item xs={12} md={6}>
          <Card variant="outlined"><CardContent>
            <Typography variant="h6" component="h2" gutterBottom>Assets and permits</Typography>
            <Field label="Assets">
              {(w.assetIds ?? []).map((a) => (
                <Chip key={a} label={assetOf(a) ? `${assetOf(a)!.tag} — ${assetOf(a)!.name}` : a} sx={{ mr: 0.5, mb: 0.5 }}
                      component={RouterLink} to={`/sites/${w.siteId}/assets?asset=${a}`} clickable />
              ))}
            </Field>
            <Field label="Permits required">{(w.requiredPermitTypes ?? []).map(humanize).join(', ')}</Field>
            <List dense aria-label="Linked permits">
              {(w.permits ?? []).map((p) => (
                <ListItem key={p.permitId} disableGutters>
                  <ListItemText primary={<RouterLink to={`/permits/${p.permitId}`} data-testid="linked-permit">{humanize(p.type)} permit</RouterLink>}
                                secondary={<>since {formatInstant(p.statusSince, zone)}</>} />
                  <StatusChip status={p.status} />
                </ListItem>
              ))}
            </List>
            {can(identity, 'permit.request', w.siteId) && !['DONE', 'CLOSED', 'REJECTED', 'CANCELLED'].includes(w.status) && (
              <Button variant="outlined" data-testid="request-permit"
                      onClick={() => navigate(`/sites/${w.siteId}/permits/new?workId=${w.id}&type=${(w.requiredPermitTypes ?? ['GENERAL'])[0] ?? 'GENERAL'}&assets=${(w.assetIds ?? []).join(',')}`)}>
                Request a permit for this work
              </Button>
            )}
          </CardContent></Card>
        </Grid>

        <Grid item xs={12}>
          <Card variant="outlined"><CardContent>
            <Typography variant="h6" component="h2" gutterBottom>Blockers</Typography>
            {openBlockers.length === 0 && <Typography color="text.secondary">Nothing blocks this work.</Typography>}
            <List aria-label="Open blockers">
              {openBlockers.map((b) => (
                <ListItem key={b.id} divider data-testid="open-blocker"
                          secondaryAction={mayBlock && !b.automatic && (
                            <Button variant="outlined" onClick={() => resolve.mutate(b.id)} disabled={resolve.isPending} data-testid="resolve-blocker">Resolve</Button>
                          )}>
                  <ListItemText primary={<><Chip size="small" color="error" label={humanize(b.type)} sx={{ mr: 1 }} />{b.reason}</>}
                                secondary={`raised by ${b.raisedBy} ${formatInstant(b.raisedAt, zone)}${b.automatic ? ' · automatic: clears by itself' : ''}${b.reference ? ` · ${b.reference}` : ''}`} />
                </ListItem>
              ))}
            </List>
            {mayBlock && (
              <Stack component="form" direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 1 }} aria-label="Raise a blocker"
                     onSubmit={(e) => { e.preventDefault(); raise.mutate(); }}>
                <FormControl sx={{ minWidth: 170 }}>
                  <InputLabel id="blocker-type">Blocker type</InputLabel>
                  <Select labelId="blocker-type" label="Blocker type" value={blockerType} onChange={(e) => setBlockerType(e.target.value)}>
                    {BLOCKER_TYPES.map((b) => <MenuItem key={b} value={b}>{humanize(b)}</MenuItem>)}
                  </Select>
                </FormControl>
                <TextField label="What blocks it" value={blockerReason} onChange={(e) => setBlockerReason(e.target.value)} required />
                <Button type="submit" variant="contained" color="error" disabled={!blockerReason || raise.isPending}>Raise blocker</Button>
              </Stack>
            )}
            {closedBlockers.length > 0 && (
              <>
                <Divider sx={{ my: 1 }} />
                <Typography variant="subtitle2" component="h3">Resolved</Typography>
                {closedBlockers.map((b) => (
                  <Typography key={b.id} variant="body2" color="text.secondary" data-testid="resolved-blocker">
                    {humanize(b.type)}: {b.reason} — resolved by {b.resolvedBy} {formatInstant(b.resolvedAt, zone)}{b.note ? ` (${b.note})` : ''}
                  </Typography>
                ))}
              </>
            )}
          </CardContent></Card>
        </Grid>

        <Grid item xs={12}>
          <Card variant="outlined"><CardContent>
            <Typography variant="h6" component="h2" gutterBottom>Checklist</Typography>
            {(w.checklist ?? []).length === 0 && <Typography color="text.secondary">No checklist.</Typography>}
            {!mayRecord && (w.checklist ?? []).length > 0 && w.status !== 'IN_PROGRESS' && (
              <Alert severity="info" sx={{ mb: 1 }}>Readings are recorded while the work is in progress.</Alert>
            )}
            <List aria-label="Checklist">
              {(w.checklist ?? []).map((item) => (
                <ChecklistRow key={`${item.itemId}-${item.recordedAt ?? ''}`} item={item} editable={mayRecord} pending={record.isPending}
                              onRecord={(value, note) => record.mutate({ itemId: item.itemId, value, note })} />
              ))}
            </List>
          </CardContent></Card>
        </Grid>

        <Grid item xs={12} md={6}>
          <Card variant="outlined"><CardContent>
            <Typography variant="h6" component="h2" gutterBottom>Comments</Typography>
            {(w.comments ?? []).map((c) => (
              <Box key={c.id} sx={{ mb: 1 }}>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{c.text}</Typography>
                <Typography variant="caption" color="text.secondary">{c.author} · {formatInstant(c.at, zone)}</Typography>
              </Box>
            ))}
            {can(identity, 'work.comment', w.siteId) && (
              <Stack component="form" direction="row" spacing={1} onSubmit={(e) => { e.preventDefault(); addComment.mutate(); }}>
                <TextField label="Add a comment" value={comment} onChange={(e) => setComment(e.target.value)} multiline />
                <Button type="submit" disabled={!comment.trim() || addComment.isPending}>Post</Button>
              </Stack>
            )}
          </CardContent></Card>
        </Grid>
        <Grid item xs={12} md={6}>
          <Typography variant="h6" component="h2" gutterBottom>History</Typography>
          <HistoryTimeline path={`/api/work/${id}/history`} zone={zone} queryKey={['work-history', id]} />
        </Grid>
      </Grid>

      <ActionDialog open={!!step} title={step?.label ?? ''} confirm={step?.label ?? 'OK'}
                    fields={(step?.fields ?? []).map((f) => (f.type === 'datetime-local' && !f.initial ? { ...f, initial: f.name === 'plannedEnd' ? plannedEndDefault : plannedDefault } : f))}
                    onClose={() => { setStep(null); command.reset(); }} pending={command.isPending} error={command.error}
                    onSubmit={(values) => step && command.mutate({ path: step.key, body: step.body ? step.body(values, zone) : values })} />
      <ActionDialog open={assignOpen} title="Assign" confirm="Assign" onClose={() => { setAssignOpen(false); command.reset(); }}
                    pending={command.isPending} error={command.error}
                    fields={[
                      { name: 'ownerId', label: 'Owner (login)', initial: w.ownerId ?? '' },
                      { name: 'assignees', label: 'Assignees (logins, comma separated)', initial: (w.assignees ?? []).filter((a) => a.type === 'PERSON').map((a) => a.id).join(', ') },
                      { name: 'watchers', label: 'Watchers (logins, comma separated)', initial: (w.watchers ?? []).join(', ') },
                    ]}
                    onSubmit={(v) => command.mutate({ path: 'assign', body: {
                      ownerId: v.ownerId || undefined,
                      assignees: String(v.assignees).split(',').map((s) => s.trim()).filter(Boolean).map((x) => ({ type: 'PERSON', id: x })),
                      watchers: String(v.watchers).split(',').map((s) => s.trim()).filter(Boolean),
                    } })} />
    </>
  );
}
