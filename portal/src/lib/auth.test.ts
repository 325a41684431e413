import { describe, expect, it } from 'vitest';
import { decodeToken } from './auth';

function token(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(unescape(encodeURIComponent(JSON.stringify(value)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

describe('decodeToken', () => {
  const keycloak = token({
    sub: '3f1c2d9e-8a47-4c55-9d0e-2b6f7a1e4c10',
    preferred_username: 'anna.planner',
    name: 'Anna Planner',
    sites: { '0d5e4c1a-5173-4e00-9000-00000000de30': ['PLANNER'] },
    exp: 4102444800,
  });

  it('names the user by sub unless told otherwise', () => {
    expect(decodeToken(keycloak)?.subject).toBe('3f1c2d9e-8a47-4c55-9d0e-2b6f7a1e4c10');
  });

  it('names the user by the claim the services use, e.g. preferred_username', () => {
    const identity = decodeToken(keycloak, 'preferred_username');
    expect(identity?.subject).toBe('anna.planner');
    expect(identity?.name).toBe('Anna Planner');
    expect(identity?.sites).toEqual({ '0d5e4c1a-5173-4e00-9000-00000000de30': ['PLANNER'] });
  });

  it('falls back to sub when the token lacks the configured claim', () => {
    expect(decodeToken(token({ sub: 'bruno.tech' }), 'preferred_username')?.subject).toBe('bruno.tech');
  });

  it('answers null for what is not a token', () => {
    expect(decodeToken('not-a-token')).toBeNull();
  });
});
