import { describe, expect, it } from 'vitest';
import { can, type Identity } from './permissions';
import { allowedPermitSteps, isolationSteps } from '../screens/PermitDetail';
import { allowedSteps } from '../screens/WorkDetail';
import type { Permit } from './types';

const NORTH = '0d5e4c1a-5173-4e00-9000-00000000de30';
const SOUTH = '0d5e4c1a-5173-4e00-9000-00000000de31';
const user = (subject: string, roles: string[], orgAdmin = false): Identity => ({ subject, name: subject, sites: { [NORTH]: roles }, orgAdmin });
const anna = user('anna.planner', ['PLANNER']);
const bruno = user('bruno.tech', ['TECHNICIAN']);
const carla = user('carla.supervisor', ['SUPERVISOR']);
const paul = user('paul.permits', ['PERMIT_AUTHORITY']);
const audrey = user('audrey.auditor', ['AUDITOR']);
const olga: Identity = { subject: 'olga.admin', name: 'Olga', sites: {}, orgAdmin: true };

const permit = (status: string, isolationState = 'PLANNED', appliedBy?: string): Permit => ({
  id: 'p', siteId: NORTH, type: 'HOT_WORK', status, hazards: ['h'], controls: ['c'], validFrom: '', validTo: '', requestedBy: 'bruno.tech',
  version: 1, isolations: [{ isolationId: 'i', point: 'valve', method: 'LOCK_OUT_TAG_OUT', state: isolationState as 'PLANNED', appliedBy }],
});

describe('the role table of docs/security.md', () => {
  it('holds per site: a role on one site gives nothing on another', () => {
    expect(can(bruno, 'work.start', NORTH)).toBe(true);
    expect(can(bruno, 'work.start', SOUTH)).toBe(false);
    expect(can(olga, 'work.close', SOUTH)).toBe(true);
  });

  it('offers each work step only to the roles that may take it', () => {
    const planned = { status: 'PLANNED', siteId: NORTH };
    expect(allowedSteps(planned, bruno).map((s) => s.key)).toEqual(['start']);
    expect(allowedSteps(planned, anna).map((s) => s.key)).toEqual(['plan', 'cancel']);
    expect(allowedSteps({ status: 'DONE', siteId: NORTH }, carla).map((s) => s.key)).toEqual(['close', 'reopen']);
    expect(allowedSteps({ status: 'DONE', siteId: NORTH }, bruno)).toEqual([]);
    expect(allowedSteps({ status: 'IN_PROGRESS', siteId: NORTH }, audrey)).toEqual([]);
  });

  it('offers each permit action only to those allowed to take it', () => {
    expect(allowedPermitSteps(permit('REQUESTED'), paul).map((s) => s.key)).toEqual(['approve', 'reject', 'cancel']);
    expect(allowedPermitSteps(permit('REQUESTED'), bruno).map((s) => s.key)).toEqual(['cancel']); // his own request
    expect(allowedPermitSteps(permit('REQUESTED'), carla).map((s) => s.key)).toEqual([]);
    expect(allowedPermitSteps(permit('ISSUED'), bruno).map((s) => s.key)).toEqual(['handback', 'cancel']);
    expect(allowedPermitSteps(permit('HANDED_BACK'), paul).map((s) => s.key)).toEqual(['close']);
  });

  it('lets nobody verify an isolation they applied, and removes isolations only after hand-back', () => {
    expect(isolationSteps(permit('APPROVED'), permit('APPROVED').isolations[0], bruno).map((s) => s.key)).toEqual(['apply']);
    const applied = permit('APPROVED', 'APPLIED', 'bruno.tech');
    expect(isolationSteps(applied, applied.isolations[0], carla).map((s) => s.key)).toEqual(['verify']);
    const appliedByCarla = permit('APPROVED', 'APPLIED', 'carla.supervisor');
    expect(isolationSteps(appliedByCarla, appliedByCarla.isolations[0], carla)).toEqual([]);
    const issued = permit('ISSUED', 'VERIFIED');
    expect(isolationSteps(issued, issued.isolations[0], bruno)).toEqual([]);
    const handedBack = permit('HANDED_BACK', 'VERIFIED');
    expect(isolationSteps(handedBack, handedBack.isolations[0], bruno).map((s) => s.key)).toEqual(['remove']);
  });
});
