import { Button } from '@codegouvfr/react-dsfr/Button';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { useCallback, useEffect, useState } from 'react';
import type { TerritoryKind } from '../../../shared/vocabulary';
import type { DirectoryApi } from '../../../shared/web-routes';
import { territoryRoutes } from '../../../shared/routes/territories.routes';
import { routesOf } from '../features/directory/directory-api';
import { call } from '../lib/api';
import { labelOf, type Option } from '../features/directory/resources';
import { Combobox } from './Combobox';

const kindLabels: Record<TerritoryKind, string> = { commune: 'commune', epci: 'EPCI', departement: 'département', region: 'région' };
type TerritoryItem = { kind: TerritoryKind; code: string; name: string; departementCode: string | null };
const isTerritoryKind = (k: string | undefined): k is TerritoryKind => k !== undefined && Object.hasOwn(kindLabels, k);
const territoryOption = (t: TerritoryItem): Option => ({
  value: `${t.kind}:${t.code}`,
  label: `${t.name} (${kindLabels[t.kind]}${t.kind === 'commune' && t.departementCode ? `, ${t.departementCode}` : t.kind === 'departement' ? ` ${t.code}` : ''})`,
});

/** Search territories (all levels, or communes only). */
function useTerritorySearch(kind?: TerritoryKind) {
  return useCallback(
    async (q: string, signal: AbortSignal) => (await call(territoryRoutes.list, { query: { pageSize: 8, q, kind } }, { signal })).items.map(territoryOption),
    [kind],
  );
}

function useRecordSearch(resource: DirectoryApi) {
  return useCallback(
    async (q: string, signal: AbortSignal) =>
      (await call(routesOf(resource).list, { query: { pageSize: 8, q } }, { signal })).items.map((r) => ({
        value: r.id,
        label: labelOf(resource, r),
      })),
    [resource],
  );
}

/** The label of a value already chosen (from the URL or the stored record). */
function useLabel(value: string | null, resolve: (v: string) => Promise<string>) {
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    if (!value) return setLabel(null);
    let alive = true;
    resolve(value).then(
      (l) => alive && setLabel(l),
      () => alive && setLabel(value),
    );
    return () => {
      alive = false;
    };
  }, [value, resolve]);
  return value ? { value, label: label ?? '…' } : null;
}

const resolveTerritory = async (v: string) => {
  const [kind, code] = v.split(':');
  if (!isTerritoryKind(kind) || !code) return v;
  return territoryOption(await call(territoryRoutes.get, { params: { kind, code } })).label;
};

interface Common {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  id?: string;
}

/** One territory, written `kind:code` (or a commune code alone with `communeOnly`). */
export function TerritoryPicker({
  value,
  onChange,
  communeOnly,
  ...rest
}: Common & { value: string | null; onChange(v: string | null): void; communeOnly?: boolean }) {
  const search = useTerritorySearch(communeOnly ? 'commune' : undefined);
  const full = communeOnly && value ? `commune:${value}` : value;
  const chosen = useLabel(full, resolveTerritory);
  return (
    <Combobox {...rest} value={chosen} search={search} onChange={(o) => onChange(o ? (communeOnly ? (o.value.split(':')[1] as string) : o.value) : null)} />
  );
}

/** One record of a directory resource, by id. */
export function RefPicker({ resource, value, onChange, ...rest }: Common & { resource: DirectoryApi; value: string | null; onChange(v: string | null): void }) {
  const search = useRecordSearch(resource);
  const resolve = useCallback(async (id: string) => labelOf(resource, await call(routesOf(resource).get, { params: { id } })), [resource]);
  const chosen = useLabel(value, resolve);
  return <Combobox {...rest} value={chosen} search={search} onChange={(o) => onChange(o?.value ?? null)} />;
}

/** Several values (records or territories), shown as removable tags. */
function MultiPicker({
  values,
  onChange,
  search,
  resolve,
  ...rest
}: Common & { values: string[]; onChange(v: string[]): void; search: (q: string, s: AbortSignal) => Promise<Option[]>; resolve(v: string): Promise<string> }) {
  const [labels, setLabels] = useState<Record<string, string>>({});
  useEffect(() => {
    for (const v of values)
      if (!labels[v])
        resolve(v).then(
          (l) => setLabels((m) => ({ ...m, [v]: l })),
          () => setLabels((m) => ({ ...m, [v]: v })),
        );
  }, [values, labels, resolve]);
  return (
    <div>
      <Combobox
        {...rest}
        value={null}
        clearOnSelect
        search={search}
        onChange={(o) => {
          if (!o || values.includes(o.value)) return;
          setLabels((m) => ({ ...m, [o.value]: o.label }));
          onChange([...values, o.value]);
        }}
      />
      {values.length > 0 && (
        <ul className="essaim-chips" aria-label={`${rest.label} : choix`}>
          {values.map((v) => (
            <li key={v}>
              <Tag small>{labels[v] ?? '…'}</Tag>{' '}
              <Button
                type="button"
                size="small"
                priority="tertiary no outline"
                iconId="fr-icon-close-line"
                title={`Retirer ${labels[v] ?? v}`}
                onClick={() => onChange(values.filter((x) => x !== v))}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function RefsPicker({ resource, ...rest }: Common & { resource: DirectoryApi; values: string[]; onChange(v: string[]): void }) {
  const search = useRecordSearch(resource);
  const resolve = useCallback(async (id: string) => labelOf(resource, await call(routesOf(resource).get, { params: { id } })), [resource]);
  return <MultiPicker {...rest} search={search} resolve={resolve} />;
}

export function TerritoriesPicker(props: Common & { values: string[]; onChange(v: string[]): void }) {
  const search = useTerritorySearch();
  return <MultiPicker {...props} search={search} resolve={resolveTerritory} />;
}
