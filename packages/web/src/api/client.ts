import type { ErrorCode } from '@passerelle/core';

/** An error answered by the API: its stable code, a message in the reader's language, details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network_error';
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: ApiError['code'],
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /**
   * True when asking again may give another answer: the server could not be reached, was busy or
   * failed. A refusal about the request itself (bad input, not allowed, closed for matching...)
   * will not change by retrying.
   */
  get retryable(): boolean {
    return this.code === 'network_error' || this.status >= 500 || this.status === 429 || this.status === 408;
  }

  /** True when the server has no such route yet: the feature is not available on this server. */
  get notAvailable(): boolean {
    return this.status === 404 && this.details.entity === 'route';
  }
}

let language = 'en';
let csrfToken: string | null = null;

/** Error messages from the server follow the interface language. */
export function setApiLanguage(value: string): void {
  language = value;
}

/** The anti-CSRF token of the current session, sent on every state-changing request. */
export function setCsrfToken(value: string | null): void {
  csrfToken = value;
}

function csrfFromCookie(): string | null {
  const match = /(?:^|;\s*)(?:csrf|_csrf|csrf_token|passerelle_csrf)=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** A JSON response with its ETag, for updates that need `If-Match`. */
export interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

/** Calls the API with the session cookie, the reader's language and the CSRF token. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language,
    ...options.headers,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken ?? csrfFromCookie();
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : String(e));
  }
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    const b = (body ?? {}) as {
      code?: ApiError['code'];
      message?: string;
      details?: Record<string, unknown>;
    };
    throw new ApiError(
      response.status,
      b.code ?? 'internal_error',
      b.message ?? response.statusText,
      b.details ?? {},
    );
  }
  return { data: body as T, etag: response.headers.get('etag') };
}

/** GET returning the body only. */
export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request<T>(path, signal ? { signal } : {})).data;
}

/** POST returning the body only. */
export async function post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  return (await request<T>(path, { method: 'POST', body, ...(headers ? { headers } : {}) })).data;
}

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
