import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import {
  Box, Button, Card, CardActionArea, CardContent, Checkbox, Chip, FormControl, FormControlLabel, Grid, InputLabel, ListItemText,
  MenuItem, Paper, Select, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TablePagination, TableRow, TextField,
  Typography, Tooltip, LinearProgress,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, query, type Page } from '../lib/api';
import { useCurrentSite } from '../lib/site';
import { useAuth } from '../lib/auth';
import { can } from '../lib/permissions';
import { formatInstant, humanize, localToInstant, instantToLocal } from '../lib/time';
import { OPEN_STATUSES, WORK_KINDS, WORK_STATUSES, type Board, type Work } from '../lib/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader, StatusChip } from '../components/common';

export interface BoardFilters {
  status: string[];
  kind: string[];
  blocked: '' | 'true' | 'false';
  overdue: '' | 'true';
  dueToday: boolean;
  mine: boolean;
  q: string;
}

export const EMPTY_FILTERS: BoardFilters = { status: [], kind: [], blocked: '', overdue: '', dueToday: false, mine: false, q: '' };

interface SavedView {
  name: string;
  filters: BoardFilters;
}

const VIEWS_KEY = 'sitework.savedViews';

/** Saved views live in this browser (localStorage), one list per user. */
export function loadViews(subject: string): SavedView[] {
  try {
    return JSON.parse(localStorage.getItem(`${VIEWS_KEY}.${subject}`) ?? '[]');
  } catch {
    return [];
  }
}

export function saveViews(subject: string, views: SavedView[]): void {
  localStorage.setItem(`${VIEWS_KEY}.${subject}`, JSON.stringify(views));
}

/** The list query for the filters: "due today" is open work due before the end of today in the site's zone. */
export function workQuery(siteId: string, filters: BoardFilters, me: string | undefined, zone: string, page: number, size: number): string {
  let dueBefore: string | undefined;
  let status = filters.status;
  if (filters.dueToday) {
    const today = instantToLocal(new Date(), zone).slice(0, 10);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    dueBefore = localToInstant(`${tomorrow}T00:00`, zone);
    if (status.length === 0) status = OPEN_STATUSES;
  }
  return '/api/work' + query({
    siteId, status, kind: filters.kind, blocked: filters.blocked, overdue: filters.overdue, q: filters.q.trim(),
    ownerId: filters.mine ? me : undefined, dueBefore, page, size, sort: filters.dueToday ? 'dueAt,asc' : undefined,
  });
}

function Tile({ label, value, onClick, testId, tone }: { label: string; value: number | undefined; onClick: () => void; testId: string; tone?: string }) {
  return (
    <Card variant="outlined" sx={{ borderLeft: 4, borderLeftColor: tone ?? 'primary.main' }}>
      <CardActionArea onClick={onClick} data-testid={testId} aria-label={`${label}: ${value ?? 0}, show them`}>
        <CardContent sx={{ py: 1.5 }}>
          <Typography variant="h4" component="div">{value ?? '…'}</Typography>
          <Typography variant="body2" color="text.secondary">{label}</Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/** The site board: counts by status, blocked, overdue and due today; the work list with filters, search and saved views. */
export function BoardScreen() {
  const { site } = useCurrentSite();
  const { identity } = useAuth();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<BoardFilters>(EMPTY_FILTERS);
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(25);
  const [views, setViews] = useState<SavedView[]>(() => loadViews(identity?.subject ?? ''));
  const [viewName, setViewName] = useState('');
  const zone = site?.timeZone ?? 'UTC';
  const siteId = site?.id;

  const board = useQuery({
    queryKey: ['board', siteId, zone],
    queryFn: () => get<Board>(`/api/work/board${query({ siteId, zone })}`),
    enabled: !!siteId,
    refetchInterval: 15_000,
  });
  const listPath = useMemo(() => (siteId ? workQuery(siteId, filters, identity?.subject, zone, page, size) : ''),
    [siteId, filters, identity, zone, page, size]);
  const list = useQuery({
    queryKey: ['work-list', listPath],
    queryFn: () => get<Page<Work>>(listPath),
    enabled: !!siteId,
    placeholderData: keepPreviousData,
  });

  const update = (change: Partial<BoardFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    setPage(0);
  };
  const only = (change: Partial<BoardFilters>) => {
    setFilters({ ...EMPTY_FILTERS, ...change });
    setPage(0);
  };
  const saveView = () => {
    const name = viewName.trim();
    if (!name || !identity) return;
    const next = [...views.filter((v) => v.name !== name), { name, filters }];
    setViews(next);
    saveViews(identity.subject, next);
    setViewName('');
  };
  const deleteView = (name: string) => {
    const next = views.filter((v) => v.name !== name);
    setViews(next);
    if (identity) saveViews(identity.subject, next);
  };

  if (!site) return null;
  const b = board.data;
  return (
    <>
      <PageHeader title={`${site.code} — ${site.name}`} subtitle={`Times in ${zone}`}
                  actions={can(identity, 'work.create', siteId) && (
                    <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to={`/sites/${siteId}/work/new`}>
                      New work
                    </Button>
                  )} />
      <ErrorAlert error={board.error} />
      <Grid container spacing={1.5} sx={{ mb: 2 }}>
        <Grid item xs={6} sm={4} md={2}><Tile label="Open" value={b?.open} testId="tile-open" onClick={() => only({ status: OPEN_STATUSES })} /></Grid>
        <Grid item xs={6} sm={4} md={2}><Tile label="Blocked" value={b?.blocked} tone="error.main" testId="tile-blocked" onClick={() => only({ blocked: 'true', status: OPEN_STATUSES })} /></Grid>
        <Grid item xs={6} sm={4} md={2}><Tile label="Overdue" value={b?.overdue} tone="warning.main" testId="tile-overdue" onClick={() => only({ overdue: 'true' })} /></Grid>
        <Grid item xs={6} sm={4} md={2}><Tile label="Due today" value={b?.dueToday} tone="info.main" testId="tile-due-today" onClick={() => only({ dueToday: true })} /></Grid>
        <Grid item xs={6} sm={4} md={2}><Tile label="Ready to start" value={b?.ready} tone="success.main" testId="tile-ready" onClick={() => only({ status: ['PLANNED'], blocked: 'false' })} /></Grid>
        <Grid item xs={6} sm={4} md={2}><Tile label="All work" value={b?.total} tone="grey.500" testId="tile-all" onClick={() => only({})} /></Grid>
      </Grid>
      {/* Shown before the counts arrive too, so that nothing below moves under a finger (or a click) when they do. */}
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ mb: 2 }} aria-label="Work by status">
        {WORK_STATUSES.map((s) => (
          <Chip key={s} label={`${humanize(s)}: ${b ? b.byStatus[s] ?? 0 : '…'}`} onClick={() => only({ status: [s] })}
                color={filters.status.length === 1 && filters.status[0] === s ? 'primary' : 'default'} />
        ))}
      </Stack>
      <Paper sx={{ p: 2, mb: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }} flexWrap="wrap" useFlexGap>
          <TextField label="Search title and description" value={filters.q} onChange={(e) => update({ q: e.target.value })}
                     sx={{ width: { md: 300 } }} inputProps={{ 'data-testid': 'board-search' }} />
          <FormControl sx={{ minWidth: 180 }}>
            <InputLabel id="status-filter">Status</InputLabel>
            <Select labelId="status-filter" label="Status" multiple value={filters.status}
                    onChange={(e) => update({ status: typeof e.target.value === 'string' ? e.target.value.split(',') : e.target.value })}
                    renderValue={(v) => v.map(humanize).join(', ')}>
              {WORK_STATUSES.map((s) => (
                <MenuItem key={s} value={s}><Checkbox checked={filters.status.includes(s)} /><ListItemText primary={humanize(s)} /></MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl sx={{ minWidth: 180 }}>
            <InputLabel id="kind-filter">Kind</InputLabel>
            <Select labelId="kind-filter" label="Kind" multiple value={filters.kind}
                    onChange={(e) => update({ kind: typeof e.target.value === 'string' ? e.target.value.split(',') : e.target.value })}
                    renderValue={(v) => v.map(humanize).join(', ')}>
              {WORK_KINDS.map((k) => (
                <MenuItem key={k} value={k}><Checkbox checked={filters.kind.includes(k)} /><ListItemText primary={humanize(k)} /></MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl sx={{ minWidth: 140 }}>
            <InputLabel id="blocked-filter">Blocked</InputLabel>
            <Select labelId="blocked-filter" label="Blocked" value={filters.blocked}
                    onChange={(e) => update({ blocked: e.target.value as BoardFilters['blocked'] })}>
              <MenuItem value="">Any</MenuItem>
              <MenuItem value="true">Blocked</MenuItem>
              <MenuItem value="false">Not blocked</MenuItem>
            </Select>
          </FormControl>
          <FormControlLabel control={<Checkbox checked={filters.overdue === 'true'} onChange={(e) => update({ overdue: e.target.checked ? 'true' : '' })} />} label="Overdue" />
          <FormControlLabel control={<Checkbox checked={filters.dueToday} onChange={(e) => update({ dueToday: e.target.checked })} />} label="Due today" />
          <FormControlLabel control={<Checkbox checked={filters.mine} onChange={(e) => update({ mine: e.target.checked })} />} label="Mine" />
          <Button onClick={() => only({})}>Clear</Button>
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'center' }} sx={{ mt: 2 }} useFlexGap flexWrap="wrap">
          <Typography variant="body2" color="text.secondary">Saved views:</Typography>
          {views.length === 0 && <Typography variant="body2" color="text.secondary">none yet</Typography>}
          {views.map((v) => (
            <Chip key={v.name} label={v.name} onClick={() => { setFilters(v.filters); setPage(0); }}
                  onDelete={() => deleteView(v.name)} deleteIcon={<Tooltip title="Delete view"><DeleteIcon /></Tooltip>} />
          ))}
          <TextField size="small" label="Name this view" value={viewName} onChange={(e) => setViewName(e.target.value)} sx={{ maxWidth: 220 }} />
          <Button onClick={saveView} disabled={!viewName.trim()}>Save view</Button>
        </Stack>
      </Paper>
      <ErrorAlert error={list.error} />
      <Paper>
        {list.isFetching && <LinearProgress aria-label="Loading" />}
        <TableContainer>
          <Table aria-label="Work">
            <TableHead>
              <TableRow>
                <TableCell>Title</TableCell>
                <TableCell>Status</TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Kind</TableCell>
                <TableCell>Priority</TableCell>
                <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>Owner</TableCell>
                <TableCell>Due</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data?.items.map((w) => (
                <TableRow key={w.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/work/${w.id}`)}
                          data-testid="work-row">
                  <TableCell>
                    <RouterLink to={`/work/${w.id}`} onClick={(e) => e.stopPropagation()}>{w.title}</RouterLink>
                    <Box component="span" sx={{ ml: 1 }}>
                      {w.blocked && <Chip size="small" color="error" label="Blocked" />}
                      {w.overdue && <Chip size="small" color="warning" label="Overdue" sx={{ ml: 0.5 }} />}
                    </Box>
                  </TableCell>
                  <TableCell><StatusChip status={w.status} /></TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{humanize(w.kind)}</TableCell>
                  <TableCell>{humanize(w.priority)}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{w.ownerId ?? '—'}</TableCell>
                  <TableCell>{formatInstant(w.dueAt, zone)}</TableCell>
                </TableRow>
              ))}
              {list.data && list.data.items.length === 0 && (
                <TableRow><TableCell colSpan={6}>No work matches these filters.</TableCell></TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePagination component="div" count={list.data?.total ?? 0} page={page} rowsPerPage={size}
                         rowsPerPageOptions={[10, 25, 50, 100]} onPageChange={(_, p) => setPage(p)}
                         onRowsPerPageChange={(e) => { setSize(Number(e.target.value)); setPage(0); }} />
      </Paper>
      {b && <Typography variant="caption" color="text.secondary">Board as of {formatInstant(b.asOf, zone)}</Typography>}
    </>
  );
}
