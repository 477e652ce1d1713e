import { useEffect, useState } from 'react';
import { notificationRoutes } from '../../../../shared/routes/notifications.routes';
import { call } from '../../lib/api';

const listeners = new Set<(n: number) => void>();

/** Tell the bell the count changed (a page marked notifications read). */
export const announceUnread = (n: number) => {
  for (const l of listeners) l(n);
};

/** The signed-in person's unread notifications, asked on each page change and every minute (null: unknown). */
export function useUnread(signedIn: boolean, pathname: string): number | null {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    listeners.add(setUnread);
    return () => void listeners.delete(setUnread);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again on each navigation
  useEffect(() => {
    if (!signedIn) return;
    const ctrl = new AbortController();
    const ask = () =>
      call(notificationRoutes.list, { query: { unread: 'true', pageSize: 1 } }, { signal: ctrl.signal }).then(
        (r) => setUnread(r.unread),
        () => {},
      );
    void ask();
    const timer = setInterval(ask, 60_000);
    return () => {
      ctrl.abort();
      clearInterval(timer);
    };
  }, [signedIn, pathname]);
  return signedIn ? unread : null;
}
