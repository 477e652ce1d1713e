import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { RefPicker, TerritoryPicker } from '../../components/pickers';
import { formatInt } from '../../lib/format';
import { useSession } from '../../lib/session';
import { urlOf } from '../../../../shared/routes/contract';
import { useCall } from '../../lib/use-api';
import { routesOf, urlQuery } from './directory-api';
import { useThemes } from '../../lib/themes';
import { useTitle } from '../../lib/use-title';
import { type FilterDef, type ResourceConfig, resourceBySlug } from './resources';
import { NotFoundPage } from '../../components/NotFoundPage';
import { OptionSelect } from '../../components/OptionSelect';
import { Tags } from '../../components/Tags';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterButtons } from '../../components/FilterButtons';

const PAGE_SIZE = 20;

export function ListPage() {
  const cfg = resourceBySlug(useParams().slug);
  if (!cfg) return <NotFoundPage />;
  return <ResourceList key={cfg.slug} cfg={cfg} />;
}

/** The query parameters this list understands, from the page's URL. */
function apiParams(cfg: ResourceConfig, params: URLSearchParams, signedIn: boolean) {
  const out = new URLSearchParams();
  for (const name of ['q', 'sort', ...cfg.filters.filter((f) => signedIn || !f.signedIn).map((f) => f.name)]) {
    const v = params.get(name);
    if (v) out.set(name, v);
  }
  return out;
}

function ResourceList({ cfg }: { cfg: ResourceConfig }) {
  useTitle(cfg.title);
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = apiParams(cfg, params, Boolean(me?.canSearchFunding));
  // Wait for the session: signed-in filters are kept only for accounts.
  const list = routesOf(cfg.api).list;
  const { data, error, loading } = useCall(list, me === undefined ? null : { query: urlQuery({ ...Object.fromEntries(query), page, pageSize: PAGE_SIZE }) });

  const [draft, setDraft] = useState<Record<string, string>>({});
  const queryKey = query.toString();
  useEffect(() => setDraft(Object.fromEntries(new URLSearchParams(queryKey))), [queryKey]);
  const set = (name: string, value: string | null) => setDraft((d) => ({ ...d, [name]: value ?? '' }));

  const apply = (next: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    setParams(p);
  };
  // On a phone the results come first; the filters open behind a « Filtres » button.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;
  const activeFilters = [...query.keys()].filter((k) => k !== 'sort').length;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
    setFiltersOpen(false);
  };
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const pageLink = (n: number) => {
    const p = new URLSearchParams(params);
    p.set('page', String(n));
    return { to: `?${p}` };
  };
  const exportHref = (format: 'csv' | 'json') => urlOf(list, { query: urlQuery({ ...Object.fromEntries(query), format }) });
  const canCreate = me?.creatable.includes(cfg.api);
  const countText = data ? `${data.totalExact ? '' : 'Plus de '}${formatInt(data.total)} résultat${data.total > 1 ? 's' : ''}` : '';

  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-grid-row--gutters">
        <div className="fr-col">
          <h1 tabIndex={-1}>{cfg.title}</h1>
          <p className="fr-text--lead">{cfg.intro}</p>
        </div>
        {canCreate && (
          <div className="fr-col-auto">
            <Button linkProps={{ to: `/${cfg.slug}/nouveau` }} iconId="fr-icon-add-line">
              {cfg.newLabel}
            </Button>
          </div>
        )}
      </div>
      {cfg.listHeader && <cfg.listHeader />}
      {deleted && <Alert severity="success" small className="fr-mb-2w" title="Fiche supprimée" description={`«\u202f${deleted}\u202f» a été supprimée.`} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-filter-line"
            className="essaim-filters-toggle"
            nativeButtonProps={{ 'aria-expanded': filtersOpen, 'aria-controls': 'filtres' }}
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {activeFilters ? `Filtres (${activeFilters})` : 'Filtres'}
          </Button>
          <form id="filtres" onSubmit={onSubmit} aria-labelledby="filtres-titre" className="essaim-filters" data-open={filtersOpen}>
            <h2 id="filtres-titre" className="fr-h5">
              Rechercher et filtrer
            </h2>
            <Input
              label="Recherche"
              hintText="Mots du nom, de la description…"
              nativeInputProps={{ type: 'search', value: draft.q ?? '', onChange: (e) => set('q', e.target.value), name: 'q' }}
            />
            {cfg.filters.map((f) =>
              f.signedIn && !me?.canSearchFunding ? null : <FilterField key={f.name} filter={f} value={draft[f.name] ?? ''} onChange={(v) => set(f.name, v)} />,
            )}
            {!me?.canSearchFunding && cfg.filters.some((f) => f.signedIn) && (
              <p className="fr-text--sm">
                {me
                  ? 'Le filtre selon le besoin de financement est réservé à l’équipe nationale et aux financeurs.'
                  : 'Connectez-vous pour filtrer selon le besoin de financement.'}
              </p>
            )}
            <FilterButtons onClear={() => apply({})} />
          </form>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <div className="fr-grid-row fr-grid-row--middle fr-grid-row--gutters">
            <div className="fr-col">
              <p className="fr-h5 fr-mb-0" role="status" aria-live="polite">
                {loading && !data ? 'Recherche en cours…' : countText}
              </p>
            </div>
            <div className="fr-col-auto">
              <OptionSelect
                label="Trier par"
                blank="Par défaut"
                options={cfg.sorts}
                nativeSelectProps={{
                  value: params.get('sort') ?? '',
                  onChange: (e) => apply({ ...Object.fromEntries(query), sort: e.target.value }),
                }}
              />
            </div>
          </div>
          <p className="fr-mt-2w">
            Exporter ces résultats&#8239;:{' '}
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={exportHref('csv')} download>
              CSV
            </a>{' '}
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={exportHref('json')} download>
              JSON
            </a>
          </p>
          {error && <ErrorAlert title="La liste n’a pas pu être chargée" error={error} className="fr-mb-2w" />}
          {data && data.items.length === 0 && <p>Aucun résultat&#8239;: élargissez la recherche ou effacez des filtres.</p>}
          <ul className="fr-raw-list" aria-busy={loading}>
            {data?.items.map((r) => (
              <li key={r.id} className="fr-mb-2w">
                <ResultCard cfg={cfg} record={r} />
              </li>
            ))}
          </ul>
          {data && pageCount > 1 && <Pagination count={pageCount} defaultPage={Math.min(page, pageCount)} getPageLinkProps={pageLink} showFirstLast />}
        </div>
      </div>
    </>
  );
}

function ResultCard({ cfg, record }: { cfg: ResourceConfig; record: Record<string, unknown> & { id: string } }) {
  const summary = cfg.summaryOf(record);
  return (
    <div className="fr-card fr-enlarge-link fr-card--horizontal fr-card--sm">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h3 className="fr-card__title">
            <Link to={`/${cfg.slug}/${record.id}`}>{cfg.titleOf(record)}</Link>
          </h3>
          {summary && <p className="fr-card__desc">{summary.length > 220 ? `${summary.slice(0, 220)}…` : summary}</p>}
          <div className="fr-card__start">
            <Tags tags={cfg.tagsOf(record)} />
          </div>
        </div>
      </div>
    </div>
  );
}

function FilterField({ filter: f, value, onChange }: { filter: FilterDef; value: string; onChange(v: string | null): void }) {
  const themes = useThemes();
  switch (f.kind) {
    case 'territory':
      return (
        <TerritoryPicker label={f.label} hint="Tapez au moins deux lettres ou un code" value={value || null} onChange={onChange} id={`filtre-${f.name}`} />
      );
    case 'ref':
      return (
        <RefPicker
          resource={f.ref as NonNullable<FilterDef['ref']>}
          label={f.label}
          hint="Tapez au moins deux lettres"
          value={value || null}
          onChange={onChange}
          id={`filtre-${f.name}`}
        />
      );
    case 'number':
      return (
        <Input
          label={f.label}
          nativeInputProps={{ type: 'number', min: 0, inputMode: 'numeric', value, onChange: (e) => onChange(e.target.value), name: f.name }}
        />
      );
    default: {
      const opts = f.kind === 'theme' ? themes.map((t) => ({ value: t.code, label: t.label })) : (f.options ?? []);
      return (
        <OptionSelect label={f.label} blank="Tous" options={opts} nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value), name: f.name }} />
      );
    }
  }
}
