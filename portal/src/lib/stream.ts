/**
 * The live inbox: GET /api/notifications/stream as server-sent events. EventSource cannot send an
 * Authorization header, so the stream is read with fetch (@microsoft/fetch-event-source), which also
 * reconnects with Last-Event-ID after a cut and misses nothing.
 */
import { fetchEventSource } from '@microsoft/fetch-event-source';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Counts, InboxEntry } from './types';

class StopStream extends Error {}

export function useNotificationStream(token: string | null): { latest: InboxEntry | null; connected: boolean } {
  const queryClient = useQueryClient();
  const [latest, setLatest] = useState<InboxEntry | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    fetchEventSource('/api/notifications/stream', {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      signal: controller.signal,
      openWhenHidden: true,
      async onopen(response) {
        if (response.ok) {
          setConnected(true);
          return;
        }
        // a refused token or a bad request will not get better by retrying
        if (response.status >= 400 && response.status < 500 && response.status !== 429) throw new StopStream();
        throw new Error(`stream answered ${response.status}`);
      },
      onmessage(message) {
        if (message.event === 'notification') {
          const entry = JSON.parse(message.data) as InboxEntry;
          setLatest(entry);
          queryClient.invalidateQueries({ queryKey: ['inbox'] });
        } else if (message.event === 'counts') {
          queryClient.setQueryData<Counts>(['counts'], JSON.parse(message.data));
        } else if (message.event === 'closed') {
          throw new StopStream(); // a newer stream of ours replaced this one: do not reconnect
        }
      },
      onclose() {
        setConnected(false);
        // ended by the server (its 30-minute limit, a restart): reconnect with the last id
        throw new Error('stream closed');
      },
      onerror(error) {
        setConnected(false);
        if (error instanceof StopStream) throw error;
        return 5000; // retry in 5 s
      },
    }).catch(() => setConnected(false));
    return () => controller.abort();
  }, [token, queryClient]);

  return { latest, connected };
}
