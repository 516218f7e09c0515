import { type Dispatch, type SetStateAction, useCallback, useEffect, useState } from 'react';
import { ApiError, api, isAbort } from './api';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  setData: Dispatch<SetStateAction<T | undefined>>;
}

// Rarely changing lists (agencies, fields) are fetched once per page load.
const sharedCache = new Map<string, Promise<unknown>>();

function load<T>(path: string, shared: boolean, signal: AbortSignal): Promise<T> {
  if (!shared) return api.get<T>(path, signal);
  let pending = sharedCache.get(path) as Promise<T> | undefined;
  if (!pending) {
    pending = api.get<T>(path);
    sharedCache.set(path, pending);
    pending.catch(() => sharedCache.delete(path));
  }
  return pending;
}

/** GETs `path` (skipped while null) with loading and error state; refetches when the path changes. */
export function useApi<T>(path: string | null, options: { shared?: boolean } = {}): ApiState<T> {
  const shared = options.shared ?? false;
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger.
  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    load<T>(path, shared, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setLoading(false);
      },
      (cause: unknown) => {
        if (controller.signal.aborted || isAbort(cause)) return;
        setError(cause instanceof ApiError ? cause : new ApiError(0, 'INTERNAL', String(cause)));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [path, shared, attempt]);

  const reload = useCallback(() => {
    if (path) sharedCache.delete(path);
    setAttempt((n) => n + 1);
  }, [path]);

  return { data, error, loading, reload, setData };
}
