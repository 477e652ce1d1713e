import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { eventRoutes } from '../../../../shared/routes/events.routes';
import type { z } from 'zod';
import type { Event, eventListQuery } from '../../../../shared/schemas/event';
import { formatParisSpan, formatParisTime, parisDay } from '../../../../shared/paris-time';
import { eventKindLabels, eventKinds, eventProgrammeLabels, eventProgrammes } from '../../../../shared/vocabulary';
import { eventPage } from '../../../../shared/web-routes';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterButtons } from '../../components/FilterButtons';
import { OptionSelect } from '../../components/OptionSelect';
import { TerritoryPicker } from '../../components/pickers';
import { Tags } from '../../components/Tags';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { eventTags, lastDay, monthLabel, monthWeeks, registeredText, shiftMonth, whereOf } from './event-format';
import { mayOrganise } from './organiser';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'programme', 'kind', 'territory', 'from', 'to'] as const;
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const kindOptions = eventKinds.map((k) => ({ value: k, label: eventKindLabels[k] }));
const programmeOptions = eventProgrammes.map((p) => ({ value: p, label: eventProgrammeLabels[p] }));

/** `/evenements`: the events, as a list or a month's calendar, with filters. */
export function EventsPage() {
  useTitle('Événements');
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const calendar = params.get('vue') === 'calendrier';
  const month = /^\d{4}-\d{2}$/.test(params.get('mois') ?? '') ? (params.get('mois') as string) : parisDay(new Date()).slice(0, 7);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters: Record<string, string> = {};
  for (const f of FILTERS) {
    const v = params.get(f);
    if (v) filters[f] = v;
  }
  // The calendar shows one month whatever the dates filter says; the list, newest first.
  const query = calendar
    ? { ...filters, from: `${month}-01`, to: lastDay(month), pageSize: 200, sort: 'startsAt' }
    : { ...filters, page, pageSize: PAGE_SIZE, sort: '-startsAt' };
  const { data, error, loading } = useCall(eventRoutes.list, me === undefined ? null : { query: query as z.input<typeof eventListQuery> });
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;

  const [draft, setDraft] = useState<Record<string, string>>({});
  const key = FILTERS.map((f) => params.get(f) ?? '').join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters' key stands for them
  useEffect(() => setDraft(filters), [key]);
  const set = (name: string, value: string | null) => setDraft((d) => ({ ...d, [name]: value ?? '' }));
  const go = (next: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    setParams(p);
  };
  const view = { ...(calendar ? { vue: 'calendrier', mois: month } : {}) };
  // On a phone the events come first; the filters open behind a « Filtres » button.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...draft, ...view });
    setFiltersOpen(false);
  };
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const count = data ? `${data.total.toLocaleString('fr-FR')} événement${data.total > 1 ? 's' : ''}${calendar ? ` en ${monthLabel(month)}` : ''}` : '';

  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-grid-row--gutters">
        <div className="fr-col">
          <h1 tabIndex={-1}>Événements</h1>
          <p className="fr-text--lead">
            Conférences Impact Finance, rencontres #ESSrelance avec les opérateurs, ateliers de coopération et hackathons du réseau.
          </p>
        </div>
        {mayOrganise(me) && (
          <div className="fr-col-auto">
            <Button linkProps={{ to: '/evenements/nouveau' }} iconId="fr-icon-add-line">
              Nouvel événement
            </Button>
          </div>
        )}
      </div>
      {deleted && <Alert severity="success" small className="fr-mb-2w" title="Événement supprimé" description={`«\u202f${deleted}\u202f» a été supprimé.`} />}
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
            {Object.keys(filters).length ? `Filtres (${Object.keys(filters).length})` : 'Filtres'}
          </Button>
          <form id="filtres" onSubmit={onSubmit} aria-labelledby="filtres-titre" className="essaim-filters" data-open={filtersOpen}>
            <h2 id="filtres-titre" className="fr-h5">
              Rechercher et filtrer
            </h2>
            <Input
              label="Recherche"
              hintText="Mots du titre, du lieu…"
              nativeInputProps={{ type: 'search', name: 'q', value: draft.q ?? '', onChange: (e) => set('q', e.target.value) }}
            />
            <OptionSelect
              label="Programme"
              blank="Tous"
              options={programmeOptions}
              nativeSelectProps={{ name: 'programme', value: draft.programme ?? '', onChange: (e) => set('programme', e.target.value) }}
            />
            <OptionSelect
              label="Type"
              blank="Tous"
              options={kindOptions}
              nativeSelectProps={{ name: 'kind', value: draft.kind ?? '', onChange: (e) => set('kind', e.target.value) }}
            />
            <TerritoryPicker
              id="filtre-territory"
              label="Territoire"
              hint="Tapez au moins deux lettres ou un code"
              value={draft.territory || null}
              onChange={(v) => set('territory', v)}
            />
            {!calendar && (
              <div className="fr-grid-row fr-grid-row--gutters">
                <div className="fr-col-6">
                  <Input label="Du" nativeInputProps={{ type: 'date', name: 'from', value: draft.from ?? '', onChange: (e) => set('from', e.target.value) }} />
                </div>
                <div className="fr-col-6">
                  <Input label="Au" nativeInputProps={{ type: 'date', name: 'to', value: draft.to ?? '', onChange: (e) => set('to', e.target.value) }} />
                </div>
              </div>
            )}
            <FilterButtons onClear={() => go(view)} />
          </form>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <SegmentedControl
            legend="Affichage"
            hideLegend
            small
            segments={[
              { label: 'Liste', iconId: 'fr-icon-list-unordered', nativeInputProps: { checked: !calendar, onChange: () => go({ ...filters }) } },
              {
                label: 'Calendrier',
                iconId: 'fr-icon-calendar-line',
                nativeInputProps: {
                  checked: calendar,
                  onChange: () => go({ ...filters, from: '', to: '', vue: 'calendrier', mois: filters.from?.slice(0, 7) ?? month }),
                },
              },
            ]}
          />
          <p className="fr-h5 fr-mt-2w fr-mb-2w" role="status" aria-live="polite">
            {loading && !data ? 'Recherche en cours…' : count}
          </p>
          {error && <ErrorAlert title="Les événements n’ont pas pu être chargés" error={error} className="fr-mb-2w" />}
          {calendar ? (
            <MonthCalendar month={month} events={data?.items ?? []} onMonth={(m) => go({ ...filters, vue: 'calendrier', mois: m })} />
          ) : (
            <>
              {data && data.items.length === 0 && <p>Aucun événement&#8239;: élargissez la recherche ou effacez des filtres.</p>}
              <ul className="fr-raw-list" aria-busy={loading}>
                {data?.items.map((e) => (
                  <li key={e.id} className="fr-mb-2w">
                    <EventCard event={e} />
                  </li>
                ))}
              </ul>
              {data && pageCount > 1 && (
                <Pagination
                  count={pageCount}
                  defaultPage={Math.min(page, pageCount)}
                  getPageLinkProps={(n) => {
                    const p = new URLSearchParams(params);
                    p.set('page', String(n));
                    return { to: `?${p}` };
                  }}
                  showFirstLast
                />
              )}
            </>
          )}
        </div>
      </div>
    </>
  );
}

function EventCard({ event: e }: { event: Event }) {
  return (
    <div className="fr-card fr-enlarge-link fr-card--horizontal fr-card--sm">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h3 className="fr-card__title">
            <Link to={eventPage(e.id)}>{e.title}</Link>
          </h3>
          <p className="fr-card__desc">
            {formatParisSpan(e.startsAt, e.endsAt)}
            <br />
            {whereOf(e)} · {registeredText(e)}
          </p>
          <div className="fr-card__start">
            <Tags tags={eventTags(e)} />
          </div>
        </div>
      </div>
    </div>
  );
}

/** One month, Monday first; an event shows on each of its days (in Paris). */
function MonthCalendar({ month, events, onMonth }: { month: string; events: Event[]; onMonth(m: string): void }) {
  const byDay = new Map<string, Event[]>();
  for (const e of events) {
    for (let day = parisDay(e.startsAt), end = parisDay(e.endsAt), guard = 0; day <= end && guard < 62; guard++) {
      byDay.set(day, [...(byDay.get(day) ?? []), e]);
      const next = new Date(`${day}T12:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      day = next.toISOString().slice(0, 10);
    }
  }
  return (
    <>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mb-1w">
        <li>
          <Button type="button" priority="secondary" iconId="fr-icon-arrow-left-s-line" onClick={() => onMonth(shiftMonth(month, -1))}>
            {monthLabel(shiftMonth(month, -1))}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" iconId="fr-icon-arrow-right-s-line" iconPosition="right" onClick={() => onMonth(shiftMonth(month, 1))}>
            {monthLabel(shiftMonth(month, 1))}
          </Button>
        </li>
      </ul>
      <div className="essaim-month">
        <table>
          <caption>Calendrier de {monthLabel(month)}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(month).map((week) => (
              <tr key={week.find(Boolean) ?? month}>
                {week.map((day, i) => {
                  const here = day ? (byDay.get(day) ?? []) : [];
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a week's seven cells
                    <td key={i} className={here.length ? 'essaim-month__busy' : 'essaim-month__free'}>
                      {day && (
                        <>
                          <span className="essaim-month__day">
                            <span className="essaim-month__weekday">{WEEKDAYS[i]} </span>
                            {Number(day.slice(8))}
                          </span>
                          <ul className="fr-raw-list">
                            {here.map((e) => (
                              <li key={e.id}>
                                <Link to={eventPage(e.id)} className="fr-link fr-text--sm">
                                  {parisDay(e.startsAt) === day ? `${formatParisTime(e.startsAt)} ` : ''}
                                  {e.title}
                                </Link>
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
