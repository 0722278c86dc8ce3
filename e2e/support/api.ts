/** A signed-in API client for test setup (the browser does the steps under test; this only prepares data). */
export interface ApiSession {
  /** `headers` adds to the session's own (e.g. If-Match). */
  call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T }>;
}

/** Signs in as a demo account through the demo-mode endpoint and keeps its cookie and CSRF token. */
export async function demoSession(baseUrl: string, email: string): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/auth/demo/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!res.ok) throw new Error(`demo sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const r = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/** A demo account's session cookies (demo-mode sign-in), for a browser context's `addCookies`. */
export async function demoCookies(
  baseUrl: string,
  email: string,
): Promise<{ name: string; value: string; url: string }[]> {
  const res = await fetch(`${baseUrl}/api/auth/demo/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!res.ok) throw new Error(`demo sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => {
    const [pair] = c.split(';');
    const [name, ...value] = (pair ?? '').split('=');
    return { name: name ?? '', value: value.join('='), url: baseUrl };
  });
}

/** The API paths the running server offers (from its OpenAPI document), to tell what can be tested yet. */
export async function apiPaths(baseUrl: string): Promise<Set<string>> {
  const doc = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as {
    paths?: Record<string, unknown>;
  };
  return new Set(Object.keys(doc.paths ?? {}));
}

export const demo = {
  counsellor: 'counsellor@demo.passerelle.test',
  caseManager: 'case.manager@demo.passerelle.test',
  employer: 'employer@demo.passerelle.test',
  admin: 'admin@demo.passerelle.test',
  programmeManager: 'manager@demo.passerelle.test',
};
