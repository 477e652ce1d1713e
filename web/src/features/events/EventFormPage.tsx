import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { directoryRoutesByResource } from '../../../../shared/routes/directory.routes';
import { eventRoutes } from '../../../../shared/routes/events.routes';
import type { Event } from '../../../../shared/schemas/event';
import { parisDay, parisInstant, parisTime } from '../../../../shared/paris-time';
import { eventKindLabels, eventKinds, eventProgrammeLabels, eventProgrammes } from '../../../../shared/vocabulary';
import { eventPage } from '../../../../shared/web-routes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { NotFoundPage } from '../../components/NotFoundPage';
import { OptionSelect } from '../../components/OptionSelect';
import { RefPicker, TerritoryPicker } from '../../components/pickers';
import { ApiError, call } from '../../lib/api';
import { isNationalTeam, type Me, useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { mayOrganise, organiserScopes } from './organiser';

type Values = Record<string, string | boolean>;

const FIELD_LABELS: Record<string, string> = {
  kind: 'Type',
  programme: 'Programme',
  title: 'Titre',
  description: 'Description',
  startsAt: 'Début',
  endsAt: 'Fin',
  place: 'Lieu',
  onlineUrl: 'Lien de connexion',
  organiserOrganisationId: 'Organisation',
  capacity: 'Capacité',
};

/** `/evenements/nouveau` and `/evenements/{id}/modifier`: the organiser's form. */
export function EventFormPage() {
  const { id } = useParams();
  return id ? <EditEvent key={id} id={id} /> : <EventForm />;
}

function EditEvent({ id }: { id: string }) {
  const { me } = useSession();
  const { data, error } = useCall(eventRoutes.get, me === undefined ? null : { params: { id } });
  if (error?.status === 404) return <NotFoundPage />;
  if (error) return <ErrorAlert title="Cet événement n’a pas pu être chargé" error={error} />;
  if (!data) return <p role="status">Chargement…</p>;
  return <EventForm event={data} />;
}

function initial(e?: Event): Values {
  return {
    kind: e?.kind ?? '',
    programme: e?.programme ?? '',
    title: e?.title ?? '',
    description: e?.description ?? '',
    startDay: e ? parisDay(e.startsAt) : '',
    startTime: e ? parisTime(e.startsAt) : '09:00',
    endDay: e ? parisDay(e.endsAt) : '',
    endTime: e ? parisTime(e.endsAt) : '17:00',
    address: e?.place?.address ?? '',
    communeCode: e?.place?.communeCode ?? '',
    onlineUrl: e?.onlineUrl ?? '',
    organiserOrganisationId: e?.organiserOrganisationId ?? '',
    capacity: e?.capacity ? String(e.capacity) : '',
    registrationOpen: e?.registrationOpen ?? true,
    public: e?.public ?? true,
  };
}

/** A day and a time in Paris as the API's instant; left as typed when incomplete, for the API to say what is missing. */
function instant(day: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return `${day} ${time}`.trim();
  return parisInstant(day, time).toISOString();
}

function toBody(v: Values) {
  const s = (k: string) => String(v[k] ?? '').trim();
  const capacity = s('capacity');
  return {
    kind: s('kind'),
    programme: s('programme'),
    title: s('title'),
    description: String(v.description ?? ''),
    startsAt: instant(s('startDay'), s('startTime')),
    endsAt: instant(s('endDay') || s('startDay'), s('endTime')),
    place: s('address') || s('communeCode') ? { address: s('address'), communeCode: s('communeCode') } : null,
    onlineUrl: s('onlineUrl') || null,
    organiserOrganisationId: s('organiserOrganisationId') || null,
    capacity: capacity ? (Number.isFinite(Number(capacity)) ? Number(capacity) : capacity) : null,
    registrationOpen: v.registrationOpen === true,
    public: v.public === true,
  };
}

/** The structures an account may organise for, by name (for its select). */
function useOrganiserChoices(me: Me | null | undefined) {
  const [choices, setChoices] = useState<Array<{ value: string; label: string }>>([]);
  const scopes = organiserScopes(me).join(',');
  useEffect(() => {
    let alive = true;
    Promise.all(
      scopes
        .split(',')
        .filter(Boolean)
        .map(async (id) => ({ value: id, label: (await call(directoryRoutesByResource.organisations.get, { params: { id } })).name })),
    ).then(
      (c) => alive && setChoices(c),
      () => alive && setChoices([]),
    );
    return () => {
      alive = false;
    };
  }, [scopes]);
  return choices;
}

function EventForm({ event }: { event?: Event }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const title = event ? `Modifier «\u202f${event.title}\u202f»` : 'Nouvel événement';
  useTitle(title);
  const [values, setValues] = useState<Values>(() => initial(event));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const organisers = useOrganiserChoices(me);
  const set = (k: string, v: string | boolean) => setValues((s) => ({ ...s, [k]: v }));

  if (me === null)
    return (
      <Alert
        severity="info"
        title="Connexion requise"
        description={
          <>
            <Link to={`/connexion?retour=${encodeURIComponent(window.location.pathname)}`}>Connectez-vous</Link> pour créer ou modifier un événement.
          </>
        }
      />
    );
  if (me && !(event ? event.actions.includes('update') : mayOrganise(me)))
    return <Alert severity="warning" title="Action non autorisée" description="Seul l’organisateur d’un événement le crée ou le modifie." />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    setGeneral(undefined);
    try {
      const body = toBody(values) as Parameters<typeof call<typeof eventRoutes.create>>[1]['body'];
      const saved = event ? await call(eventRoutes.update, { params: { id: event.id }, body }) : await call(eventRoutes.create, { body });
      navigate(eventPage(saved.id), { state: { saved: true } });
    } catch (err) {
      const apiError = err instanceof ApiError ? err : undefined;
      setErrors(apiError?.fieldErrors() ?? {});
      setGeneral(apiError?.message ?? String(err));
      setTimeout(() => summaryRef.current?.focus(), 0);
    } finally {
      setSaving(false);
    }
  };
  const err = (k: string) => errors[k];
  const text = (k: string, label: string, extra: { hint?: string; type?: string; required?: boolean; error?: string | undefined } = {}) => (
    <Input
      label={`${label}${extra.required ? ' *' : ''}`}
      hintText={extra.hint}
      state={extra.error ? 'error' : 'default'}
      stateRelatedMessage={extra.error}
      nativeInputProps={{
        id: `champ-${k}`,
        name: k,
        type: extra.type ?? 'text',
        value: String(values[k] ?? ''),
        onChange: (e) => set(k, e.target.value),
        'aria-invalid': extra.error ? true : undefined,
      }}
    />
  );
  const checkbox = (k: string, label: ReactNode) => (
    <div className="fr-checkbox-group fr-mb-3w">
      <input type="checkbox" id={`champ-${k}`} name={k} checked={values[k] === true} onChange={(e) => set(k, e.target.checked)} />
      <label className="fr-label" htmlFor={`champ-${k}`}>
        {label}
      </label>
    </div>
  );

  return (
    <>
      <Breadcrumb
        currentPageLabel={event ? 'Modifier' : 'Nouvel événement'}
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: 'Événements', linkProps: { to: '/evenements' } },
          ...(event ? [{ label: event.title, linkProps: { to: eventPage(event.id) } }] : []),
        ]}
      />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="fr-text--sm">
        Les champs marqués d’un astérisque (*) sont obligatoires. Les heures sont celles de Paris. Un événement passé peut être enregistré pour garder sa trace.
      </p>
      <div ref={summaryRef} tabIndex={-1}>
        {general && (
          <Alert
            severity="error"
            title="L’événement n’est pas enregistré"
            className="fr-mb-3w"
            description={
              <>
                {general}
                {Object.keys(errors).length > 0 && (
                  <ul>
                    {Object.entries(errors).map(([k, m]) => (
                      <li key={k}>
                        <a href={`#champ-${k === 'place' ? 'address' : k === 'startsAt' ? 'startDay' : k === 'endsAt' ? 'endDay' : k}`}>
                          {FIELD_LABELS[k] ?? k}&#8239;: {m}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            }
          />
        )}
      </div>
      <form onSubmit={submit} noValidate className="fr-col-12 fr-col-md-8">
        <OptionSelect
          label="Type *"
          blank="Choisir…"
          options={eventKinds.map((k) => ({ value: k, label: eventKindLabels[k] }))}
          state={err('kind') ? 'error' : 'default'}
          stateRelatedMessage={err('kind')}
          nativeSelectProps={{ id: 'champ-kind', name: 'kind', value: String(values.kind), onChange: (e) => set('kind', e.target.value) }}
        />
        <OptionSelect
          label="Programme *"
          blank="Choisir…"
          options={eventProgrammes.map((p) => ({ value: p, label: eventProgrammeLabels[p] }))}
          state={err('programme') ? 'error' : 'default'}
          stateRelatedMessage={err('programme')}
          nativeSelectProps={{ id: 'champ-programme', name: 'programme', value: String(values.programme), onChange: (e) => set('programme', e.target.value) }}
        />
        {text('title', 'Titre', { required: true, error: err('title') })}
        <Input
          label="Description"
          textArea
          state={err('description') ? 'error' : 'default'}
          stateRelatedMessage={err('description')}
          nativeTextAreaProps={{
            id: 'champ-description',
            name: 'description',
            rows: 5,
            value: String(values.description),
            onChange: (e) => set('description', e.target.value),
          }}
        />
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Dates (heure de Paris)</legend>
          <div className="fr-fieldset__element fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-sm-7">{text('startDay', 'Jour de début', { type: 'date', required: true, error: err('startsAt') })}</div>
            <div className="fr-col-12 fr-col-sm-5">{text('startTime', 'Heure de début', { type: 'time', required: true })}</div>
            <div className="fr-col-12 fr-col-sm-7">
              {text('endDay', 'Jour de fin', { type: 'date', hint: 'Le jour de début s’il est laissé vide', error: err('endsAt') })}
            </div>
            <div className="fr-col-12 fr-col-sm-5">{text('endTime', 'Heure de fin', { type: 'time', required: true })}</div>
          </div>
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">
            Lieu ou lien
            <span className="fr-hint-text">Un lieu (adresse et commune), un lien de connexion, ou les deux.</span>
          </legend>
          <div className="fr-fieldset__element">{text('address', 'Adresse', { error: err('place') })}</div>
          <div className="fr-fieldset__element">
            <TerritoryPicker
              id="champ-communeCode"
              communeOnly
              label="Commune"
              hint="Tapez au moins deux lettres, un code postal ou le code INSEE"
              value={String(values.communeCode) || null}
              onChange={(v) => set('communeCode', v ?? '')}
            />
          </div>
          <div className="fr-fieldset__element">
            {text('onlineUrl', 'Lien de connexion', { type: 'url', hint: 'Commençant par https://', error: err('onlineUrl') })}
          </div>
        </fieldset>
        {isNationalTeam(me) ? (
          <RefPicker
            id="champ-organiserOrganisationId"
            resource="organisations"
            label="Structure organisatrice"
            hint="Laissez vide si l’équipe nationale organise"
            error={err('organiserOrganisationId')}
            value={String(values.organiserOrganisationId) || null}
            onChange={(v) => set('organiserOrganisationId', v ?? '')}
          />
        ) : (
          <OptionSelect
            label="Structure organisatrice *"
            blank="Choisir…"
            options={organisers}
            state={err('organiserOrganisationId') ? 'error' : 'default'}
            stateRelatedMessage={err('organiserOrganisationId')}
            nativeSelectProps={{
              id: 'champ-organiserOrganisationId',
              name: 'organiserOrganisationId',
              value: String(values.organiserOrganisationId),
              onChange: (e) => set('organiserOrganisationId', e.target.value),
            }}
          />
        )}
        {text('capacity', 'Capacité (nombre de places)', { hint: 'Vide\u202f: sans limite', error: err('capacity') })}
        {checkbox('registrationOpen', 'Inscriptions ouvertes')}
        {checkbox('public', 'Événement public (visible sans connexion)')}
        <FormButtons submit="Enregistrer" busy={saving} cancelTo={event ? eventPage(event.id) : '/evenements'} />
      </form>
    </>
  );
}
