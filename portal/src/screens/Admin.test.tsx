import { describe, expect, it, vi, afterEach } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { QueryClient } from '@tanstack/react-query';
import { AppProviders } from '../App';
import { Rules, ruleList } from './Admin';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  localStorage.clear();
});

describe('the notification rules', () => {
  it('reads a typed list of roles or audiences', () => {
    expect(ruleList(' owner, assignees,, ')).toEqual(['OWNER', 'ASSIGNEES']);
    expect(ruleList('')).toEqual([]);
  });

  it('lets a site admin type a second role after a comma, and saves the list', async () => {
    const payload = btoa(JSON.stringify({ sub: 'sam.siteadmin', name: 'Sam', sites: { s1: ['SITE_ADMIN'] } }));
    sessionStorage.setItem('sitework.token', `h.${payload}.s`);
    const saved: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/auth/config') return json(200, { mode: 'dev', users: [] });
      if (url.startsWith('/api/sites')) return json(200, { items: [{ id: 's1', code: 'NORTH', name: 'North', timeZone: 'UTC' }], page: 0, size: 200, total: 1 });
      if (url === '/api/notifications/rules/s1' && init?.method === 'PUT') {
        saved.push(JSON.parse(String(init.body)));
        return json(200, {});
      }
      if (url === '/api/notifications/rules/s1') {
        return json(200, { rules: [{ kind: 'PERMIT_REQUESTED', enabled: true, audience: [], roles: ['PERMIT_AUTHORITY'], isDefault: true }] });
      }
      return json(404, { status: 404 });
    }));
    render(<AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}><MemoryRouter><Rules /></MemoryRouter></AppProviders>);

    const roles = await screen.findByRole('textbox', { name: 'Permit requested roles' });
    expect(roles).toHaveValue('PERMIT_AUTHORITY');
    await userEvent.type(roles, ', supervisor');
    expect(roles).toHaveValue('PERMIT_AUTHORITY, supervisor');
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ rules: [{ kind: 'PERMIT_REQUESTED', enabled: true, audience: [], roles: ['PERMIT_AUTHORITY', 'SUPERVISOR'] }] });
  });
});
