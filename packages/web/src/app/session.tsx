import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, get, post, setCsrfToken } from '../api/client';
import { endpoints } from '../api/endpoints';

/** The three areas of the app; a user's role decides which one they land in. */
export type Area = 'workspace' | 'employer' | 'self';

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: string;
  organisationId: string | null;
  personId: string | null;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  /** The server has no sign-in yet: the views can be previewed without an account. */
  | { status: 'no-auth'; preview: Area | null }
  | { status: 'signed-in'; user: SessionUser };

interface SessionContextValue {
  state: SessionState;
  signIn(email: string, password: string, totp?: string): Promise<void>;
  /** Demo mode only: signs in as a demo account without its password or second factor. */
  demoSignIn(email: string): Promise<void>;
  signOut(): Promise<void>;
  preview(area: Area | null): void;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Which area a role works in. Unknown roles get the counsellor workspace (the server still decides what they see). */
export function areaOfRole(role: string): Area {
  const r = role.toLowerCase();
  if (r.includes('employer') || r === 'training_provider' || r === 'partner') return 'employer';
  if (r === 'person' || r === 'self' || r === 'beneficiary') return 'self';
  return 'workspace';
}

/**
 * Whether the session may import files from the workspace: in core's access rules only
 * administrators import there (employers and providers import their own records from their
 * area). A preview without sign-in shows everything; the server still decides.
 */
export function mayImportInWorkspace(state: SessionState): boolean {
  return state.status !== 'signed-in' || state.user.role === 'administrator';
}

/**
 * Whether the workspace offers the programme overview as a page of its own: core's access rules let
 * administrators and case managers (their organisation) read reports; programme managers have it
 * as their start page.
 */
export function mayReadReports(state: SessionState): boolean {
  return (
    state.status === 'signed-in' &&
    (state.user.role === 'administrator' || state.user.role === 'case_manager')
  );
}

function readUser(body: unknown): { user: SessionUser | null; csrf: string | null } {
  const b = (body ?? {}) as Record<string, unknown>;
  const u = (b.user ?? b.actor ?? (b.id ? b : null)) as Record<string, unknown> | null;
  const csrf = typeof b.csrfToken === 'string' ? b.csrfToken : typeof b.csrf === 'string' ? b.csrf : null;
  if (!u || typeof u !== 'object' || typeof u.id !== 'string') return { user: null, csrf };
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    csrf,
    user: {
      id: u.id,
      email: str(u.email) ?? '',
      name: str(u.name) ?? str(u.displayName),
      role: str(u.role) ?? 'counsellor',
      organisationId: str(u.organisationId),
      personId: str(u.personId),
    },
  };
}

let prefetched: Promise<unknown> | null = null;

/**
 * Starts asking the server who is signed in before the app renders (while the strings load), so
 * the first screen does not wait for one more round trip on a slow connection.
 */
export function prefetchSession(): void {
  prefetched = get<unknown>(endpoints.session);
  prefetched.catch(() => {});
}

/** Holds who is signed in; asks the server once at start. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const pending = prefetched ?? get<unknown>(endpoints.session);
      prefetched = null;
      const { user, csrf } = readUser(await pending);
      setCsrfToken(csrf);
      setState(user ? { status: 'signed-in', user } : { status: 'signed-out' });
    } catch (e) {
      if (e instanceof ApiError && e.notAvailable) setState({ status: 'no-auth', preview: null });
      else setState({ status: 'signed-out' });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      refresh,
      async signIn(email, password, totp) {
        const body = await post<unknown>(endpoints.signIn, { email, password, ...(totp ? { totp } : {}) });
        const { user, csrf } = readUser(body);
        setCsrfToken(csrf);
        if (user) setState({ status: 'signed-in', user });
        else await refresh();
      },
      async demoSignIn(email) {
        const { user, csrf } = readUser(await post<unknown>(endpoints.demoSignIn, { email }));
        setCsrfToken(csrf);
        if (user) setState({ status: 'signed-in', user });
        else await refresh();
      },
      async signOut() {
        try {
          await post(endpoints.signOut);
        } finally {
          setCsrfToken(null);
          setState((s) =>
            s.status === 'no-auth' ? { status: 'no-auth', preview: null } : { status: 'signed-out' },
          );
        }
      },
      preview(area) {
        setState({ status: 'no-auth', preview: area });
      },
    }),
    [state, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session of the signed-in user. */
export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The current user's area, or null when nobody is signed in. */
export function currentArea(state: SessionState): Area | null {
  if (state.status === 'signed-in') return areaOfRole(state.user.role);
  if (state.status === 'no-auth') return state.preview;
  return null;
}
