import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import {
  Alert, Autocomplete, Box, Button, Card, CardContent, Chip, FormControl, Grid, InputLabel, List, ListItem, ListItemText, MenuItem, Paper,
  Select, Stack, Tab, Tabs, TextField, Typography, LinearProgress,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { download, get, query, type Page } from '../lib/api';
import { useCurrentSite } from '../lib/site';
import { formatInstant, humanize, instantToLocal, localToInstant } from '../lib/time';
import { WORK_STATUSES, type Asset, type AuditState, type AuditWorkItem, type Permit, type Verdict, type Work } from '../lib/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { HistoryTimeline } from '../components/History';
import { PageHeader, StatusChip } from '../components/common';

function WorkList({ title, items, zone }: { title: string; items: AuditWorkItem[]; zone: string }) {
  return (
    <Card variant="outlined"><CardContent>
      <Typography variant="subtitle1" component="h3">{title} ({items.length})</Typography>
      <List dense>
        {items.map((w) => (
          <ListItem key={w.id} disableGutters secondaryAction={<StatusChip status={w.status} />}>
            <ListItemText primary={<RouterLink to={`/work/${w.id}`}>{w.title}</RouterLink>}
              secondary={<>{w.ownerId ?? 'no owner'}{w.dueAt ? ` · due ${formatInstant(w.dueAt, zone)}` : ''}
                {(w.blockers ?? []).map((b) => <span key={b.id} style={{ display: 'block' }}>{humanize(b.type)}: {b.reason} since {formatInstant(b.since, zone)} ({b.by})</span>)}</>}
              secondaryTypographyProps={{ component: 'div' }} />
          </ListItem>
        ))}
      </List>
    </CardContent></Card>
  );
}

function StateAsOf({ siteId, zone }: { siteId: string; zone: string }) {
  const [local, setLocal] = useState(() => instantToLocal(new Date(), zone));
  const [asked, setAsked] = useState<string | null>(null);
  const state = useQuery({
    queryKey: ['audit-state', siteId, asked],
    queryFn: () => get<AuditState>('/api/audit/state' + query({ siteId, asOf: asked! })),
    enabled: !!asked,
  });
  const s = state.data;
  return (
    <>
      <Paper component="form" sx={{ p: 2, mb: 2 }} aria-label="State as of"
             onSubmit={(e) => { e.preventDefault(); setAsked(localToInstant(local, zone)); }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
          <TextField label={`As of (${zone})`} type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)}
                     InputLabelProps={{ shrink: true }} inputProps={{ step: 1, 'data-testid': 'as-of-input' }} sx={{ maxWidth: 300 }} />
          <Button type="submit" variant="contained" data-testid="as-of-show">Show the site as it was</Button>
          <Button onClick={() => { const now = instantToLocal(new Date(), zone); setLocal(now); setAsked(localToInstant(now, zone)); }}>Now</Button>
        </Stack>
      </Paper>
      {state.isFetching && <LinearProgress aria-label="Loading" />}
      <ErrorAlert error={state.error} />
      {s && (
        <Box data-testid="as-of-state">
          <Typography variant="h6" component="h2" gutterBottom>The site at {formatInstant(s.asOf, zone)}</Typography>
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ mb: 2 }}>
            {WORK_STATUSES.map((st) => <Chip key={st} label={`${humanize(st)}: ${s.work.counts[st] ?? 0}`} />)}
          </Stack>
          <Grid container spacing={2}>
            <Grid item xs={12} md={6}><WorkList title="In progress" items={s.work.inProgress} zone={zone} /></Grid>
            <Grid item xs={12} md={6}><WorkList title="On hold" items={s.work.onHold} zone={zone} /></Grid>
            <Grid item xs={12} md={6}><WorkList title="Blocked" items={s.work.blocked} zone={zone} /></Grid>
            <Grid item xs={12} md={6}><WorkList title="Overdue" items={s.work.overdue} zone={zone} /></Grid>
            <Grid item xs={12} md={4}>
              <Card variant="outlined"><CardContent>
                <Typography variant="subtitle1" component="h3">Permits in force ({s.context.permits.length})</Typography>
                <List dense>{s.context.permits.map((p) => (
                  <ListItem key={p.id} disableGutters secondaryAction={<StatusChip status={p.status} />}>
                    <ListItemText primary={<RouterLink to={`/permits/${p.id}`}>{humanize(p.type)}</RouterLink>} secondary={`holder ${p.holderId ?? '—'}`} />
                  </ListItem>))}</List>
              </CardContent></Card>
            </Grid>
            <Grid item xs={12} md={4}>
              <Card variant="outlined"><CardContent>
                <Typography variant="subtitle1" component="h3">Isolations ({s.context.isolations.length})</Typography>
                <List dense>{s.context.isolations.map((i) => (
                  <ListItem key={i.isolationId} disableGutters secondaryAction={<StatusChip status={i.state} />}>
                    <ListItemText primary={i.point} secondary={`${i.appliedBy ?? ''} ${formatInstant(i.appliedAt, zone)}`} />
                  </ListItem>))}</List>
              </CardContent></Card>
            </Grid>
            <Grid item xs={12} md={4}>
              <Card variant="outlined"><CardContent>
                <Typography variant="subtitle1" component="h3">Assets out of use ({s.context.assets.length})</Typography>
                <List dense>{s.context.assets.map((a) => (
                  <ListItem key={a.id} disableGutters secondaryAction={<StatusChip status={a.status} />}>
                    <ListItemText primary={`${a.tag} — ${a.name}`} />
                  </ListItem>))}</List>
              </CardContent></Card>
            </Grid>
          </Grid>
        </Box>
      )}
    </>
  );
}

const KINDS = { work: { history: '/api/work', verify: '/api/audit/work' }, permit: { history: '/api/permits', verify: '/api/audit/permits' },
  asset: { history: '/api/assets', verify: '/api/audit/assets' } } as const;
type Kind = keyof typeof KINDS;
const isKind = (value: string | null): value is Kind => value === 'work' || value === 'permit' || value === 'asset';

/** An item of the site to pick for its timeline: what a person recognises it by, and its id. */
export interface ItemOption {
  id: string;
  label: string;
  detail: string;
}

/**
 * The site's items of a kind matching what was typed: work by title and description, assets by tag and name
 * (both searched by the server), permits — which have no title — by type, status, holder or requester among the
 * site's latest ones.
 */
export async function findItems(kind: Kind, siteId: string, text: string, zone: string): Promise<ItemOption[]> {
  const q = text.trim();
  if (kind === 'work') {
    const page = await get<Page<Work>>('/api/work' + query({ siteId, q: q || undefined, size: 10 }));
    return page.items.map((w) => ({ id: w.id, label: w.title, detail: `${humanize(w.kind)} · ${humanize(w.status)}` }));
  }
  if (kind === 'asset') {
    const page = await get<Page<Asset>>('/api/assets' + query({ siteId, q: q || undefined, size: 10 }));
    return page.items.map((a) => ({ id: a.id, label: `${a.tag} — ${a.name}`, detail: `${humanize(a.assetClass)} · ${humanize(a.status)}` }));
  }
  const page = await get<Page<Permit>>('/api/permits' + query({ siteId, size: 50 }));
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return page.items
    .map((p) => ({ id: p.id, label: `${humanize(p.type)} permit, ${humanize(p.status).toLowerCase()}`,
      detail: `valid ${formatInstant(p.validFrom, zone)} – ${formatInstant(p.validTo, zone)} · holder ${p.holderId ?? '—'} · requested by ${p.requestedBy}` }))
    .filter((o) => words.every((word) => `${o.label} ${o.detail}`.toLowerCase().includes(word)))
    .slice(0, 10);
}

/** Picks an item by what it is called, as it is typed; an id pasted from an export works too (see below). */
function ItemPicker({ kind, siteId, zone, onPick }: { kind: Kind; siteId: string; zone: string; onPick: (id: string) => void }) {
  const [text, setText] = useState('');
  const found = useQuery({
    queryKey: ['audit-find', kind, siteId, text.trim()],
    queryFn: () => findItems(kind, siteId, text, zone),
    placeholderData: (previous) => previous,
  });
  return (
    <Autocomplete<ItemOption>
      sx={{ flexGrow: 1, minWidth: 260 }}
      options={found.data ?? []}
      loading={found.isFetching}
      filterOptions={(options) => options}
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      inputValue={text}
      onInputChange={(_, value) => setText(value)}
      onChange={(_, option) => { if (option) onPick(option.id); }}
      noOptionsText={found.isFetching ? 'Searching…' : 'Nothing of this site matches'}
      renderOption={(props, o) => (
        <li {...props} key={o.id}>
          <ListItemText primary={o.label} secondary={o.detail} />
        </li>
      )}
      renderInput={(params) => <TextField {...params} label={`Find the ${kind}`} helperText="by title, tag, name, type or person" />}
    />
  );
}

function ItemTimeline({ siteId, zone }: { siteId: string; zone: string }) {
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind: Kind = isKind(kindParam) ? kindParam : 'work';
  const shownId = params.get('id');
  const shown = shownId ? { kind, id: shownId } : null;
  const [id, setId] = useState('');
  const verify = useMutation({ mutationFn: () => get<Verdict>(`${KINDS[shown!.kind].verify}/${shown!.id}/verify`) });
  const v = verify.data;
  /** The shown item lives in the address: a timeline can be bookmarked, shared and reached from an item's page. */
  const show = (next: Kind, nextId: string | null) => {
    verify.reset();
    setParams((p) => {
      const copy = new URLSearchParams(p);
      copy.set('tab', 'timeline');
      copy.set('kind', next);
      if (nextId) copy.set('id', nextId); else copy.delete('id');
      return copy;
    });
  };
  return (
    <>
      <Paper component="form" sx={{ p: 2, mb: 2 }} aria-label="Item timeline"
             onSubmit={(e) => { e.preventDefault(); show(kind, id.trim()); }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'flex-start' }}>
          <FormControl sx={{ minWidth: 140 }}>
            <InputLabel id="item-kind">Item</InputLabel>
            <Select labelId="item-kind" label="Item" value={kind} onChange={(e) => show(e.target.value as Kind, null)}>
              <MenuItem value="work">Work</MenuItem><MenuItem value="permit">Permit</MenuItem><MenuItem value="asset">Asset</MenuItem>
            </Select>
          </FormControl>
          <ItemPicker key={kind} kind={kind} siteId={siteId} zone={zone} onPick={(picked) => show(kind, picked)} />
          <TextField label="or its id" value={id} onChange={(e) => setId(e.target.value)} sx={{ minWidth: 300 }} />
          <Button type="submit" variant="contained" disabled={!id.trim()} sx={{ minHeight: 56 }}>Show timeline</Button>
        </Stack>
      </Paper>
      {shown && (
        <>
          <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }} flexWrap="wrap" useFlexGap>
            <Button variant="outlined" onClick={() => verify.mutate()} disabled={verify.isPending} data-testid="verify-chain">Verify the hash chain</Button>
            {shown.kind !== 'asset' && (
              <Button component={RouterLink} to={shown.kind === 'work' ? `/work/${shown.id}` : `/permits/${shown.id}`}>Open the {shown.kind}</Button>
            )}
            {v && (v.intact
              ? <Alert severity="success" data-testid="chain-verdict">Intact: {v.events} events, last hash {v.lastHash?.slice(0, 16)}…</Alert>
              : <Alert severity="error" data-testid="chain-verdict">Broken at event {v.firstBrokenSequence}: {v.problem}</Alert>)}
          </Stack>
          <ErrorAlert error={verify.error} />
          <HistoryTimeline path={`${KINDS[shown.kind].history}/${shown.id}/history`} zone={zone} queryKey={['audit-history', shown.kind, shown.id]} />
        </>
      )}
    </>
  );
}

function Export({ siteId, zone }: { siteId: string; zone: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const exp = useMutation({
    mutationFn: (service: 'work' | 'context') => download(`/api/audit/export/${service}` + query({
      siteId, from: from ? localToInstant(from, zone) : undefined, to: to ? localToInstant(to, zone) : undefined,
    }), `${service}-${siteId}.ndjson`),
  });
  return (
    <Paper sx={{ p: 2 }}>
      <Typography sx={{ mb: 2 }}>The site's events as CloudEvents, one per line (NDJSON), exactly as published on Kafka.</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField label={`From (${zone})`} type="datetime-local" InputLabelProps={{ shrink: true }} value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={`Until (${zone})`} type="datetime-local" InputLabelProps={{ shrink: true }} value={to} onChange={(e) => setTo(e.target.value)} />
      </Stack>
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <Button variant="contained" onClick={() => exp.mutate('work')} disabled={exp.isPending}>Export work events</Button>
        <Button variant="contained" onClick={() => exp.mutate('context')} disabled={exp.isPending}>Export sites, assets and permits</Button>
      </Stack>
      <Box sx={{ mt: 2 }}><ErrorAlert error={exp.error} /></Box>
    </Paper>
  );
}

/** The auditor's screen: the site as of an instant, any item's timeline and chain verdict, the export. */
const TABS = ['as-of', 'timeline', 'export'] as const;

export function AuditScreen() {
  const { site } = useCurrentSite();
  const [params, setParams] = useSearchParams();
  const tab = Math.max(0, TABS.indexOf((params.get('tab') ?? 'as-of') as typeof TABS[number]));
  if (!site) return null;
  return (
    <>
      <PageHeader title="Audit" subtitle={`${site.code} — rebuilt from the event stores; times in ${site.timeZone}`} />
      <Tabs value={tab} onChange={(_, v: number) => setParams({ tab: TABS[v] })} sx={{ mb: 2 }} variant="scrollable">
        <Tab label="State as of" /><Tab label="Item timeline" /><Tab label="Export" />
      </Tabs>
      {tab === 0 && <StateAsOf siteId={site.id} zone={site.timeZone} />}
      {tab === 1 && <ItemTimeline siteId={site.id} zone={site.timeZone} />}
      {tab === 2 && <Export siteId={site.id} zone={site.timeZone} />}
    </>
  );
}
