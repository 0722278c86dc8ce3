import { useCallback, useEffect, useState } from 'react';
import { ApiError, get } from './client';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Loads a GET resource; `path` null waits. Reloads when the path changes; aborts stale requests. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    get<T>(path, controller.signal)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e)));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

export interface ActionState {
  /** The key of the action running, or null. */
  busy: string | null;
  error: ApiError | null;
  /** Runs `fn` under `key` (one at a time), keeps its error, and calls `onDone` when it succeeds. */
  run: (key: string, fn: () => Promise<unknown>) => Promise<void>;
}

/** A button's write to the API: busy while it runs, its error shown, then `onDone` (e.g. a reload). */
export function useAction(onDone?: () => void): ActionState {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (key: string, fn: () => Promise<unknown>) => {
      setError(null);
      setBusy(key);
      try {
        await fn();
        onDone?.();
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e)));
      } finally {
        setBusy(null);
      }
    },
    [onDone],
  );
  return { busy, error, run };
}
