import { useState } from 'react';
import { Box, Button, Chip, List, ListItem, ListItemText, Paper, Typography, Collapse } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { get, type Page } from '../lib/api';
import type { HistoryEvent } from '../lib/types';
import { formatInstant } from '../lib/time';
import { ErrorAlert } from './ErrorAlert';

/** "io.sitework.work.blocker_raised.v1" → "blocker raised" */
export function eventLabel(type: string): string {
  const parts = type.split('.');
  const name = parts.length >= 4 ? parts[parts.length - 2] : type;
  return name.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** An item's events in order: what, who, when on site and when recorded, the correlation id. */
export function HistoryTimeline({ path, zone, queryKey }: { path: string; zone: string; queryKey: unknown[] }) {
  const [page, setPage] = useState(0);
  const history = useQuery({ queryKey: [...queryKey, page], queryFn: () => get<Page<HistoryEvent>>(`${path}?page=${page}&size=50`) });
  const [open, setOpen] = useState<string | null>(null);
  if (history.error) return <ErrorAlert error={history.error} />;
  const data = history.data;
  return (
    <Paper variant="outlined">
      <List dense aria-label="History">
        {data?.items.map((e) => (
          <ListItem key={e.id} divider alignItems="flex-start" data-testid="history-event"
                    secondaryAction={<Button size="small" onClick={() => setOpen(open === e.id ? null : e.id)}>{open === e.id ? 'Hide' : 'Data'}</Button>}>
            <ListItemText
              primary={<><Chip size="small" label={`#${e.sequence}`} sx={{ mr: 1 }} />{eventLabel(e.type)} <Typography component="span" color="text.secondary">by {e.actor}</Typography></>}
              secondary={<>
                {formatInstant(e.occurredAt, zone)}
                {e.recordedAt !== e.occurredAt && ` (recorded ${formatInstant(e.recordedAt, zone)})`}
                {e.correlationId && ` · ${e.correlationId}`}
                {/* a block, and unmounted when closed: an inline span ignores the collapsed height, so the hidden data
                    would still take its room */}
                <Collapse in={open === e.id} unmountOnExit>
                  <Box component="pre" sx={{ whiteSpace: 'pre-wrap', fontSize: 12, m: 0, mt: 1 }}>{e.type}{'\n'}{JSON.stringify(e.data, null, 2)}</Box>
                </Collapse>
              </>}
              secondaryTypographyProps={{ component: 'div' }}
            />
          </ListItem>
        ))}
      </List>
      {data && data.total > data.size && (
        <Box sx={{ p: 1, display: 'flex', gap: 1 }}>
          <Button disabled={page === 0} onClick={() => setPage(page - 1)}>Earlier</Button>
          <Button disabled={(page + 1) * data.size >= data.total} onClick={() => setPage(page + 1)}>Later</Button>
          <Typography variant="body2" sx={{ alignSelf: 'center' }}>{data.total} events</Typography>
        </Box>
      )}
    </Paper>
  );
}
