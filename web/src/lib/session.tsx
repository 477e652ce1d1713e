import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { me as meSchema } from '../../../shared/schemas/auth';
import { authRoutes } from '../../../shared/routes/auth.routes';
import { call, setCsrfToken } from './api';

export type Me = z.output<typeof meSchema>;

/** The national team: accounts, audit history and erasure are theirs (the API enforces it; this hides the buttons). */
export const isNationalTeam = (me: Me | null | undefined) => Boolean(me?.roles.some((r) => r.role === 'admin'));

interface Session {
  /** undefined while asking the server, null when signed out. */
  me: Me | null | undefined;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const take = useCallback((m: Me | null) => {
    setCsrfToken(m?.csrfToken ?? null);
    setMe(m);
  }, []);
  useEffect(() => {
    // Never a 401 for visitors (no error in the browser's console).
    call(authRoutes.session, {}).then(
      (r) => take(r.account),
      () => take(null),
    );
  }, [take]);
  const value = useMemo<Session>(
    () => ({
      me,
      async login(email, password) {
        take(await call(authRoutes.login, { body: { email, password } }));
      },
      async logout() {
        const { redirectTo } = await call(authRoutes.logout, {});
        take(null);
        // A ProConnect session ends at the provider too.
        if (redirectTo) window.location.assign(redirectTo);
      },
    }),
    [me, take],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession hors de SessionProvider');
  return s;
}
