import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 250;

/**
 * Search-as-you-type for a select: waits until typing pauses, and drops answers to queries that are no longer
 * the latest, so a slow "青" cannot replace the answer to "青岛".
 */
export function useRemoteSearch<T>(search: (query: string) => Promise<T[]>) {
  const [results, setResults] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(0);
  const searchRef = useRef(search);
  useLayoutEffect(() => {
    searchRef.current = search;
  });

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onSearch = useCallback((query: string) => {
    window.clearTimeout(timer.current);
    const ticket = ++latest.current;
    const trimmed = query.trim();
    if (!trimmed) {
      setResults([]);
      setLoading(false);
      return;
    }
    setLoading(true);
    timer.current = window.setTimeout(() => {
      searchRef.current(trimmed).then(
        (found) => {
          if (ticket !== latest.current) return;
          setResults(found);
          setFailed(false);
          setLoading(false);
        },
        () => {
          if (ticket !== latest.current) return;
          setResults([]);
          setFailed(true);
          setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
  }, []);

  return { results, loading, failed, onSearch };
}
