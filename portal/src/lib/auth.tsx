/**
 * Logging in. The gateway's GET /auth/config says how: the embedded default's dev login (pick a demo user,
 * POST /auth/dev/token) or the configured OIDC provider (authorization code + PKCE with oidc-client-ts).
 * The access token lives in sessionStorage (this tab only) and is sent as a bearer token on every call.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { ApiError, configureApi, type Problem } from './api';
import type { Identity } from './permissions';

export interface DemoUser {
  subject: string;
  name: string;
  sites: Record<string, string[]>;
  orgAdmin: boolean;
}

export type AuthConfig =
  | { mode: 'dev'; users: DemoUser[] }
  | { mode: 'oidc'; issuer: string; clientId: string; scope: string; userClaim?: string }
  | { mode: 'none'; detail?: string };

const TOKEN_KEY = 'sitework.token';

/**
 * The identity a token carries. {@code userClaim} names the claim that holds the user's id, as the services read
 * it (the gateway's /auth/config tells it): sub by default, e.g. preferred_username where sub is an opaque id.
 */
export function decodeToken(token: string, userClaim = 'sub'): (Identity & { exp?: number }) | null {
  try {
    const payload = token.split('.')[1];
    const json = decodeURIComponent(
      atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
        .split('')
        .map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'))
        .join(''),
    );
    const claims = JSON.parse(json);
    const user = typeof claims[userClaim] === 'string' ? claims[userClaim] : claims.sub;
    return {
      subject: user,
      name: claims.name || claims.preferred_username || claims.sub,
      sites: claims.sites && typeof claims.sites === 'object' ? claims.sites : {},
      orgAdmin: claims.org_admin === true,
      exp: claims.exp,
    };
  } catch {
    return null;
  }
}

interface AuthState {
  config: AuthConfig | null;
  configError: string | null;
  token: string | null;
  identity: Identity | null;
  loginAsDemoUser: (subject: string) => Promise<void>;
  loginWithOidc: () => Promise<void>;
  completeOidcLogin: () => Promise<void>;
  logout: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

function userManager(config: AuthConfig | null): UserManager | null {
  if (!config || config.mode !== 'oidc') return null;
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    scope: config.scope,
    response_type: 'code',
    redirect_uri: `${window.location.origin}/login/callback`,
    post_logout_redirect_uri: `${window.location.origin}/login`,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(() => {
    const stored = sessionStorage.getItem(TOKEN_KEY);
    const claims = stored ? decodeToken(stored) : null;
    return claims && (!claims.exp || claims.exp * 1000 > Date.now()) ? stored : null;
  });

  useEffect(() => {
    fetch('/auth/config', { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`The gateway answered ${response.status} to /auth/config.`);
        setConfig(await response.json());
      })
      .catch((e: Error) => setConfigError(e.message));
  }, []);

  const manager = useMemo(() => userManager(config), [config]);

  const store = useCallback((value: string | null) => {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
    setToken(value);
  }, []);

  const logout = useCallback(() => {
    store(null);
    manager?.removeUser().catch(() => {});
  }, [store, manager]);

  useEffect(() => {
    configureApi(() => sessionStorage.getItem(TOKEN_KEY), () => store(null));
  }, [store]);

  const loginAsDemoUser = useCallback(async (subject: string) => {
    const response = await fetch('/auth/dev/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ subject }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError({ ...(body as Problem), status: response.status });
    store(body.access_token);
  }, [store]);

  const loginWithOidc = useCallback(async () => {
    if (!manager) throw new Error('No OIDC provider is configured.');
    await manager.signinRedirect();
  }, [manager]);

  const completeOidcLogin = useCallback(async () => {
    if (!manager) throw new Error('No OIDC provider is configured.');
    const user = await manager.signinRedirectCallback();
    store(user.access_token);
  }, [manager, store]);

  const userClaim = config?.mode === 'oidc' ? config.userClaim ?? 'sub' : 'sub';
  const identity = useMemo(() => (token ? decodeToken(token, userClaim) : null), [token, userClaim]);

  const value = useMemo<AuthState>(() => ({
    config, configError, token, identity, loginAsDemoUser, loginWithOidc, completeOidcLogin, logout,
  }), [config, configError, token, identity, loginAsDemoUser, loginWithOidc, completeOidcLogin, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
