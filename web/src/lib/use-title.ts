import { useEffect } from 'react';

/** The page's title in the browser tab (and for screen readers on navigation). */
export function useTitle(title: string | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} — Essaim`;
  }, [title]);
}
