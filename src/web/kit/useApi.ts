// The one way pages fetch: a call, the values it depends on, and what came back — the data, the error's
// message, whether it is still loading, and a reload after a write.
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface ApiState<T> {
  /** The last answer for the current inputs; kept while a new one loads, dropped on an error. */
  data: T | undefined;
  /** The error's message (the server's, in the user's language), null when the last call succeeded. */
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls `fn` whenever `deps` change (and on `reload`); `fn` returns null while its inputs are incomplete:
 * nothing is fetched and there is no data. An answer that arrives after the inputs changed again is dropped, so a slow request
 * never overwrites a newer one.
 * @example const { data: rows = [], error } = useApi(() => (period ? api.league(code, period) : null), [code, period]);
 */
export function useApi<T>(fn: () => Promise<T> | null, deps: DependencyList): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps stand for fn's inputs.
  useEffect(() => {
    const call = ++latest.current;
    const pending = fn();
    if (pending === null) {
      setData(undefined);
      setError(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(null);
    pending.then(
      (d) => {
        if (call !== latest.current) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (call !== latest.current) return;
        setData(undefined);
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}
