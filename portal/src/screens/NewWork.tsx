import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Autocomplete, Box, Button, Checkbox, FormControl, FormControlLabel, Grid, IconButton, InputLabel, MenuItem, Paper, Select, Stack,
  TextField, Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../lib/api';
import { useCurrentSite } from '../lib/site';
import { useSiteAssets } from '../lib/assets';
import { localToInstant, humanize } from '../lib/time';
import { PERMIT_TYPES, PRIORITIES, WORK_KINDS, type Work } from '../lib/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/common';

interface DraftItem {
  label: string;
  type: 'CHECK' | 'NUMBER' | 'TEXT' | 'CHOICE';
  mandatory: boolean;
  unit: string;
  min: string;
  max: string;
  options: string;
}

function itemId(label: string, index: number): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return slug || `item-${index + 1}`;
}

/** Requesting work: what, where (assets), how urgent, for whom, with a checklist and the permits it needs. */
export function NewWorkScreen() {
  const { site } = useCurrentSite();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const assets = useSiteAssets(site?.id);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState('MAINTENANCE_CORRECTIVE');
  const [priority, setPriority] = useState('MEDIUM');
  const [ownerId, setOwnerId] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [assetIds, setAssetIds] = useState<string[]>([]);
  const [permitTypes, setPermitTypes] = useState<string[]>([]);
  const [checklist, setChecklist] = useState<DraftItem[]>([]);
  const zone = site?.timeZone ?? 'UTC';

  const create = useMutation({
    mutationFn: () => post<Work>('/api/work', {
      siteId: site!.id, kind, title, priority,
      description: description || undefined,
      ownerId: ownerId || undefined,
      dueAt: dueAt ? localToInstant(dueAt, zone) : undefined,
      assetIds: assetIds.length ? assetIds : undefined,
      requiredPermitTypes: permitTypes.length ? permitTypes : undefined,
      checklist: checklist.length ? checklist.map((item, i) => ({
        itemId: itemId(item.label, i), label: item.label, type: item.type, mandatory: item.mandatory,
        unit: item.type === 'NUMBER' && item.unit ? item.unit : undefined,
        min: item.type === 'NUMBER' && item.min !== '' ? Number(item.min) : undefined,
        max: item.type === 'NUMBER' && item.max !== '' ? Number(item.max) : undefined,
        options: item.type === 'CHOICE' ? item.options.split(',').map((o) => o.trim()).filter(Boolean) : undefined,
      })) : undefined,
    }),
    onSuccess: (work) => {
      queryClient.invalidateQueries({ queryKey: ['work-list'] });
      queryClient.invalidateQueries({ queryKey: ['board'] });
      navigate(`/work/${work.id}`);
    },
  });

  const setItem = (index: number, change: Partial<DraftItem>) =>
    setChecklist((items) => items.map((item, i) => (i === index ? { ...item, ...change } : item)));

  if (!site) return null;
  return (
    <>
      <PageHeader title="New work" subtitle={`${site.code} — due dates in ${zone}`} />
      <Paper component="form" sx={{ p: 2 }} onSubmit={(e) => { e.preventDefault(); create.mutate(); }} aria-label="New work">
        <Grid container spacing={2}>
          <Grid item xs={12}><TextField label="Title" required value={title} onChange={(e) => setTitle(e.target.value)} /></Grid>
          <Grid item xs={12}><TextField label="Description" multiline minRows={2} value={description} onChange={(e) => setDescription(e.target.value)} /></Grid>
          <Grid item xs={12} sm={6} md={3}>
            <FormControl fullWidth>
              <InputLabel id="kind">Kind</InputLabel>
              <Select labelId="kind" label="Kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                {WORK_KINDS.map((k) => <MenuItem key={k} value={k}>{humanize(k)}</MenuItem>)}
              </Select>
            </FormControl>
          </Grid>
          <Grid item xs={12} sm={6} md={3}>
            <FormControl fullWidth>
              <InputLabel id="priority">Priority</InputLabel>
              <Select labelId="priority" label="Priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
                {PRIORITIES.map((p) => <MenuItem key={p} value={p}>{humanize(p)}</MenuItem>)}
              </Select>
            </FormControl>
          </Grid>
          <Grid item xs={12} sm={6} md={3}><TextField label="Owner (login)" value={ownerId} onChange={(e) => setOwnerId(e.target.value)} /></Grid>
          <Grid item xs={12} sm={6} md={3}>
            <TextField label={`Due (${zone})`} type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)}
                       InputLabelProps={{ shrink: true }} />
          </Grid>
          <Grid item xs={12} md={6}>
            <Autocomplete multiple options={assets.data ?? []} getOptionLabel={(a) => `${a.tag} — ${a.name}`}
                          value={(assets.data ?? []).filter((a) => assetIds.includes(a.id))}
                          onChange={(_, value) => setAssetIds(value.map((a) => a.id))}
                          renderInput={(params) => <TextField {...params} label="Assets" />} />
          </Grid>
          <Grid item xs={12} md={6}>
            <Autocomplete<string, true> multiple options={PERMIT_TYPES} getOptionLabel={(t) => humanize(t)} value={permitTypes}
                          onChange={(_, value) => setPermitTypes(value)}
                          renderInput={(params) => <TextField {...params} label="Permits required" />} />
          </Grid>
        </Grid>
        <Typography variant="h6" component="h2" sx={{ mt: 3 }}>Checklist</Typography>
        {checklist.map((item, i) => (
          <Stack key={i} direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ my: 1 }} alignItems={{ md: 'center' }}>
            <TextField label={`Item ${i + 1}`} required value={item.label} onChange={(e) => setItem(i, { label: e.target.value })} />
            <FormControl sx={{ minWidth: 130 }}>
              <InputLabel id={`type-${i}`}>Type</InputLabel>
              <Select labelId={`type-${i}`} label="Type" value={item.type} onChange={(e) => setItem(i, { type: e.target.value as DraftItem['type'] })}>
                {['CHECK', 'NUMBER', 'TEXT', 'CHOICE'].map((t) => <MenuItem key={t} value={t}>{humanize(t)}</MenuItem>)}
              </Select>
            </FormControl>
            {item.type === 'NUMBER' && (
              <>
                <TextField label="Unit" value={item.unit} onChange={(e) => setItem(i, { unit: e.target.value })} sx={{ maxWidth: 100 }} />
                <TextField label="Min" type="number" value={item.min} onChange={(e) => setItem(i, { min: e.target.value })} sx={{ maxWidth: 110 }} />
                <TextField label="Max" type="number" value={item.max} onChange={(e) => setItem(i, { max: e.target.value })} sx={{ maxWidth: 110 }} />
              </>
            )}
            {item.type === 'CHOICE' && (
              <TextField label="Options (comma separated)" value={item.options} onChange={(e) => setItem(i, { options: e.target.value })} />
            )}
            <FormControlLabel control={<Checkbox checked={item.mandatory} onChange={(e) => setItem(i, { mandatory: e.target.checked })} />} label="Mandatory" />
            <IconButton aria-label={`Remove item ${i + 1}`} onClick={() => setChecklist((items) => items.filter((_, j) => j !== i))}><DeleteIcon /></IconButton>
          </Stack>
        ))}
        <Button onClick={() => setChecklist((items) => [...items, { label: '', type: 'CHECK', mandatory: true, unit: '', min: '', max: '', options: '' }])}>
          Add checklist item
        </Button>
        <Box sx={{ mt: 2 }}><ErrorAlert error={create.error} /></Box>
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained" disabled={create.isPending || !title}>Request work</Button>
          <Button onClick={() => navigate(-1)}>Cancel</Button>
        </Stack>
      </Paper>
    </>
  );
}
