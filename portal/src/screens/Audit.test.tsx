import { afterEach, describe, expect, it, vi } from 'vitest';
import { findItems } from './Audit';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const page = (items: unknown[]) => ({ items, page: 0, size: 10, total: items.length });

function server(answer: (url: string) => unknown) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    asked.push(url);
    return json(answer(url));
  }));
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('finding an item for its audit timeline', () => {
  it('asks the server for the site\'s work matching the text, and shows each by its title', async () => {
    const asked = server(() => page([{ id: 'w-1', title: 'Replace seal on P-101', kind: 'MAINTENANCE_CORRECTIVE', status: 'CLOSED' }]));

    const found = await findItems('work', 's-1', '  seal ', 'UTC');

    expect(asked).toEqual(['/api/work?siteId=s-1&q=seal&size=10']);
    expect(found).toEqual([{ id: 'w-1', label: 'Replace seal on P-101', detail: 'Maintenance corrective · Closed' }]);
  });

  it('finds assets by tag and name on the server', async () => {
    const asked = server(() => page([{ id: 'a-1', tag: 'P-101', name: 'Feed pump', assetClass: 'PUMP', status: 'ACTIVE' }]));

    const found = await findItems('asset', 's-1', 'P-1', 'UTC');

    expect(asked).toEqual(['/api/assets?siteId=s-1&q=P-1&size=10']);
    expect(found[0]).toMatchObject({ id: 'a-1', label: 'P-101 — Feed pump' });
  });

  it('finds permits, which have no title, by type, status and people among the site\'s latest', async () => {
    server(() => page([
      { id: 'p-1', type: 'HOT_WORK', status: 'CLOSED', validFrom: '2026-01-05T08:00:00Z', validTo: '2026-01-05T16:00:00Z',
        requestedBy: 'anna.planner', holderId: 'bruno.tech' },
      { id: 'p-2', type: 'CONFINED_SPACE', status: 'REQUESTED', validFrom: '2026-01-06T08:00:00Z', validTo: '2026-01-06T16:00:00Z',
        requestedBy: 'carla.supervisor' },
    ]));

    expect((await findItems('permit', 's-1', 'hot bruno', 'UTC')).map((o) => o.id)).toEqual(['p-1']);
    expect((await findItems('permit', 's-1', 'requested', 'UTC')).map((o) => o.id)).toEqual(['p-1', 'p-2']);
    expect((await findItems('permit', 's-1', 'confined carla', 'UTC')).map((o) => o.id)).toEqual(['p-2']);
    expect((await findItems('permit', 's-1', '', 'UTC'))).toHaveLength(2);
  });
});
