import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { QueryClient } from '@tanstack/react-query';
import { User } from 'oidc-client-ts';
import { AppProviders } from '../App';
import { LoginScreen } from '../screens/Login';
import { request } from './api';
import { SESSION_REFUSED, TOKEN_KEY, useAuth } from './auth';

/*
 * The OIDC session in the AuthProvider, with the real oidc-client-ts UserManager against a provider played by a
 * stubbed fetch: renewal with the refresh token, the renewed token where the API reads it, the end of a session.
 */

const ISSUER = 'https://login.example.com/realms/sitework';
const TOKEN_ENDPOINT = `${ISSUER}/protocol/openid-connect/token`;
const USER_KEY = `oidc.user:${ISSUER}:sitework`;
const now = () => Math.floor(Date.now() / 1000);

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

const accessToken = (name: string, expiresIn: number) =>
  jwt({ sub: '3f1c2d9e', preferred_username: 'anna.planner', name, sites: {}, exp: now() + expiresIn });

/** A signed-in tab: the token where the API reads it, and the UserManager's user with its refresh token. */
function signedIn(token: string, userExpiresIn: number) {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(USER_KEY, new User({
    access_token: token, token_type: 'Bearer', refresh_token: 'refresh-1', scope: 'openid profile',
    profile: { sub: '3f1c2d9e', iss: ISSUER, aud: 'sitework', exp: now() + userExpiresIn, iat: now() },
    expires_at: now() + userExpiresIn,
  }).toStorageString());
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The gateway (OIDC mode) and the provider; {@code refresh} answers the token endpoint. */
function provider(refresh: (form: URLSearchParams) => Response, api: (url: string, init?: RequestInit) => Response = () => json(200, {})) {
  const refreshes: URLSearchParams[] = [];
  const calls: { url: string; authorization?: string }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url === '/auth/config') {
      return json(200, { mode: 'oidc', issuer: ISSUER, clientId: 'sitework', scope: 'openid profile', userClaim: 'preferred_username' });
    }
    if (url === `${ISSUER}/.well-known/openid-configuration`) {
      return json(200, { issuer: ISSUER, authorization_endpoint: `${ISSUER}/protocol/openid-connect/auth`, token_endpoint: TOKEN_ENDPOINT,
        jwks_uri: `${ISSUER}/protocol/openid-connect/certs`, end_session_endpoint: `${ISSUER}/protocol/openid-connect/logout` });
    }
    if (url === TOKEN_ENDPOINT) {
      const form = new URLSearchParams(String(init?.body));
      refreshes.push(form);
      return refresh(form);
    }
    calls.push({ url, authorization: (init?.headers as Record<string, string> | undefined)?.Authorization });
    return api(url, init);
  }));
  return { refreshes, calls };
}

const renewedWith = (token: string) => () => json(200, {
  access_token: token, token_type: 'Bearer', expires_in: 3600, refresh_token: 'refresh-2', scope: 'openid profile',
});

function Probe() {
  const { token, identity } = useAuth();
  return <div data-testid="probe">{token ? `signed in as ${identity?.subject}` : 'signed out'}</div>;
}

function renderPortal() {
  return render(
    <AppProviders client={new QueryClient()}>
      <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <Probe />
        <LoginScreen />
      </MemoryRouter>
    </AppProviders>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('the OIDC session', () => {
  it('renews the access token before it expires, with the refresh token, and stores it where the API reads it', async () => {
    signedIn(accessToken('Anna', 30), 30); // within the minute before expiry: renewal is due
    const renewed = accessToken('Anna renewed', 3600);
    const { refreshes, calls } = provider(renewedWith(renewed));
    renderPortal();
    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent('signed in as anna.planner'));

    await waitFor(() => expect(sessionStorage.getItem(TOKEN_KEY)).toBe(renewed), { timeout: 5000 });
    expect(refreshes[0].get('grant_type')).toBe('refresh_token');
    expect(refreshes[0].get('refresh_token')).toBe('refresh-1');
    expect(refreshes[0].get('client_id')).toBe('sitework');
    expect(screen.getByTestId('probe')).toHaveTextContent('signed in as anna.planner');

    await request('/api/work');
    expect(calls.at(-1)).toEqual({ url: '/api/work', authorization: `Bearer ${renewed}` });
  });

  it('renews a token about to expire before a call rather than sending it', async () => {
    signedIn(accessToken('Anna', 2), 3600); // the manager's own timer is far off: only the call asks
    const renewed = accessToken('Anna renewed', 3600);
    const { refreshes, calls } = provider(renewedWith(renewed));
    renderPortal();
    await screen.findByRole('button', { name: 'Log in with your organisation account' });

    await request('/api/work');
    expect(refreshes).toHaveLength(1);
    expect(calls.at(-1)).toEqual({ url: '/api/work', authorization: `Bearer ${renewed}` });
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(renewed);
  });

  it('renews at once in a tab reopened after its token expired', async () => {
    signedIn(accessToken('Anna', -120), -120);
    const renewed = accessToken('Anna renewed', 3600);
    provider(renewedWith(renewed));
    renderPortal();
    expect(screen.getByTestId('probe')).toHaveTextContent('signed out');
    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent('signed in as anna.planner'));
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(renewed);
  });

  it('ends the session with a message on /login when renewal fails, instead of failing calls with 401', async () => {
    signedIn(accessToken('Anna', 30), 30);
    const { refreshes } = provider(() => json(400, { error: 'invalid_grant', error_description: 'Session not active' }));
    renderPortal();

    expect(await screen.findByTestId('session-notice', {}, { timeout: 5000 }))
      .toHaveTextContent('Your session has ended and could not be renewed (Session not active). Log in again to continue.');
    expect(refreshes).toHaveLength(1);
    expect(screen.getByTestId('probe')).toHaveTextContent('signed out');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
    await waitFor(() => expect(sessionStorage.getItem(USER_KEY)).toBeNull());
    expect(screen.getByRole('button', { name: 'Log in with your organisation account' })).toBeInTheDocument();
  });

  it('ends the session with a message when Sitework refuses a token that has not expired', async () => {
    signedIn(accessToken('Anna', 3600), 3600);
    provider(renewedWith('unused'), () => json(401, { status: 401, title: 'Unauthorized' }));
    renderPortal();
    await screen.findByRole('button', { name: 'Log in with your organisation account' });
    await request('/api/work').catch(() => {});
    expect(await screen.findByTestId('session-notice')).toHaveTextContent(SESSION_REFUSED);
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('leaves the dev login as it was: a refused token just logs out', async () => {
    sessionStorage.setItem(TOKEN_KEY, accessToken('Anna', 3600));
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url === '/auth/config'
      ? json(200, { mode: 'dev', users: [] })
      : json(401, { status: 401, title: 'Unauthorized' }))));
    renderPortal();
    await screen.findByText('Choose a demo user');
    await request('/api/work').catch(() => {});
    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent('signed out'));
    expect(screen.queryByTestId('session-notice')).not.toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalledWith(expect.stringContaining('openid-configuration'), expect.anything());
  });
});
