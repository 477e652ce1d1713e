import { useEffect, useState } from 'react';
import { themeRoutes } from '../../../shared/routes/themes.routes';
import { call } from './api';

export type ThemeItem = { code: string; label: string };
let cache: Promise<ThemeItem[]> | undefined;

/** The thematic fields, asked once per page load. */
export function useThemes(): ThemeItem[] {
  const [themes, setThemes] = useState<ThemeItem[]>([]);
  useEffect(() => {
    cache ??= call(themeRoutes.list, {}).then(
      (r) => r.items,
      (e) => {
        cache = undefined;
        throw e;
      },
    );
    let alive = true;
    cache.then((t) => alive && setThemes(t)).catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return themes;
}
