import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { QueryClient } from '@tanstack/react-query';
import { AppProviders } from '../App';
import { BlockedScreen, blockedQuery } from './Blocked';
import type { BlockedRow } from '../lib/types';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const token = (sub: string) => `${encode({ alg: 'none' })}.${encode({ sub, sites: { 's-1': ['TECHNICIAN'] }, exp: 4102444800 })}.sig`;

function row(workId: string, ownerId: string): BlockedRow {
  return {
    workId, title: `Work ${workId}`, kind: 'OTHER', priority: 'MEDIUM', status: 'PLANNED', siteId: 's-1', ownerId, assignees: [],
    blocker: { id: `b-${workId}`, type: 'PARTS', reason: 'Seal kit', raisedBy: 'tina', raisedAt: '2026-01-05T08:00:00Z', automatic: false },
    waitingSince: '2026-01-05T08:00:00Z', onWhom: { type: 'PERSON', id: ownerId },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  localStorage.clear();
});

describe('the blocked board', () => {
  it('asks the server for what waits on me, leaving mine out otherwise', () => {
    const mine = new URLSearchParams(blockedQuery('s-1', ['PARTS', 'ACCESS'], true, 2, 25).split('?')[1]);
    expect(Object.fromEntries(mine)).toEqual({ siteId: 's-1', blockerType: 'PARTS,ACCESS', mine: 'true', page: '2', size: '25' });
    expect(blockedQuery('s-1', [], false, 0, 50)).toBe('/api/work/blocked?siteId=s-1&page=0&size=50');
  });

  it('pages "waiting on me" as the server counts it, showing the rows it answers', async () => {
    sessionStorage.setItem('sitework.token', token('bruno.tech'));
    const asked: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url === '/auth/config') return json(200, { mode: 'dev', users: [] });
      if (url.startsWith('/api/sites')) return json(200, { items: [{ id: 's-1', code: 'N', name: 'North', timeZone: 'UTC' }], page: 0, size: 200, total: 1 });
      asked.push(url);
      const params = new URLSearchParams(url.split('?')[1]);
      const page = Number(params.get('page'));
      if (params.get('mine') === 'true') return json(200, { items: [row(`mine-${page}`, 'bruno.tech')], page, size: 50, total: 260 });
      return json(200, { items: [row('anna-1', 'anna.planner'), row('carl-1', 'carl.super')], page, size: 50, total: 2 });
    }));
    render(
      <AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={['/sites/s-1/blocked']} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <Routes><Route path="/sites/:siteId/blocked" element={<BlockedScreen />} /></Routes>
        </MemoryRouter>
      </AppProviders>,
    );
    expect(await screen.findByText('Work anna-1')).toBeInTheDocument();
    expect(asked[0]).not.toContain('mine');

    await userEvent.click(screen.getByTestId('waiting-on-me'));
    expect(await screen.findByText('Work mine-0')).toBeInTheDocument();
    expect(asked.at(-1)).toBe('/api/work/blocked?siteId=s-1&mine=true&page=0&size=50');
    expect(screen.getAllByTestId('blocked-row')).toHaveLength(1);
    expect(screen.getByText('1–50 of 260')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Go to next page' }));
    expect(await screen.findByText('Work mine-1')).toBeInTheDocument();
    expect(asked.at(-1)).toBe('/api/work/blocked?siteId=s-1&mine=true&page=1&size=50');
    await waitFor(() => expect(screen.getByText('51–100 of 260')).toBeInTheDocument());
  });
});
