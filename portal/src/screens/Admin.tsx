import { useState } from 'react';
import {
  Alert, Box, Button, Checkbox, LinearProgress, Paper, Stack, Tab, Tabs, Table, TableBody, TableCell, TableContainer, TableHead,
  TableRow, TablePagination, TextField, Typography, Card, CardContent, Grid,
} from '@mui/material';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post, put, query, type Page } from '../lib/api';
import { useAuth } from '../lib/auth';
import { can } from '../lib/permissions';
import { useCurrentSite } from '../lib/site';
import { formatInstant, humanize } from '../lib/time';
import type { Delivery, ReplayProgress, Rule, Webhook } from '../lib/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader, StatusChip } from '../components/common';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function Deliveries({ hook }: { hook: Webhook }) {
  const queryClient = useQueryClient();
  const [page, setPage] = useState(0);
  const path = `/api/webhooks/${hook.id}/deliveries` + query({ page, size: 20 });
  const deliveries = useQuery({ queryKey: ['deliveries', path], queryFn: () => get<Page<Delivery>>(path), placeholderData: keepPreviousData, refetchInterval: 10_000 });
  const redeliver = useMutation({ mutationFn: (id: string) => post(`/api/webhooks/${hook.id}/deliveries/${id}/redeliver`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['deliveries'] }) });
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle1" component="h3">Delivery log of {hook.url}</Typography>
      <ErrorAlert error={deliveries.error ?? redeliver.error} />
      <TableContainer>
        <Table size="small" aria-label="Deliveries">
          <TableHead><TableRow><TableCell>Event</TableCell><TableCell>Status</TableCell><TableCell>Attempts</TableCell><TableCell>Last answer</TableCell><TableCell>When</TableCell><TableCell><span className="visually-hidden">Actions</span></TableCell></TableRow></TableHead>
          <TableBody>
            {deliveries.data?.items.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{d.eventType}</TableCell>
                <TableCell><StatusChip status={d.status} /></TableCell>
                <TableCell>{d.attemptCount}</TableCell>
                <TableCell>{d.lastStatusCode ?? ''} {d.lastError ?? ''}</TableCell>
                <TableCell>{formatInstant(d.deliveredAt ?? d.lastAttemptAt ?? d.createdAt, zone)}{d.nextAttemptAt && <div><small>next {formatInstant(d.nextAttemptAt, zone)}</small></div>}</TableCell>
                <TableCell>{['DELIVERED', 'FAILED', 'SKIPPED'].includes(d.status) && <Button onClick={() => redeliver.mutate(d.id)}>Send again</Button>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination component="div" count={deliveries.data?.total ?? 0} page={page} rowsPerPage={20} rowsPerPageOptions={[20]} onPageChange={(_, p) => setPage(p)} />
    </Box>
  );
}

function Webhooks() {
  const queryClient = useQueryClient();
  const { site } = useCurrentSite();
  const hooks = useQuery({ queryKey: ['webhooks'], queryFn: () => get<Page<Webhook>>('/api/webhooks?size=100') });
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState('io.sitework.work.*');
  const [description, setDescription] = useState('');
  const [selected, setSelected] = useState<Webhook | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhooks'] });
  const create = useMutation({
    mutationFn: () => post<Webhook>('/api/webhooks', { url, eventTypes: types.split(',').map((t) => t.trim()).filter(Boolean),
      siteIds: site ? [site.id] : [], description: description || undefined }),
    onSuccess: (hook) => { setSecret(hook.secret ?? null); setUrl(''); refresh(); },
  });
  const remove = useMutation({ mutationFn: (id: string) => del(`/api/webhooks/${id}`), onSuccess: () => { setSelected(null); refresh(); } });
  const enable = useMutation({ mutationFn: (id: string) => post(`/api/webhooks/${id}/enable`), onSuccess: refresh });
  return (
    <>
      <Paper component="form" sx={{ p: 2, mb: 2 }} aria-label="New webhook" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <Typography variant="subtitle1" component="h2">Subscribe a URL to {site?.code}'s events</Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1 }}>
          <TextField label="URL" required value={url} onChange={(e) => setUrl(e.target.value)} />
          <TextField label="Event types (comma separated; prefixes end in *)" value={types} onChange={(e) => setTypes(e.target.value)} />
          <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} />
          <Button type="submit" variant="contained" disabled={!url || create.isPending} sx={{ flexShrink: 0 }}>Subscribe</Button>
        </Stack>
        {secret && <Alert severity="warning" sx={{ mt: 2 }} onClose={() => setSecret(null)}>
          The signing secret, shown this once — store it with the receiver: <code>{secret}</code></Alert>}
        <Box sx={{ mt: 1 }}><ErrorAlert error={create.error ?? remove.error ?? enable.error} /></Box>
      </Paper>
      <ErrorAlert error={hooks.error} />
      <Paper sx={{ p: 2 }}>
        <TableContainer>
          <Table aria-label="Webhooks">
            <TableHead><TableRow><TableCell>URL</TableCell><TableCell>Events</TableCell><TableCell>Status</TableCell><TableCell>Created</TableCell><TableCell><span className="visually-hidden">Actions</span></TableCell></TableRow></TableHead>
            <TableBody>
              {hooks.data?.items.map((h) => (
                <TableRow key={h.id} selected={selected?.id === h.id}>
                  <TableCell>{h.url}{h.description && <div><small>{h.description}</small></div>}</TableCell>
                  <TableCell>{h.eventTypes.join(', ')}</TableCell>
                  <TableCell><StatusChip status={h.status} />{h.disabledReason && <div><small>{h.disabledReason}</small></div>}</TableCell>
                  <TableCell>{formatInstant(h.createdAt, zone)} by {h.createdBy}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1}>
                      <Button onClick={() => setSelected(h)}>Deliveries</Button>
                      {h.status === 'DISABLED' && <Button onClick={() => enable.mutate(h.id)}>Enable</Button>}
                      <Button color="error" onClick={() => window.confirm('Delete this subscription and its delivery log?') && remove.mutate(h.id)}>Delete</Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
              {hooks.data?.items.length === 0 && <TableRow><TableCell colSpan={5}>No subscriptions.</TableCell></TableRow>}
            </TableBody>
          </Table>
        </TableContainer>
        {selected && <Deliveries hook={selected} />}
      </Paper>
    </>
  );
}

/** "owner, assignees," → ['OWNER', 'ASSIGNEES']: a rule's audience or roles as typed. */
export function ruleList(text: string): string[] {
  return text.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
}

export function Rules() {
  const { site } = useCurrentSite();
  const { identity } = useAuth();
  const queryClient = useQueryClient();
  const siteId = site?.id;
  const rules = useQuery({ queryKey: ['rules', siteId], queryFn: () => get<{ rules: Rule[]; version?: number }>(`/api/notifications/rules/${siteId}`), enabled: !!siteId });
  const [draft, setDraft] = useState<Rule[] | null>(null);
  // what is being typed into the audience and roles fields, by `${kind}.${field}`: shown as typed (a trailing
  // comma included), read as a list only when saved
  const [typed, setTyped] = useState<Record<string, string>>({});
  const current = draft ?? rules.data?.rules ?? [];
  const editable = can(identity, 'rules.edit', siteId);
  const saved = () => { setDraft(null); setTyped({}); queryClient.invalidateQueries({ queryKey: ['rules', siteId] }); };
  const save = useMutation({
    mutationFn: () => put(`/api/notifications/rules/${siteId}`, { rules: current.map((r) => ({ kind: r.kind, enabled: r.enabled, audience: r.audience, roles: r.roles })) }),
    onSuccess: saved,
  });
  const reset = useMutation({ mutationFn: () => del(`/api/notifications/rules/${siteId}`), onSuccess: saved });
  const change = (kind: string, patch: Partial<Rule>) => setDraft(current.map((r) => (r.kind === kind ? { ...r, ...patch } : r)));
  const listField = (r: Rule, field: 'audience' | 'roles') => (
    <TextField size="small" value={typed[`${r.kind}.${field}`] ?? r[field].join(', ')}
               onChange={(e) => { setTyped({ ...typed, [`${r.kind}.${field}`]: e.target.value }); change(r.kind, { [field]: ruleList(e.target.value) }); }}
               inputProps={{ 'aria-label': `${humanize(r.kind)} ${field}` }} />
  );
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" gutterBottom>Who hears what on {site?.code}</Typography>
      <ErrorAlert error={rules.error ?? save.error ?? reset.error} />
      <TableContainer>
        <Table size="small" aria-label="Notification rules">
          <TableHead><TableRow><TableCell>Kind</TableCell><TableCell>On</TableCell><TableCell>Audience</TableCell><TableCell>Roles</TableCell></TableRow></TableHead>
          <TableBody>
            {current.map((r) => (
              <TableRow key={r.kind}>
                <TableCell>{humanize(r.kind)}<div><small>{r.description}</small></div></TableCell>
                <TableCell><Checkbox checked={r.enabled} disabled={!editable} onChange={(e) => change(r.kind, { enabled: e.target.checked })}
                                     inputProps={{ 'aria-label': `${humanize(r.kind)} enabled` }} /></TableCell>
                <TableCell>{editable ? listField(r, 'audience') : r.audience.join(', ')}</TableCell>
                <TableCell>{editable ? listField(r, 'roles') : r.roles.join(', ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {editable && (
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button variant="contained" disabled={!draft || save.isPending} onClick={() => save.mutate()}>Save rules</Button>
          <Button onClick={() => reset.mutate()} disabled={reset.isPending}>Back to the defaults</Button>
        </Stack>
      )}
    </Paper>
  );
}

const PROJECTIONS = [
  { service: 'work-service', projection: 'work-board', label: 'Work board (lists and boards of work)' },
  { service: 'context-service', projection: 'sites', label: 'Site directory' },
];

function ReplayCard({ service, projection, label }: { service: string; projection: string; label: string }) {
  const queryClient = useQueryClient();
  const path = `/api/admin/replay/${service}/${projection}`;
  const progress = useQuery({ queryKey: ['replay', path], queryFn: () => get<ReplayProgress>(path),
    refetchInterval: (q) => (['RUNNING', 'SWITCHING'].includes(q.state.data?.state ?? '') ? 1000 : false) });
  const start = useMutation({ mutationFn: () => post<ReplayProgress>(path), onSuccess: (p) => queryClient.setQueryData(['replay', path], p) });
  const p = progress.data;
  const percent = p?.eventsTotal ? Math.min(100, Math.round(((p.eventsDone ?? 0) * 100) / p.eventsTotal)) : 0;
  return (
    <Card variant="outlined" data-testid={`replay-${projection}`}><CardContent>
      <Typography variant="subtitle1" component="h2">{label}</Typography>
      <Typography variant="body2" color="text.secondary">{service} / {projection}</Typography>
      <ErrorAlert error={progress.error ?? start.error} />
      {p && (
        <Box sx={{ my: 1 }}>
          <StatusChip status={p.state} />
          {p.state !== 'IDLE' && p.eventsTotal !== undefined && (
            <>
              <LinearProgress variant="determinate" value={percent} sx={{ my: 1 }} aria-label="Rebuild progress" />
              <Typography variant="body2">{p.eventsDone ?? 0} of {p.eventsTotal} events{p.eventsPerSecond ? ` · ${Math.round(p.eventsPerSecond)}/s` : ''}
                {p.estimatedSecondsLeft !== undefined && p.estimatedSecondsLeft !== null ? ` · about ${p.estimatedSecondsLeft} s left` : ''}</Typography>
            </>
          )}
          {p.finishedAt && <Typography variant="body2">Finished {formatInstant(p.finishedAt, zone)} · active {p.active}</Typography>}
          {p.error && <Alert severity="error">{p.error}</Alert>}
        </Box>
      )}
      <Button variant="outlined" onClick={() => start.mutate()} disabled={start.isPending || ['RUNNING', 'SWITCHING'].includes(p?.state ?? '')}>Rebuild</Button>
    </CardContent></Card>
  );
}

/** Site admins: webhooks and their delivery logs, notification rules. Org admins also: rebuilding read models. */
export function AdminScreen() {
  const { identity } = useAuth();
  const [tab, setTab] = useState(0);
  const tabs = ['Webhooks', 'Notification rules', ...(identity?.orgAdmin ? ['Replay'] : [])];
  return (
    <>
      <PageHeader title="Admin" />
      <Tabs value={tab} onChange={(_, v) => setTab(v)} sx={{ mb: 2 }} variant="scrollable">
        {tabs.map((t) => <Tab key={t} label={t} />)}
      </Tabs>
      {tab === 0 && <Webhooks />}
      {tab === 1 && <Rules />}
      {tab === 2 && identity?.orgAdmin && (
        <Grid container spacing={2}>
          {PROJECTIONS.map((p) => <Grid item xs={12} md={6} key={p.projection}><ReplayCard {...p} /></Grid>)}
        </Grid>
      )}
    </>
  );
}
