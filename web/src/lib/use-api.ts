import { useCallback, useEffect, useState } from 'react';
import { type CallArgs, type ResponseOf, type RouteDef, urlOf } from '../../../shared/routes/contract';
import { ApiError, call } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Call a GET route of the contract (null args: nothing yet); new arguments
 * cancel the previous request. The answer is typed from the route's schema.
 */
export function useCall<D extends RouteDef>(def: D, args: CallArgs<D> | null): Loaded<ResponseOf<D>> {
  const key = args === null ? null : urlOf(def, args);
  const [state, setState] = useState<{ data?: ResponseOf<D>; error?: ApiError; loading: boolean }>({ loading: key !== null });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL (key) stands for the arguments; tick asks for a reload
  useEffect(() => {
    if (args === null) return;
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    call(def, args, { signal: ctrl.signal }).then(
      (data) => setState({ data, loading: false }),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') setState({ error: e instanceof ApiError ? e : new ApiError(0, 'client', String(e)), loading: false });
      },
    );
    return () => ctrl.abort();
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
