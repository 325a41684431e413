import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Box, Button, Checkbox, FormControlLabel, LinearProgress, List, ListItem, ListItemText, Paper, Stack, Tab, Tabs, TablePagination,
  TextField, Typography, Table, TableHead, TableRow, TableCell, TableBody, TableContainer, Alert, Chip,
} from '@mui/material';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put, query, type Page } from '../lib/api';
import { formatInstant, humanize } from '../lib/time';
import { NOTIFICATION_KINDS, type Counts, type InboxEntry, type Preferences } from '../lib/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/common';

/** Where an inbox entry leads: its work item or permit. */
export function entryLink(entry: InboxEntry): string | null {
  if (!entry.subjectId) return null;
  if (entry.eventType?.includes('.permit.')) return `/permits/${entry.subjectId}`;
  // "linked work done" is about the permit covering the completed work (its subject is the permit)
  if (entry.eventType?.startsWith('io.sitework.work.completed') && /permit/i.test(entry.title)) return `/permits/${entry.subjectId}`;
  return `/work/${entry.subjectId}`;
}

function Inbox() {
  const queryClient = useQueryClient();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(25);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const path = '/api/notifications' + query({ unread: unread ? 'true' : undefined, page, size });
  const inbox = useQuery({ queryKey: ['inbox', path], queryFn: () => get<Page<InboxEntry>>(path), placeholderData: keepPreviousData });
  const counts = useQuery({ queryKey: ['counts'], queryFn: () => get<Counts>('/api/notifications/counts') });
  const refresh = () => { queryClient.invalidateQueries({ queryKey: ['inbox'] }); queryClient.invalidateQueries({ queryKey: ['counts'] }); };
  const read = useMutation({ mutationFn: (id: string) => post(`/api/notifications/${id}/read`), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => post('/api/notifications/read-all'), onSuccess: refresh });
  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }} sx={{ mb: 2 }}>
        <Typography data-testid="inbox-counts">{counts.data ? `${counts.data.unread} unread of ${counts.data.total}` : ''}</Typography>
        <FormControlLabel control={<Checkbox checked={unread} onChange={(e) => { setUnread(e.target.checked); setPage(0); }} />} label="Unread only" />
        <Button variant="outlined" onClick={() => readAll.mutate()} disabled={!counts.data?.unread || readAll.isPending}>Mark all read</Button>
      </Stack>
      <ErrorAlert error={inbox.error ?? read.error ?? readAll.error} />
      <Paper>
        {inbox.isFetching && <LinearProgress aria-label="Loading" />}
        <List aria-label="Inbox">
          {inbox.data?.items.map((e) => {
            const link = entryLink(e);
            return (
              <ListItem key={e.id} divider data-testid="inbox-entry" sx={{ bgcolor: e.read ? undefined : 'action.hover' }}
                        secondaryAction={!e.read && <Button onClick={() => read.mutate(e.id)}>Mark read</Button>}>
                <ListItemText
                  primary={<>{!e.read && <Chip size="small" color="primary" label="new" sx={{ mr: 1 }} />}
                    {link ? <RouterLink to={link} onClick={() => !e.read && read.mutate(e.id)}>{e.title}</RouterLink> : e.title}</>}
                  secondary={<>{e.body && <span style={{ display: 'block' }}>{e.body}</span>}{formatInstant(e.createdAt, zone)}</>}
                  secondaryTypographyProps={{ component: 'div' }} />
              </ListItem>
            );
          })}
          {inbox.data?.items.length === 0 && <ListItem><ListItemText primary="Nothing here." /></ListItem>}
        </List>
        <TablePagination component="div" count={inbox.data?.total ?? 0} page={page} rowsPerPage={size} rowsPerPageOptions={[10, 25, 50, 100]}
                         onPageChange={(_, p) => setPage(p)} onRowsPerPageChange={(e) => { setSize(Number(e.target.value)); setPage(0); }} />
      </Paper>
    </>
  );
}

function PreferencesForm() {
  const queryClient = useQueryClient();
  const prefs = useQuery({ queryKey: ['preferences'], queryFn: () => get<Preferences>('/api/notifications/preferences') });
  const [draft, setDraft] = useState<Preferences | null>(null);
  useEffect(() => { if (prefs.data) setDraft(prefs.data); }, [prefs.data]);
  const save = useMutation({
    mutationFn: (p: Preferences) => put<Preferences>('/api/notifications/preferences', {
      email: p.email || undefined, timeZone: p.timeZone || undefined,
      quietHours: p.quietHours && p.quietHours.start && p.quietHours.end ? p.quietHours : undefined,
      digest: p.digest ? { enabled: p.digest.enabled, at: p.digest.at || undefined } : undefined,
      channels: p.channels,
    }),
    onSuccess: (saved) => { queryClient.setQueryData(['preferences'], saved); setDraft(saved); },
  });
  if (prefs.error) return <ErrorAlert error={prefs.error} />;
  if (!draft) return <LinearProgress aria-label="Loading" />;
  const channels = draft.channels ?? {};
  const toggle = (kind: string, channel: string, on: boolean) => {
    const current = channels[kind] ?? [];
    setDraft({ ...draft, channels: { ...channels, [kind]: on ? [...current, channel] : current.filter((c) => c !== channel) } });
  };
  return (
    <Paper component="form" sx={{ p: 2 }} aria-label="Preferences" onSubmit={(e) => { e.preventDefault(); save.mutate(draft); }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextField label="E-mail" type="email" value={draft.email ?? ''} onChange={(e) => setDraft({ ...draft, email: e.target.value })} />
        <TextField label="Time zone (IANA, e.g. Europe/Paris)" value={draft.timeZone ?? ''} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 2 }} alignItems={{ md: 'center' }}>
        <TextField label="Quiet hours from" type="time" InputLabelProps={{ shrink: true }} value={draft.quietHours?.start ?? ''}
                   onChange={(e) => setDraft({ ...draft, quietHours: { start: e.target.value, end: draft.quietHours?.end ?? '' } })} />
        <TextField label="Quiet hours until" type="time" InputLabelProps={{ shrink: true }} value={draft.quietHours?.end ?? ''}
                   onChange={(e) => setDraft({ ...draft, quietHours: { start: draft.quietHours?.start ?? '', end: e.target.value } })} />
        <FormControlLabel label="Daily e-mail digest" control={<Checkbox checked={!!draft.digest?.enabled}
                          onChange={(e) => setDraft({ ...draft, digest: { enabled: e.target.checked, at: draft.digest?.at } })} />} />
        <TextField label="Digest at" type="time" InputLabelProps={{ shrink: true }} value={draft.digest?.at ?? ''} disabled={!draft.digest?.enabled}
                   onChange={(e) => setDraft({ ...draft, digest: { enabled: true, at: e.target.value } })} />
      </Stack>
      <TableContainer sx={{ mt: 2 }}>
        <Table size="small" aria-label="Channels per kind">
          <TableHead><TableRow><TableCell>Kind</TableCell><TableCell>Inbox</TableCell><TableCell>E-mail</TableCell></TableRow></TableHead>
          <TableBody>
            {NOTIFICATION_KINDS.map((kind) => (
              <TableRow key={kind}>
                <TableCell>{humanize(kind)}</TableCell>
                {['INBOX', 'EMAIL'].map((channel) => (
                  <TableCell key={channel}>
                    <Checkbox checked={(channels[kind] ?? []).includes(channel)} onChange={(e) => toggle(kind, channel, e.target.checked)}
                              inputProps={{ 'aria-label': `${humanize(kind)} by ${channel === 'INBOX' ? 'inbox' : 'e-mail'}` }} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Box sx={{ mt: 2 }}><ErrorAlert error={save.error} /></Box>
      {save.isSuccess && <Alert severity="success" sx={{ mt: 2 }}>Preferences saved.</Alert>}
      <Button type="submit" variant="contained" sx={{ mt: 2 }} disabled={save.isPending}>Save preferences</Button>
    </Paper>
  );
}

/** The caller's inbox (live: new entries arrive over the stream) and their notification preferences. */
export function NotificationsScreen() {
  const [tab, setTab] = useState(0);
  return (
    <>
      <PageHeader title="Notifications" subtitle="New entries arrive live" />
      <Tabs value={tab} onChange={(_, v) => setTab(v)} sx={{ mb: 2 }}>
        <Tab label="Inbox" />
        <Tab label="Preferences" />
      </Tabs>
      {tab === 0 ? <Inbox /> : <PreferencesForm />}
    </>
  );
}
