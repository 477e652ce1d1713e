import { useState } from 'react';
import type { ApiError } from './api';

/**
 * Run one write, then `after` (a reload); its error is kept for the caller to show.
 *
 * @example
 * const action = useAction(list.reload);
 * <Button disabled={action.busy} onClick={() => action.run(() => call(routes.send, { params: { id } }))}>Envoyer</Button>
 */
export function useAction(after: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (write: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await write();
      after();
      return true;
    } catch (e) {
      setError(e as ApiError);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
