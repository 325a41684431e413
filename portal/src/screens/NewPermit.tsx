import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  Autocomplete, Box, Button, FormControl, Grid, IconButton, InputLabel, MenuItem, Paper, Select, Stack, TextField, Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../lib/api';
import { useCurrentSite } from '../lib/site';
import { useSiteAssets } from '../lib/assets';
import { humanize, instantToLocal, localToInstant } from '../lib/time';
import { PERMIT_TYPES, type Permit } from '../lib/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/common';

interface DraftIsolation { point: string; method: string; assetId: string }

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Requesting a permit to work: type, scope (work, assets), hazards and controls, validity, isolation points. */
export function NewPermitScreen() {
  const { site } = useCurrentSite();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const assets = useSiteAssets(site?.id);
  const zone = site?.timeZone ?? 'UTC';
  const workId = params.get('workId') ?? '';
  const [type, setType] = useState(params.get('type') ?? 'GENERAL');
  const [assetIds, setAssetIds] = useState<string[]>((params.get('assets') ?? '').split(',').filter(Boolean));
  const [hazards, setHazards] = useState('');
  const [controls, setControls] = useState('');
  const [validFrom, setValidFrom] = useState(() => instantToLocal(new Date(Date.now() - 5 * 60_000), zone));
  const [validTo, setValidTo] = useState(() => instantToLocal(new Date(Date.now() + 10 * 3_600_000), zone));
  const [isolations, setIsolations] = useState<DraftIsolation[]>([]);

  const create = useMutation({
    mutationFn: () => post<Permit>('/api/permits', {
      siteId: site!.id, type,
      workIds: workId ? [workId] : undefined,
      assetIds: assetIds.length ? assetIds : undefined,
      hazards: lines(hazards), controls: lines(controls),
      validFrom: localToInstant(validFrom, zone), validTo: localToInstant(validTo, zone),
      isolations: isolations.length ? isolations.map((i) => ({ point: i.point, method: i.method, assetId: i.assetId || undefined })) : undefined,
    }),
    onSuccess: (permit) => {
      queryClient.invalidateQueries({ queryKey: ['permits'] });
      navigate(`/permits/${permit.id}`);
    },
  });
  const setIsolation = (index: number, change: Partial<DraftIsolation>) =>
    setIsolations((all) => all.map((i, j) => (j === index ? { ...i, ...change } : i)));

  if (!site) return null;
  return (
    <>
      <PageHeader title="Request a permit to work" subtitle={workId ? `For work ${workId} · times in ${zone}` : `Times in ${zone}`} />
      <Paper component="form" sx={{ p: 2 }} aria-label="Request a permit" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <Grid container spacing={2}>
          <Grid item xs={12} sm={4}>
            <FormControl fullWidth>
              <InputLabel id="permit-type">Type</InputLabel>
              <Select labelId="permit-type" label="Type" value={type} onChange={(e) => setType(e.target.value)}>
                {PERMIT_TYPES.map((t) => <MenuItem key={t} value={t}>{humanize(t)}</MenuItem>)}
              </Select>
            </FormControl>
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField label={`Valid from (${zone})`} type="datetime-local" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} InputLabelProps={{ shrink: true }} />
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField label={`Valid to (${zone})`} type="datetime-local" value={validTo} onChange={(e) => setValidTo(e.target.value)} InputLabelProps={{ shrink: true }} />
          </Grid>
          <Grid item xs={12}>
            <Autocomplete multiple options={assets.data ?? []} getOptionLabel={(a) => `${a.tag} — ${a.name}`}
                          value={(assets.data ?? []).filter((a) => assetIds.includes(a.id))} onChange={(_, v) => setAssetIds(v.map((a) => a.id))}
                          renderInput={(p) => <TextField {...p} label="Assets in scope" />} />
          </Grid>
          <Grid item xs={12} md={6}>
            <TextField label="Hazards (one per line)" required multiline minRows={3} value={hazards} onChange={(e) => setHazards(e.target.value)} />
          </Grid>
          <Grid item xs={12} md={6}>
            <TextField label="Controls (one per line)" required multiline minRows={3} value={controls} onChange={(e) => setControls(e.target.value)} />
          </Grid>
        </Grid>
        <Typography variant="h6" component="h2" sx={{ mt: 3 }}>Isolation points</Typography>
        {isolations.map((iso, i) => (
          <Stack key={i} direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ my: 1 }}>
            <TextField label={`Point ${i + 1}`} required value={iso.point} onChange={(e) => setIsolation(i, { point: e.target.value })} />
            <TextField label="Method" required value={iso.method} helperText="e.g. LOCK_OUT_TAG_OUT, BLIND, DISCONNECT"
                       onChange={(e) => setIsolation(i, { method: e.target.value.toUpperCase() })} />
            <FormControl sx={{ minWidth: 200 }}>
              <InputLabel id={`iso-asset-${i}`}>Asset</InputLabel>
              <Select labelId={`iso-asset-${i}`} label="Asset" value={iso.assetId} onChange={(e) => setIsolation(i, { assetId: e.target.value })}>
                <MenuItem value="">None</MenuItem>
                {(assets.data ?? []).map((a) => <MenuItem key={a.id} value={a.id}>{a.tag}</MenuItem>)}
              </Select>
            </FormControl>
            <IconButton aria-label={`Remove point ${i + 1}`} onClick={() => setIsolations((all) => all.filter((_, j) => j !== i))}><DeleteIcon /></IconButton>
          </Stack>
        ))}
        <Button onClick={() => setIsolations((all) => [...all, { point: '', method: 'LOCK_OUT_TAG_OUT', assetId: assetIds[0] ?? '' }])}>Add isolation point</Button>
        <Box sx={{ mt: 2 }}><ErrorAlert error={create.error} /></Box>
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained" disabled={create.isPending || !hazards.trim() || !controls.trim()}>Request permit</Button>
          <Button onClick={() => navigate(-1)}>Cancel</Button>
        </Stack>
      </Paper>
    </>
  );
}
