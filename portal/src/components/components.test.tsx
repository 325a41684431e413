import { describe, expect, it, vi, afterEach } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { QueryClient } from '@tanstack/react-query';
import { AppProviders } from '../App';
import { ApiError, request } from '../lib/api';
import { ErrorAlert } from './ErrorAlert';
import { HistoryTimeline } from './History';
import { LoginScreen } from '../screens/Login';
import { buildTree } from '../screens/Assets';
import { workQuery, EMPTY_FILTERS } from '../screens/Board';

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('errors from the API', () => {
  it('shows the problem detail, the offending fields and the reference to quote', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(400, {
      type: 'https://sitework.io/problems/validation', title: 'Invalid request', status: 400, detail: 'The request is invalid.',
      correlationId: 'c-42', errors: [{ field: 'title', message: 'must not be blank' }],
    }, 'application/problem+json')));
    const error = await request('/api/work', { method: 'POST', body: {} }).catch((e) => e);
    render(<AppProviders client={client()}><ErrorAlert error={error} /></AppProviders>);
    expect(screen.getByRole('alert')).toHaveTextContent('The request is invalid. title: must not be blank');
    expect(screen.getByRole('alert')).toHaveTextContent('Reference: c-42');
  });

  it('explains a 412 conflict and offers to reload', async () => {
    const reload = vi.fn();
    render(<AppProviders client={client()}>
      <ErrorAlert error={new ApiError({ status: 412, title: 'Precondition failed', currentVersion: 7 })} onReload={reload} />
    </AppProviders>);
    expect(screen.getByRole('alert')).toHaveTextContent('Someone changed this item after you opened it');
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('sends the bearer token and If-Match with a command', async () => {
    const fetch = vi.fn(async () => json(200, { id: 'w' }));
    vi.stubGlobal('fetch', fetch);
    const { configureApi } = await import('../lib/api');
    configureApi(() => 'token-1', () => {});
    await request('/api/work/w/start', { method: 'POST', body: {}, ifMatch: 3 });
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).toMatchObject({ Authorization: 'Bearer token-1', 'If-Match': '"3"' });
  });
});

describe('the login screen', () => {
  it('lists the demo users of the dev login and logs in as the one picked', async () => {
    const fetch = vi.fn(async (url: string) => {
      if (url === '/auth/config') {
        return json(200, { mode: 'dev', users: [
          { subject: 'anna.planner', name: 'Anna Planner', sites: { s: ['PLANNER'] }, orgAdmin: false },
          { subject: 'olga.admin', name: 'Olga Org Admin', sites: {}, orgAdmin: true },
        ] });
      }
      const payload = btoa(JSON.stringify({ sub: 'anna.planner', name: 'Anna Planner', sites: {} }));
      return json(200, { access_token: `h.${payload}.s`, token_type: 'Bearer', expires_in: 3600 });
    });
    vi.stubGlobal('fetch', fetch);
    render(<AppProviders client={client()}><MemoryRouter><LoginScreen /></MemoryRouter></AppProviders>);
    expect(await screen.findByText('Anna Planner')).toBeInTheDocument();
    expect(screen.getByText('Organisation admin (every site)')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Log in as Anna Planner' }));
    await waitFor(() => expect(sessionStorage.getItem('sitework.token')).toContain('h.'));
    expect(fetch).toHaveBeenCalledWith('/auth/dev/token', expect.objectContaining({ method: 'POST', body: JSON.stringify({ subject: 'anna.planner' }) }));
  });

  it('sends people to the identity provider when one is configured', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { mode: 'oidc', issuer: 'https://login.example.com', clientId: 'portal', scope: 'openid' })));
    render(<AppProviders client={client()}><MemoryRouter><LoginScreen /></MemoryRouter></AppProviders>);
    expect(await screen.findByRole('button', { name: 'Log in with your organisation account' })).toBeInTheDocument();
    expect(screen.queryByText('Choose a demo user')).not.toBeInTheDocument();
  });
});

describe('boards and trees', () => {
  it('builds the asset tree with children by tag', () => {
    const asset = (id: string, tag: string, parentId?: string) => ({ id, tag, parentId, siteId: 's', name: tag, assetClass: 'X', criticality: 'A', status: 'IN_SERVICE' });
    const tree = buildTree([asset('p2', 'P-102', 'u'), asset('a', 'A-100'), asset('u', 'U-110', 'a'), asset('p1', 'P-101', 'u')]);
    expect(tree.map((n) => n.tag)).toEqual(['A-100']);
    expect(tree[0].children[0].children.map((n) => n.tag)).toEqual(['P-101', 'P-102']);
  });

  it('asks for due-today work as open work due before the end of the site day', () => {
    const path = workQuery('s', { ...EMPTY_FILTERS, dueToday: true, q: ' pump ' }, 'me', 'UTC', 0, 25);
    const params = new URLSearchParams(path.split('?')[1]);
    expect(params.get('status')).toBe('REQUESTED,PLANNED,IN_PROGRESS,ON_HOLD');
    expect(params.get('q')).toBe('pump');
    expect(params.get('dueBefore')).toMatch(/T00:00:00Z$/);
    expect(params.get('ownerId')).toBeNull();
  });
});

describe('an item history', () => {
  it('shows an event\'s data only when asked: closed, it is not on the page at all', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { page: 0, size: 50, total: 1, items: [{
      id: 'e1', sequence: 0, type: 'io.sitework.work.comment_added.v1', occurredAt: '2026-03-01T10:00:00Z', recordedAt: '2026-03-01T10:00:00Z',
      actor: 'anna.planner', data: { text: 'Bracket holds' },
    }] })));
    render(<AppProviders client={client()}><HistoryTimeline path="/api/work/w/history" zone="UTC" queryKey={['h']} /></AppProviders>);
    expect(await screen.findByText('comment added')).toBeInTheDocument();
    expect(screen.queryByText(/Bracket holds/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Data' }));
    expect(screen.getByText(/Bracket holds/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(screen.queryByText(/Bracket holds/)).not.toBeInTheDocument());
  });
});
