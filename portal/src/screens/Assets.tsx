import { useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import {
  Box, Card, CardContent, Collapse, Grid, IconButton, List, ListItem, ListItemButton, ListItemText, Paper, Typography, TextField,
  CircularProgress,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { useQuery } from '@tanstack/react-query';
import { get, query, type Page } from '../lib/api';
import { useCurrentSite } from '../lib/site';
import { useSiteAssets } from '../lib/assets';
import { formatInstant, humanize } from '../lib/time';
import { OPEN_STATUSES, type ActivePermits, type Asset, type Work } from '../lib/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader, StatusChip } from '../components/common';

export interface AssetNode extends Asset { children: AssetNode[] }

/** The flat list of a site's assets as a tree, children by tag. */
export function buildTree(assets: Asset[]): AssetNode[] {
  const nodes = new Map<string, AssetNode>(assets.map((a) => [a.id, { ...a, children: [] }]));
  const roots: AssetNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: AssetNode[]) => { list.sort((a, b) => a.tag.localeCompare(b.tag)); list.forEach((n) => sort(n.children)); };
  sort(roots);
  return roots;
}

function TreeNode({ node, depth, selected, onSelect, expanded, toggle }: {
  node: AssetNode; depth: number; selected: string | null; onSelect: (id: string) => void; expanded: Set<string>; toggle: (id: string) => void;
}) {
  const open = expanded.has(node.id);
  return (
    <>
      {/* the expand button sits beside the item's button, not inside it: a button may not hold another */}
      <ListItem disablePadding secondaryAction={<StatusChip status={node.status} />} role="treeitem" aria-expanded={node.children.length ? open : undefined}
                aria-selected={selected === node.id} sx={{ pl: 1 + depth * 2.5 }}>
        {node.children.length > 0 ? (
          <IconButton size="small" edge="start" aria-label={open ? `Collapse ${node.tag}` : `Expand ${node.tag}`} onClick={() => toggle(node.id)}>
            {open ? <ExpandMoreIcon /> : <ChevronRightIcon />}
          </IconButton>
        ) : <Box sx={{ width: 44, flexShrink: 0 }} />}
        <ListItemButton selected={selected === node.id} onClick={() => onSelect(node.id)} sx={{ minHeight: 48 }}
                        data-testid={`asset-${node.tag}`}>
          <ListItemText primary={`${node.tag} — ${node.name}`} secondary={`${humanize(node.assetClass)} · criticality ${node.criticality}`} />
        </ListItemButton>
      </ListItem>
      {node.children.length > 0 && (
        <Collapse in={open} unmountOnExit role="group">
          {node.children.map((child) => (
            <TreeNode key={child.id} node={child} depth={depth + 1} selected={selected} onSelect={onSelect} expanded={expanded} toggle={toggle} />
          ))}
        </Collapse>
      )}
    </>
  );
}

function AssetPanel({ asset, zone }: { asset: Asset; zone: string }) {
  const work = useQuery({
    queryKey: ['asset-work', asset.id],
    queryFn: () => get<Page<Work>>('/api/work' + query({ siteId: asset.siteId, assetId: asset.id, status: OPEN_STATUSES, size: 50 })),
  });
  const active = useQuery({ queryKey: ['asset-permits', asset.id], queryFn: () => get<ActivePermits>(`/api/assets/${asset.id}/active-permits`) });
  return (
    <Card variant="outlined" data-testid="asset-panel">
      <CardContent>
        <Typography variant="h6" component="h2">{asset.tag} — {asset.name}</Typography>
        <Box sx={{ mb: 2 }}><StatusChip status={asset.status} testId="asset-status" /></Box>
        <Typography variant="subtitle1" component="h3">Open work</Typography>
        <ErrorAlert error={work.error} />
        <List dense>
          {work.data?.items.map((w) => (
            <ListItem key={w.id} disableGutters secondaryAction={<StatusChip status={w.status} />}>
              <ListItemText primary={<RouterLink to={`/work/${w.id}`}>{w.title}</RouterLink>} secondary={w.blocked ? 'blocked' : undefined} />
            </ListItem>
          ))}
          {work.data?.items.length === 0 && <ListItem disableGutters><Typography variant="body2" color="text.secondary">No open work.</Typography></ListItem>}
        </List>
        <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>Active permits</Typography>
        <ErrorAlert error={active.error} />
        <List dense>
          {active.data?.permits.map((p) => (
            <ListItem key={p.id} disableGutters secondaryAction={<StatusChip status={p.status} />}>
              <ListItemText primary={<RouterLink to={`/permits/${p.id}`}>{humanize(p.type)} permit</RouterLink>}
                            secondary={`until ${formatInstant(p.validTo, zone)}`} />
            </ListItem>
          ))}
          {active.data?.permits.length === 0 && <ListItem disableGutters><Typography variant="body2" color="text.secondary">No active permit.</Typography></ListItem>}
        </List>
        <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>Isolations in force</Typography>
        <List dense>
          {active.data?.isolations.map((i) => (
            <ListItem key={i.isolationId} disableGutters secondaryAction={<StatusChip status={i.state} />}>
              <ListItemText primary={`${i.point} (${humanize(i.method)})`}
                            secondary={`${humanize(i.permitType)} permit ${humanize(i.permitStatus)} · applied by ${i.appliedBy ?? '—'} ${formatInstant(i.appliedAt, zone)}`} />
            </ListItem>
          ))}
          {active.data?.isolations.length === 0 && <ListItem disableGutters><Typography variant="body2" color="text.secondary">None.</Typography></ListItem>}
        </List>
      </CardContent>
    </Card>
  );
}

/** The site's asset hierarchy; each asset with its open work, active permits and isolations. */
export function AssetsScreen() {
  const { site } = useCurrentSite();
  const assets = useSiteAssets(site?.id);
  const [params, setParams] = useSearchParams();
  const selected = params.get('asset');
  const [filter, setFilter] = useState('');
  const tree = useMemo(() => buildTree(assets.data ?? []), [assets.data]);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const allExpanded = useMemo(() => new Set((assets.data ?? []).map((a) => a.id)), [assets.data]);
  const open = expanded ?? allExpanded;
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id); else next.add(id);
    setExpanded(next);
  };
  const asset = assets.data?.find((a) => a.id === selected);
  const matches = filter.trim()
    ? (assets.data ?? []).filter((a) => `${a.tag} ${a.name}`.toLowerCase().includes(filter.trim().toLowerCase()))
    : null;
  return (
    <>
      <PageHeader title="Assets" subtitle="The site's hierarchy; pick an asset to see its open work, permits and isolations" />
      <ErrorAlert error={assets.error} />
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <Paper>
            <Box sx={{ p: 1.5 }}><TextField label="Find an asset (tag or name)" value={filter} onChange={(e) => setFilter(e.target.value)} /></Box>
            {assets.isLoading && <CircularProgress aria-label="Loading" sx={{ m: 2 }} />}
            <List role="tree" aria-label="Asset tree">
              {matches
                ? matches.map((a) => (
                  <ListItem key={a.id} disablePadding role="treeitem" aria-selected={selected === a.id}>
                    <ListItemButton onClick={() => setParams({ asset: a.id })} selected={selected === a.id}>
                      <ListItemText primary={`${a.tag} — ${a.name}`} /><StatusChip status={a.status} />
                    </ListItemButton>
                  </ListItem>
                ))
                : tree.map((node) => (
                  <TreeNode key={node.id} node={node} depth={0} selected={selected} onSelect={(id) => setParams({ asset: id })} expanded={open} toggle={toggle} />
                ))}
            </List>
          </Paper>
        </Grid>
        <Grid item xs={12} md={6}>
          {asset ? <AssetPanel asset={asset} zone={site?.timeZone ?? 'UTC'} /> : <Typography color="text.secondary">Choose an asset.</Typography>}
        </Grid>
      </Grid>
    </>
  );
}
