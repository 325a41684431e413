import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Checkbox, Chip, FormControlLabel, LinearProgress, ListItemText, MenuItem, Paper, Select, FormControl, InputLabel, Stack, Table,
  TableBody, TableCell, TableContainer, TableHead, TablePagination, TableRow, ToggleButton, ToggleButtonGroup,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, query, type Page } from '../lib/api';
import { useAuth } from '../lib/auth';
import { useCurrentSite } from '../lib/site';
import { ago, formatInstant, humanize } from '../lib/time';
import { BLOCKER_TYPES, type BlockedRow } from '../lib/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader, StatusChip } from '../components/common';

/**
 * The blocked board's request. "Waiting on me" is the server's `mine=true` (the caller from the token): it filters
 * before paging, so `total` and the pages count only what waits on me.
 */
export function blockedQuery(siteId: string | undefined, types: string[], mine: boolean, page: number, size: number): string {
  return '/api/work/blocked' + query({ siteId, blockerType: types, mine: mine || undefined, page, size });
}

function OnWhom({ row }: { row: BlockedRow }) {
  const who = row.onWhom;
  if (!who) return <>—</>;
  if (who.type === 'WORK') return <RouterLink to={`/work/${who.id}`}>work: {who.title ?? who.id}{who.status ? ` (${humanize(who.status)})` : ''}</RouterLink>;
  return <>{humanize(who.type)}: {who.id}</>;
}

/** The blocked board: what is waiting, on what, since when, on whom; "waiting on me" narrows it to the caller. */
export function BlockedScreen() {
  const { site } = useCurrentSite();
  const { identity } = useAuth();
  const [types, setTypes] = useState<string[]>([]);
  const [mine, setMine] = useState<'all' | 'me'>('all');
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(50);
  const zone = site?.timeZone ?? 'UTC';
  const path = blockedQuery(site?.id, types, mine === 'me', page, size);
  // "mine" is whoever the token names: keyed by the user, so another login never sees this one's cached answer
  const blocked = useQuery({ queryKey: ['blocked', path, mine === 'me' ? identity?.subject : null], queryFn: () => get<Page<BlockedRow>>(path), enabled: !!site, placeholderData: keepPreviousData, refetchInterval: 20_000 });
  const rows = blocked.data?.items ?? [];
  const now = new Date();
  return (
    <>
      <PageHeader title="Blocked work" subtitle="What is waiting, on what, since when, on whom — oldest first" />
      <Paper sx={{ p: 2, mb: 2 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
          <ToggleButtonGroup exclusive value={mine} onChange={(_, v) => { if (v) { setMine(v); setPage(0); } }} aria-label="Whose">
            <ToggleButton value="all" sx={{ minHeight: 44 }}>Everything blocked</ToggleButton>
            <ToggleButton value="me" sx={{ minHeight: 44 }} data-testid="waiting-on-me">Waiting on me</ToggleButton>
          </ToggleButtonGroup>
          <FormControl sx={{ minWidth: 220 }}>
            <InputLabel id="blocker-types">Blocker type</InputLabel>
            <Select labelId="blocker-types" label="Blocker type" multiple value={types} renderValue={(v) => v.map(humanize).join(', ')}
                    onChange={(e) => { setTypes(typeof e.target.value === 'string' ? e.target.value.split(',') : e.target.value); setPage(0); }}>
              {BLOCKER_TYPES.map((t) => <MenuItem key={t} value={t}><Checkbox checked={types.includes(t)} /><ListItemText primary={humanize(t)} /></MenuItem>)}
            </Select>
          </FormControl>
          <FormControlLabel control={<Checkbox checked={types.length === 0} onChange={() => setTypes([])} />} label="All types" />
        </Stack>
      </Paper>
      <ErrorAlert error={blocked.error} />
      <Paper>
        {blocked.isFetching && <LinearProgress aria-label="Loading" />}
        <TableContainer>
          <Table aria-label="Blocked work">
            <TableHead>
              <TableRow>
                <TableCell>Work</TableCell>
                <TableCell>Blocked by</TableCell>
                <TableCell>Waiting since</TableCell>
                <TableCell>On whom</TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Status</TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Due</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.blocker.id} data-testid="blocked-row">
                  <TableCell><RouterLink to={`/work/${r.workId}`}>{r.title}</RouterLink><div><small>{humanize(r.priority)} · owner {r.ownerId ?? '—'}</small></div></TableCell>
                  <TableCell><Chip size="small" color="error" label={humanize(r.blocker.type)} /> {r.blocker.reason}</TableCell>
                  <TableCell>{formatInstant(r.waitingSince, zone)}<div><small>{ago(r.waitingSince, now)}</small></div></TableCell>
                  <TableCell><OnWhom row={r} /></TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}><StatusChip status={r.status} /></TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{formatInstant(r.dueAt, zone)}</TableCell>
                </TableRow>
              ))}
              {blocked.data && rows.length === 0 && <TableRow><TableCell colSpan={6}>{mine === 'me' ? 'Nothing blocked is waiting on you.' : 'Nothing is blocked here.'}</TableCell></TableRow>}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePagination component="div" count={blocked.data?.total ?? 0} page={page} rowsPerPage={size} rowsPerPageOptions={[25, 50, 100]}
                         onPageChange={(_, p) => setPage(p)} onRowsPerPageChange={(e) => { setSize(Number(e.target.value)); setPage(0); }} />
      </Paper>
    </>
  );
}
