import { useEffect, useState } from 'react';
import { indicatorRoutes } from '../../../../shared/routes/indicators.routes';
import type { IndicatorDefinition, IndicatorSnapshot } from '../../../../shared/schemas/indicators';
import { ApiError, call } from '../../lib/api';

export { formatIndicatorValue as formatValue, PROGRAMME_TITLES as PROGRAMMES } from '../../../../shared/indicator-format';

export interface YearFigures {
  definitions: IndicatorDefinition[];
  values: Record<string, number | null>;
  previous: Record<string, number | null>;
  /** The snapshot the values come from, or null when they are read live. */
  snapshot: IndicatorSnapshot | null;
}

/**
 * Every indicator of a year: from the year's snapshot when the national team
 * froze it (so later edits do not change a published review), else live.
 */
export function useYearFigures(year: number): { data?: YearFigures; error?: ApiError } {
  const [state, setState] = useState<{ data?: YearFigures; error?: ApiError }>({});
  useEffect(() => {
    const ctrl = new AbortController();
    const signal = ctrl.signal;
    (async () => {
      const { items } = await call(indicatorRoutes.list, {}, { signal });
      const snapshot = await call(indicatorRoutes.snapshot, { params: { year } }, { signal }).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      });
      const live = await Promise.all(items.map((d) => call(indicatorRoutes.get, { params: { code: d.code }, query: { year } }, { signal })));
      const frozen = new Map((snapshot?.values ?? []).map((v) => [v.code, v.value]));
      const values = Object.fromEntries(live.map((v) => [v.code, frozen.has(v.code) ? (frozen.get(v.code) ?? null) : v.value]));
      const previous = Object.fromEntries(live.map((v) => [v.code, v.previous.value]));
      setState({ data: { definitions: items, values, previous, snapshot } });
    })().catch((e: unknown) => {
      if ((e as Error).name !== 'AbortError') setState({ error: e instanceof ApiError ? e : new ApiError(0, 'client', String(e)) });
    });
    return () => ctrl.abort();
  }, [year]);
  return state;
}
