/**
 * Logging in. The gateway's GET /auth/config says how: the embedded default's dev login (pick a demo user,
 * POST /auth/dev/token) or the configured OIDC provider (authorization code + PKCE with oidc-client-ts).
 * The access token lives in sessionStorage (this tab only) and is sent as a bearer token on every call.
 *
 * With OIDC the access token is renewed before it expires, with the refresh token the provider gives the
 * portal's public client (no hidden iframe); each renewed token replaces the stored one. When renewal fails
 * (the provider's session ended, the refresh token was revoked), the session ends: back to /login with a
 * message saying so, rather than calls failing with 401. The dev login's tokens are not renewed.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { UserManager, WebStorageStateStore, type User, type UserManagerEvents, type UserManagerSettings } from 'oidc-client-ts';
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

export type OidcConfig = Extract<AuthConfig, { mode: 'oidc' }>;

/** Where the API client reads the access token (see api.ts). */
export const TOKEN_KEY = 'sitework.token';
/** Renewal starts this long before the access token expires. */
export const RENEW_BEFORE_EXPIRY_SECONDS = 60;
/** A stored token this close to its expiry is renewed before a call rather than sent (e.g. a tab that slept). */
export const FRESH_FOR_SECONDS = 5;

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

/** Whether a token expires within {@code seconds} of {@code now} (a token without exp never does). */
export function expiresWithin(token: string, seconds: number, now = Date.now()): boolean {
  const exp = decodeToken(token)?.exp;
  return typeof exp === 'number' && exp * 1000 - now <= seconds * 1000;
}

/**
 * The UserManager's settings from the gateway's /auth/config answer. Renewal: automaticSilentRenew asks for a
 * new token {@link RENEW_BEFORE_EXPIRY_SECONDS} ahead, with the refresh token (Keycloak gives one to a public
 * client using the authorization code flow with PKCE). No silent_redirect_uri: without a refresh token there is
 * no iframe to fall back on, so renewal fails and the session ends. A provider that does not answer is asked
 * again a few times, then renewal fails too.
 */
export function oidcSettings(config: OidcConfig, origin: string, storage: Storage): UserManagerSettings {
  return {
    authority: config.issuer,
    client_id: config.clientId,
    scope: config.scope,
    response_type: 'code',
    redirect_uri: `${origin}/login/callback`,
    post_logout_redirect_uri: `${origin}/login`,
    userStore: new WebStorageStateStore({ store: storage }),
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: RENEW_BEFORE_EXPIRY_SECONDS,
    silentRequestTimeoutInSeconds: 10,
    maxSilentRenewTimeoutRetries: 2,
    monitorSession: false,
  };
}

/** Where to go after the provider's login: the portal path it started from, never another site's address. */
export function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null | undefined)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/** What the login must be told about the OIDC session: a token to keep (null: none), or that the session ended. */
export interface SessionSink {
  store: (token: string | null) => void;
  end: (message: string) => void;
}

/** The message shown on /login when the session could not be renewed. */
export function sessionEndedMessage(error?: unknown): string {
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Your session has ended and could not be renewed${detail}. Log in again to continue.`;
}

/** The message shown on /login when Sitework refused the token (401) although it had not expired. */
export const SESSION_REFUSED = 'Sitework no longer accepts your login. Log in again to continue.';

/**
 * The handlers of the UserManager's events: a loaded user — signed in, or renewed — has its access token stored
 * where the API client reads it; a failed renewal ends the session with a message.
 */
export function sessionHandlers(sink: SessionSink) {
  return {
    userLoaded: (user: User) => sink.store(user.access_token),
    silentRenewError: (error: Error) => sink.end(sessionEndedMessage(error)),
  };
}

/** Registers {@link sessionHandlers} on a UserManager's events; answers what unregisters them. */
export function watchSession(events: UserManagerEvents, sink: SessionSink): () => void {
  const handlers = sessionHandlers(sink);
  const off = [events.addUserLoaded(handlers.userLoaded), events.addSilentRenewError(handlers.silentRenewError)];
  return () => off.forEach((unregister) => unregister());
}

interface AuthState {
  config: AuthConfig | null;
  configError: string | null;
  token: string | null;
  identity: Identity | null;
  /** Why the user was sent back to /login (a session that ended), or null. */
  notice: string | null;
  loginAsDemoUser: (subject: string) => Promise<void>;
  /** Sends the browser to the provider; {@code from}: the portal path to return to afterwards. */
  loginWithOidc: (from?: string) => Promise<void>;
  /** Completes the login on /login/callback; answers the portal path the login started from. */
  completeOidcLogin: () => Promise<string>;
  logout: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const renewing = useRef<Promise<string | null> | null>(null);
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

  // built while rendering, so that the login callback has it at once; its automatic renewal is started by the
  // effect below, so that only the manager of the mounted provider renews (React may build one and drop it)
  const manager = useMemo(() => (config?.mode === 'oidc'
    ? new UserManager({ ...oidcSettings(config, window.location.origin, window.sessionStorage), automaticSilentRenew: false })
    : null), [config]);

  const store = useCallback((value: string | null) => {
    if (value) {
      sessionStorage.setItem(TOKEN_KEY, value);
      setNotice(null);
    } else {
      sessionStorage.removeItem(TOKEN_KEY);
    }
    setToken(value);
  }, []);

  /**
   * Logs out of Sitework, and with an OIDC provider out of the provider's session too (RP-initiated logout, back to
   * /login): otherwise the next "Log in" would let the same person straight back in without asking.
   */
  const logout = useCallback(() => {
    store(null);
    setNotice(null);
    if (!manager) return;
    manager.getUser()
      .then((user) => (user ? manager.signoutRedirect({ id_token_hint: user.id_token }) : manager.removeUser()))
      .catch(() => manager.removeUser().catch(() => {}));
  }, [store, manager]);

  /** The OIDC session is over: no token, the stored user gone (which stops renewal), a message for /login. */
  const end = useCallback((message: string) => {
    store(null);
    setNotice(message);
    manager?.removeUser().catch(() => {});
  }, [store, manager]);

  /** One renewal at a time, with the refresh token; its token is stored by the userLoaded handler. */
  const renew = useCallback((): Promise<string | null> => {
    if (!manager) return Promise.resolve(null);
    if (!renewing.current) {
      renewing.current = manager.signinSilent()
        .then((user) => user?.access_token ?? null)
        .catch((e: unknown) => {
          end(sessionEndedMessage(e));
          return null;
        })
        .finally(() => {
          renewing.current = null;
        });
    }
    return renewing.current;
  }, [manager, end]);

  useEffect(() => {
    if (!manager) return;
    const unwatch = watchSession(manager.events, { store, end });
    manager.startSilentRenew(); // what automaticSilentRenew (see oidcSettings) does in the constructor
    // a tab reopened after its token expired: renew now (the manager's timers only look ahead of expiry)
    manager.getUser().then((user) => {
      if (user?.expired && user.refresh_token) renew();
    }).catch(() => {});
    return () => {
      unwatch();
      manager.stopSilentRenew();
    };
  }, [manager, store, end, renew]);

  useEffect(() => {
    if (!manager) {
      configureApi(() => sessionStorage.getItem(TOKEN_KEY), () => store(null));
      return;
    }
    configureApi(async () => {
      const stored = sessionStorage.getItem(TOKEN_KEY);
      return stored && expiresWithin(stored, FRESH_FOR_SECONDS) ? renew() : stored;
    }, () => end(SESSION_REFUSED));
  }, [manager, store, end, renew]);

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

  const loginWithOidc = useCallback(async (from = '/') => {
    if (!manager) throw new Error('No OIDC provider is configured.');
    await manager.signinRedirect({ state: { from } });
  }, [manager]);

  const completeOidcLogin = useCallback(async () => {
    if (!manager) throw new Error('No OIDC provider is configured.');
    const user = await manager.signinRedirectCallback();
    store(user.access_token);
    return returnPath(user.state);
  }, [manager, store]);

  const userClaim = config?.mode === 'oidc' ? config.userClaim ?? 'sub' : 'sub';
  const identity = useMemo(() => (token ? decodeToken(token, userClaim) : null), [token, userClaim]);

  const value = useMemo<AuthState>(() => ({
    config, configError, token, identity, notice, loginAsDemoUser, loginWithOidc, completeOidcLogin, logout,
  }), [config, configError, token, identity, notice, loginAsDemoUser, loginWithOidc, completeOidcLogin, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
