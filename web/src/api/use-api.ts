import { useCallback, useEffect, useRef, useState } from 'react';

export interface ApiState<T> {
  /** The latest answer; while a new key loads it still holds the previous one, so tables do not flash empty. */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: unknown;
}

/**
 * Loads `load()` whenever `key` changes and ignores answers that arrive after a newer request started,
 * so a slow first page cannot overwrite a fast second one.
 */
export function useApi<T>(load: () => Promise<T>, key: string): ApiState<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const requestKey = `${key}#${attempt}`;
  // `load` is a new closure on every render: the effect calls the latest, and `requestKey` says when to call it.
  const latestLoad = useRef(load);
  latestLoad.current = load;

  useEffect(() => {
    let current = true;
    latestLoad.current().then(
      (data) => current && setSettled({ key: requestKey, data, error: undefined }),
      (error: unknown) => current && setSettled((previous) => ({ key: requestKey, data: previous?.data, error })),
    );
    return () => {
      current = false;
    };
  }, [requestKey]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const loading = settled?.key !== requestKey;
  return { data: settled?.data, error: loading ? undefined : settled.error, loading, reload };
}
