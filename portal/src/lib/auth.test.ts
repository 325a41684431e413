import { afterEach, describe, expect, it, vi } from 'vitest';
import { User, UserManager } from 'oidc-client-ts';
import {
  decodeToken, expiresWithin, oidcSettings, RENEW_BEFORE_EXPIRY_SECONDS, returnPath, sessionEndedMessage, sessionHandlers, watchSession,
  type OidcConfig,
} from './auth';

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

const keycloakConfig: OidcConfig = {
  mode: 'oidc', issuer: 'https://login.example.com/realms/sitework', clientId: 'sitework', scope: 'openid profile',
  userClaim: 'preferred_username',
};

afterEach(() => sessionStorage.clear());

describe('the OIDC settings built from /auth/config', () => {
  const settings = oidcSettings(keycloakConfig, 'https://sitework.example.com', sessionStorage);

  it('log in at the configured provider as its public client, with the code flow (PKCE) and back to /login/callback', () => {
    expect(settings).toMatchObject({
      authority: 'https://login.example.com/realms/sitework', client_id: 'sitework', scope: 'openid profile', response_type: 'code',
      redirect_uri: 'https://sitework.example.com/login/callback', post_logout_redirect_uri: 'https://sitework.example.com/login',
    });
  });

  it('renew the access token a minute before it expires, with the refresh token: no iframe, no session monitor', () => {
    expect(settings.automaticSilentRenew).toBe(true);
    expect(settings.accessTokenExpiringNotificationTimeInSeconds).toBe(RENEW_BEFORE_EXPIRY_SECONDS);
    expect(RENEW_BEFORE_EXPIRY_SECONDS).toBe(60);
    expect(settings.silent_redirect_uri).toBeUndefined();
    expect(settings.monitorSession).toBe(false);
    expect(settings.maxSilentRenewTimeoutRetries).toBeGreaterThan(0);
  });

  it('keep the signed-in user in this tab only (sessionStorage)', async () => {
    await settings.userStore!.set('probe', 'value');
    expect(sessionStorage.getItem('oidc.probe')).toBe('value');
  });
});

describe('the session handlers', () => {
  const renewed = new User({ access_token: 'renewed-token', token_type: 'Bearer', profile: { sub: 'u', iss: 'i', aud: 'a', exp: 0, iat: 0 } });

  it('store the token of a loaded (renewed) user', () => {
    const sink = { store: vi.fn(), end: vi.fn() };
    sessionHandlers(sink).userLoaded(renewed);
    expect(sink.store).toHaveBeenCalledWith('renewed-token');
    expect(sink.end).not.toHaveBeenCalled();
  });

  it('end the session with a message that says why when renewal fails', () => {
    const sink = { store: vi.fn(), end: vi.fn() };
    sessionHandlers(sink).silentRenewError(new Error('Session not active'));
    expect(sink.end).toHaveBeenCalledWith('Your session has ended and could not be renewed (Session not active). Log in again to continue.');
    expect(sink.store).not.toHaveBeenCalled();
    expect(sessionEndedMessage()).toBe('Your session has ended and could not be renewed. Log in again to continue.');
  });

  it('listen to a UserManager until unregistered', async () => {
    const manager = new UserManager({ ...oidcSettings(keycloakConfig, 'http://localhost', sessionStorage), automaticSilentRenew: false });
    const sink = { store: vi.fn(), end: vi.fn() };
    const unwatch = watchSession(manager.events, sink);
    await manager.events.load(renewed);
    await manager.events._raiseSilentRenewError(new Error('invalid_grant'));
    expect(sink.store).toHaveBeenCalledWith('renewed-token');
    expect(sink.end).toHaveBeenCalledWith(expect.stringContaining('(invalid_grant)'));
    unwatch();
    await manager.events.load(renewed);
    expect(sink.store).toHaveBeenCalledTimes(1);
  });
});

describe('expiresWithin', () => {
  const now = Date.parse('2026-01-05T08:00:00Z');
  const at = (seconds: number) => token({ sub: 'u', exp: now / 1000 + seconds });

  it('says whether a token is about to expire (or has)', () => {
    expect(expiresWithin(at(4), 5, now)).toBe(true);
    expect(expiresWithin(at(-10), 5, now)).toBe(true);
    expect(expiresWithin(at(6), 5, now)).toBe(false);
    expect(expiresWithin(token({ sub: 'u' }), 5, now)).toBe(false);
  });
});

describe('returnPath after the provider\'s login', () => {
  it('goes back to the portal page the login started from', () => {
    expect(returnPath({ from: '/work/3f1c2d9e?tab=history' })).toBe('/work/3f1c2d9e?tab=history');
  });

  it('goes to the start page without a state, or with one that leads elsewhere', () => {
    expect(returnPath(undefined)).toBe('/');
    expect(returnPath({})).toBe('/');
    expect(returnPath({ from: 42 })).toBe('/');
    expect(returnPath({ from: 'https://evil.example.com/' })).toBe('/');
    expect(returnPath({ from: '//evil.example.com/' })).toBe('/');
    expect(returnPath({ from: '/login/callback' })).toBe('/');
  });
});
