import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import {
  Button, Checkbox, FormControl, InputLabel, LinearProgress, ListItemText, MenuItem, Paper, Select, Stack, Table, TableBody, TableCell,
  TableContainer, TableHead, TablePagination, TableRow,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, query, type Page } from '../lib/api';
import { useAuth } from '../lib/auth';
import { can } from '../lib/permissions';
import { useCurrentSite } from '../lib/site';
import { formatInstant, humanize } from '../lib/time';
import { PERMIT_STATUSES, PERMIT_TYPES, type Permit } from '../lib/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader, StatusChip } from '../components/common';

/** The site's permits to work, newest request first, by status and type. */
export function PermitsScreen() {
  const { site } = useCurrentSite();
  const { identity } = useAuth();
  const navigate = useNavigate();
  const [statuses, setStatuses] = useState<string[]>([]);
  const [types, setTypes] = useState<string[]>([]);
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(25);
  const zone = site?.timeZone ?? 'UTC';
  const path = '/api/permits' + query({ siteId: site?.id, status: statuses, type: types, page, size });
  const permits = useQuery({ queryKey: ['permits', path], queryFn: () => get<Page<Permit>>(path), enabled: !!site, placeholderData: keepPreviousData });
  const multi = (value: string | string[]) => (typeof value === 'string' ? value.split(',') : value);
  return (
    <>
      <PageHeader title="Permits to work" subtitle={`Times in ${zone}`}
                  actions={can(identity, 'permit.request', site?.id) && (
                    <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to={`/sites/${site?.id}/permits/new`}>Request permit</Button>
                  )} />
      <Paper sx={{ p: 2, mb: 2 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <FormControl sx={{ minWidth: 200 }}>
            <InputLabel id="permit-status">Status</InputLabel>
            <Select labelId="permit-status" label="Status" multiple value={statuses} renderValue={(v) => v.map(humanize).join(', ')}
                    onChange={(e) => { setStatuses(multi(e.target.value)); setPage(0); }}>
              {PERMIT_STATUSES.map((s) => <MenuItem key={s} value={s}><Checkbox checked={statuses.includes(s)} /><ListItemText primary={humanize(s)} /></MenuItem>)}
            </Select>
          </FormControl>
          <FormControl sx={{ minWidth: 200 }}>
            <InputLabel id="permit-type">Type</InputLabel>
            <Select labelId="permit-type" label="Type" multiple value={types} renderValue={(v) => v.map(humanize).join(', ')}
                    onChange={(e) => { setTypes(multi(e.target.value)); setPage(0); }}>
              {PERMIT_TYPES.map((s) => <MenuItem key={s} value={s}><Checkbox checked={types.includes(s)} /><ListItemText primary={humanize(s)} /></MenuItem>)}
            </Select>
          </FormControl>
        </Stack>
      </Paper>
      <ErrorAlert error={permits.error} />
      <Paper>
        {permits.isFetching && <LinearProgress aria-label="Loading" />}
        <TableContainer>
          <Table aria-label="Permits">
            <TableHead><TableRow>
              <TableCell>Type</TableCell><TableCell>Status</TableCell><TableCell>Requested by</TableCell><TableCell>Holder</TableCell>
              <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Valid</TableCell><TableCell>Isolations</TableCell>
            </TableRow></TableHead>
            <TableBody>
              {permits.data?.items.map((p) => (
                <TableRow key={p.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/permits/${p.id}`)} data-testid="permit-row">
                  <TableCell><RouterLink to={`/permits/${p.id}`} onClick={(e) => e.stopPropagation()}>{humanize(p.type)}</RouterLink></TableCell>
                  <TableCell><StatusChip status={p.status} />{p.readyForHandBack && ' ready for hand-back'}</TableCell>
                  <TableCell>{p.requestedBy}</TableCell>
                  <TableCell>{p.holderId ?? '—'}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{formatInstant(p.validFrom, zone)} → {formatInstant(p.validTo, zone)}</TableCell>
                  <TableCell>{p.isolations.map((i) => humanize(i.state)).join(', ') || '—'}</TableCell>
                </TableRow>
              ))}
              {permits.data && permits.data.items.length === 0 && <TableRow><TableCell colSpan={6}>No permits match.</TableCell></TableRow>}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePagination component="div" count={permits.data?.total ?? 0} page={page} rowsPerPage={size} rowsPerPageOptions={[10, 25, 50, 100]}
                         onPageChange={(_, p) => setPage(p)} onRowsPerPageChange={(e) => { setSize(Number(e.target.value)); setPage(0); }} />
      </Paper>
    </>
  );
}
