/**
 * The one way the portal talks to the gateway: bearer token on every call, JSON in and out, and every
 * error turned into an ApiError carrying the problem+json document (so screens show its `detail`).
 */

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  correlationId?: string;
  currentVersion?: number;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(describeProblem(problem));
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** 412: the item changed since it was read; the screen offers to reload it. */
  get isStale(): boolean {
    return this.status === 412;
  }
}

/** A sentence for people: the problem's detail, the offending fields, the correlation id to quote. */
export function describeProblem(problem: Problem): string {
  if (problem.status === 412) {
    return 'Someone changed this item after you opened it, so your action was not applied. Reload to see the current state, then try again.';
  }
  let text = problem.detail || problem.title || `The request failed (HTTP ${problem.status}).`;
  if (problem.errors && problem.errors.length > 0) {
    text += ' ' + problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  }
  return text;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface Answer<T> {
  data: T;
  etag: string | null;
}

/** The token for the next call: the stored one, or (OIDC) a renewed one when the stored one is about to expire. */
type TokenSource = () => string | null | Promise<string | null>;
// the login keeps the token in sessionStorage; reading it here (not only once the login's effect has run)
// lets the very first queries of a page load carry it
let tokenSource: TokenSource = () => (typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem('sitework.token'));
let onUnauthorized: () => void = () => {};

/** Wires the API to the login: where the token comes from, what to do when it is refused (401). */
export function configureApi(source: TokenSource, unauthorized: () => void): void {
  tokenSource = source;
  onUnauthorized = unauthorized;
}

export async function currentToken(): Promise<string | null> {
  return tokenSource();
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  ifMatch?: number | string | null;
  headers?: Record<string, string>;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = await tokenSource();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined && options.ifMatch !== null) headers['If-Match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ status: 0, title: 'Network error', detail: 'Sitework could not be reached. Check your connection and try again.' });
  }
  if (!response.ok) {
    throw new ApiError(await readProblem(response));
  }
  const etag = response.headers.get('ETag');
  const text = response.status === 204 ? '' : await response.text();
  return { data: (text ? JSON.parse(text) : null) as T, etag };
}

async function readProblem(response: Response): Promise<Problem> {
  if (response.status === 401) onUnauthorized();
  const fallback: Problem = { status: response.status, title: response.statusText };
  try {
    const text = await response.text();
    if (!text) return fallback;
    const body = JSON.parse(text);
    return { ...fallback, ...body, status: response.status };
  } catch {
    return fallback;
  }
}

export const get = <T>(path: string) => request<T>(path).then((a) => a.data);
export const post = <T>(path: string, body?: unknown, ifMatch?: number | null) =>
  request<T>(path, { method: 'POST', body, ifMatch }).then((a) => a.data);
export const put = <T>(path: string, body?: unknown, ifMatch?: number | null) =>
  request<T>(path, { method: 'PUT', body, ifMatch }).then((a) => a.data);
export const del = <T>(path: string) => request<T>(path, { method: 'DELETE' }).then((a) => a.data);

/** A query string from the given parameters, leaving out empty ones; arrays become comma lists. */
export function query(params: Record<string, string | number | boolean | string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Downloads an authenticated resource (an export) as a file. */
export async function download(path: string, filename: string): Promise<void> {
  const token = await tokenSource();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(await readProblem(response));
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
