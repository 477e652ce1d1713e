import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { type FormEvent, useEffect, useState } from 'react';
import { directoryRoutesByResource } from '../../../../shared/routes/directory.routes';
import { eventRoutes } from '../../../../shared/routes/events.routes';
import type { Event, Registration, RegistrationInput } from '../../../../shared/schemas/event';
import {
  type RegistrationRole,
  type RegistrationStatus,
  registrationRoleLabels,
  registrationRoles,
  registrationStatusLabels,
} from '../../../../shared/vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OptionSelect } from '../../components/OptionSelect';
import { RefPicker } from '../../components/pickers';
import { ApiError, call } from '../../lib/api';
import type { Me } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { scopesOf } from './organiser';

/** Who a registration is, as a list names it: the project or the fund, else the person, else the structure. */
const nameOf = (r: Registration) => r.projectTitle ?? r.fundName ?? r.personName ?? r.organisationName ?? '—';
const detailOf = (r: Registration) =>
  [
    r.projectTitle || r.fundName ? r.organisationName : null,
    r.projectTitle || r.fundName ? r.personName : r.personName ? r.organisationName : null,
    r.meetingNoShows > 0 ? `${r.meetingNoShows} rendez-vous manqué${r.meetingNoShows > 1 ? 's' : ''}` : null,
  ]
    .filter(Boolean)
    .join(' — ');

/**
 * The registrations part of an event's page: the organiser's list (register
 * anyone, check in, print); a participant's own registrations and the form to
 * register themself, their project or their fund.
 */
export function Registrations({ event, me, onChange }: { event: Event; me: Me; onChange(): void }) {
  const { data, error, reload } = useCall(eventRoutes.registrations, { params: { id: event.id } });
  const changed = () => {
    reload();
    onChange();
  };
  if (error) return <ErrorAlert title="Les inscriptions n’ont pas pu être chargées" error={error} />;
  if (!data) return <p role="status">Chargement des inscriptions…</p>;
  if (data.all) return <OrganiserRegistrations event={event} items={data.items} onChange={changed} />;
  return (
    <section className="fr-mt-4w">
      <h2 className="fr-h4">Mes inscriptions</h2>
      {data.items.length === 0 ? (
        <p>Vous n’êtes pas inscrit à cet événement.</p>
      ) : (
        <ul className="fr-raw-list">
          {data.items.map((r) => (
            <li key={r.id} className="fr-mb-1w">
              <OwnRegistration registration={r} onChange={changed} />
            </li>
          ))}
        </ul>
      )}
      {event.actions.includes('register') ? (
        <RegisterForm event={event} me={me} onDone={changed} />
      ) : (
        <p className="fr-text--sm">Les inscriptions à cet événement sont closes.</p>
      )}
    </section>
  );
}

/** Change a registration's status; its error (in French, from the API) for the page to show. */
function useSetStatus(onChange: () => void) {
  const [error, setError] = useState<string>();
  const setStatus = async (r: Registration, status: RegistrationStatus) => {
    setError(undefined);
    try {
      await call(eventRoutes.updateRegistration, { params: { id: r.eventId, rid: r.id }, body: { status } });
      onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return { error, setStatus };
}

function OwnRegistration({ registration: r, onChange }: { registration: Registration; onChange(): void }) {
  const { error, setStatus } = useSetStatus(onChange);
  return (
    <div className="fr-grid-row fr-grid-row--middle fr-grid-row--gutters">
      <div className="fr-col">
        <strong>{nameOf(r)}</strong> — {registrationRoleLabels[r.role]}, {registrationStatusLabels[r.status].toLowerCase()}
        {r.maxMeetings ? ` (jusqu’à ${r.maxMeetings} rendez-vous)` : ''}
      </div>
      {r.status === 'registered' && r.actions.includes('cancel') && (
        <div className="fr-col-auto">
          <Button size="small" priority="secondary" onClick={() => void setStatus(r, 'cancelled')}>
            Annuler l’inscription<span className="fr-sr-only"> de {nameOf(r)}</span>
          </Button>
        </div>
      )}
      {error && <Alert severity="error" small description={error} className="fr-col-12" />}
    </div>
  );
}

interface Choice {
  key: string;
  label: string;
  body: RegistrationInput;
}

/** What a person may register by themself: themself, their projects (holder), their funds (investor), as an advisor. */
function useChoices(me: Me): Choice[] | undefined {
  const [choices, setChoices] = useState<Choice[]>();
  const holderOf = scopesOf(me, 'holder').join(',');
  const investorOf = scopesOf(me, 'investor').join(',');
  useEffect(() => {
    let alive = true;
    (async () => {
      const projects = (
        await Promise.all(
          holderOf
            .split(',')
            .filter(Boolean)
            .map(async (o) =>
              (
                await call(directoryRoutesByResource.projects.list, { query: { organisation: o, pageSize: 50 } })
              ).items.filter((p) => p.leadOrganisationId === o),
            ),
        )
      ).flat();
      const funds = (
        await Promise.all(
          investorOf
            .split(',')
            .filter(Boolean)
            .map(async (m) => (await call(directoryRoutesByResource.funds.list, { query: { manager: m, pageSize: 50 } })).items),
        )
      ).flat();
      const out: Choice[] = [
        ...projects.map((p) => ({ key: `project-${p.id}`, label: `Mon projet «\u202f${p.title}\u202f»`, body: { role: 'project' as const, projectId: p.id } })),
        ...funds.map((f) => ({ key: `fund-${f.id}`, label: `Mon fonds «\u202f${f.name}\u202f»`, body: { role: 'investor' as const, fundId: f.id } })),
        ...(me.personId ? [{ key: 'attendee', label: 'Moi-même, comme participant', body: { role: 'attendee' as const } }] : []),
        ...(me.personId && me.roles.some((r) => r.role === 'advisor')
          ? [{ key: 'advisor', label: 'Moi-même, comme accompagnateur', body: { role: 'advisor' as const } }]
          : []),
      ];
      if (alive) setChoices(out);
    })().catch(() => alive && setChoices([]));
    return () => {
      alive = false;
    };
  }, [holderOf, investorOf, me.personId, me.roles]);
  return choices;
}

function RegisterForm({ event, me, onDone }: { event: Event; me: Me; onDone(): void }) {
  const choices = useChoices(me);
  const [chosen, setChosen] = useState<string>();
  const [maxMeetings, setMaxMeetings] = useState('');
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  const [busy, setBusy] = useState(false);
  if (!choices) return <p role="status">Chargement…</p>;
  if (choices.length === 0)
    return (
      <p>
        Votre compte n’est lié à aucune fiche de personne, ni à un projet ou un fonds&#8239;: demandez à l’équipe nationale de l’y relier pour vous inscrire.
      </p>
    );
  const choice = choices.find((c) => c.key === chosen) ?? choices[0];
  const meetings = event.programme === 'impact-finance' && (choice?.body.role === 'project' || choice?.body.role === 'investor');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice) return;
    setBusy(true);
    try {
      const body = { ...choice.body, ...(meetings && maxMeetings.trim() ? { maxMeetings: Number(maxMeetings) } : {}) };
      await call(eventRoutes.register, { params: { id: event.id }, body });
      setResult({ ok: true, message: `Inscription enregistrée\u202f: ${choice.label.replace(/^Mon |^Moi-même, /, '')}.` });
      onDone();
    } catch (err) {
      setResult({ ok: false, message: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="fr-mt-3w">
      <h3 className="fr-h5">S’inscrire</h3>
      <RadioButtons
        legend="Qui inscrire&#8239;?"
        name="qui"
        options={choices.map((c) => ({
          label: c.label,
          nativeInputProps: { value: c.key, checked: c.key === choice?.key, onChange: () => setChosen(c.key) },
        }))}
      />
      {meetings && (
        <Input
          label="Nombre maximum de rendez-vous (facultatif)"
          hintText="Les rendez-vous bilatéraux de la conférence"
          nativeInputProps={{ type: 'text', inputMode: 'numeric', name: 'maxMeetings', value: maxMeetings, onChange: (e) => setMaxMeetings(e.target.value) }}
        />
      )}
      <Button type="submit" disabled={busy}>
        {busy ? 'Inscription…' : 'S’inscrire'}
      </Button>
      {result && (
        <Alert className="fr-mt-2w" severity={result.ok ? 'success' : 'error'} small description={result.message} role={result.ok ? 'status' : 'alert'} />
      )}
    </form>
  );
}

const roleOptions = registrationRoles.map((r) => ({ value: r, label: registrationRoleLabels[r] }));

/** The organiser's part: everyone registered, attendance marked in a click, a printable check-in list, and a form to register anyone. */
function OrganiserRegistrations({ event, items, onChange }: { event: Event; items: Registration[]; onChange(): void }) {
  const { error, setStatus: mark } = useSetStatus(onChange);
  const live = items.filter((r) => r.status !== 'cancelled');
  const attended = items.filter((r) => r.status === 'attended').length;
  return (
    <section className="fr-mt-4w essaim-checkin">
      <div className="fr-grid-row fr-grid-row--middle fr-grid-row--gutters">
        <div className="fr-col">
          <h2 className="fr-h4 fr-mb-0">Liste d’émargement</h2>
          <p className="fr-mb-0" role="status">
            {live.length} inscription{live.length > 1 ? 's' : ''}, {attended} présence{attended > 1 ? 's' : ''} enregistrée{attended > 1 ? 's' : ''}
          </p>
        </div>
        <div className="fr-col-auto">
          <Button priority="secondary" iconId="fr-icon-printer-line" onClick={() => window.print()}>
            Imprimer la liste
          </Button>
        </div>
      </div>
      {error && <Alert severity="error" small description={error} className="fr-my-2w" />}
      <div className="fr-table fr-table--bordered fr-mt-2w essaim-checkin-table">
        <table>
          <caption className="fr-sr-only">Inscriptions à «&#8239;{event.title}&#8239;» et présence</caption>
          <thead>
            <tr>
              <th scope="col">Inscrit</th>
              <th scope="col">Rôle</th>
              <th scope="col">Statut</th>
              <th scope="col">Présence</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>
                  <strong>{nameOf(r)}</strong>
                  {detailOf(r) && (
                    <>
                      <br />
                      <span className="fr-text--sm">{detailOf(r)}</span>
                    </>
                  )}
                </td>
                <td>
                  <span className="essaim-cell-label">Rôle&#8239;: </span>
                  {registrationRoleLabels[r.role]}
                </td>
                <td>
                  <span className="essaim-cell-label">Statut&#8239;: </span>
                  {registrationStatusLabels[r.status]}
                </td>
                <td>
                  <span className="essaim-print-only essaim-signature" aria-hidden="true" />
                  {r.actions.includes('checkIn') && (
                    <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                      <li>
                        <Button
                          size="small"
                          priority={r.status === 'attended' ? 'primary' : 'secondary'}
                          nativeButtonProps={{ 'aria-pressed': r.status === 'attended' }}
                          onClick={() => void mark(r, 'attended')}
                        >
                          Présent<span className="fr-sr-only"> : {nameOf(r)}</span>
                        </Button>
                      </li>
                      <li>
                        <Button
                          size="small"
                          priority={r.status === 'no_show' ? 'primary' : 'secondary'}
                          nativeButtonProps={{ 'aria-pressed': r.status === 'no_show' }}
                          onClick={() => void mark(r, 'no_show')}
                        >
                          Absent<span className="fr-sr-only"> : {nameOf(r)}</span>
                        </Button>
                      </li>
                      {r.status !== 'cancelled' && (
                        <li>
                          <Button size="small" priority="tertiary" onClick={() => void mark(r, 'cancelled')}>
                            Annuler<span className="fr-sr-only"> l’inscription de {nameOf(r)}</span>
                          </Button>
                        </li>
                      )}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {items.length === 0 && <p>Personne n’est encore inscrit.</p>}
      <OrganiserRegisterForm event={event} onDone={onChange} />
    </section>
  );
}

function OrganiserRegisterForm({ event, onDone }: { event: Event; onDone(): void }) {
  const [role, setRole] = useState<RegistrationRole>('attendee');
  const [who, setWho] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  const resource = role === 'project' ? 'projects' : role === 'investor' ? 'funds' : 'people';
  const label = role === 'project' ? 'Projet' : role === 'investor' ? 'Fonds' : 'Personne';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!who) {
      setResult({ ok: false, message: `Choisissez ${role === 'project' ? 'le projet' : role === 'investor' ? 'le fonds' : 'la personne'} à inscrire.` });
      return;
    }
    const body: RegistrationInput =
      role === 'project' ? { role, projectId: who, personId: null } : role === 'investor' ? { role, fundId: who, personId: null } : { role, personId: who };
    try {
      await call(eventRoutes.register, { params: { id: event.id }, body });
      setResult({ ok: true, message: 'Inscription enregistrée.' });
      setWho(null);
      onDone();
    } catch (err) {
      setResult({ ok: false, message: err instanceof ApiError ? err.message : String(err) });
    }
  };
  return (
    <form onSubmit={submit} className="fr-mt-4w fr-col-12 fr-col-md-8">
      <h3 className="fr-h5">Inscrire quelqu’un</h3>
      <OptionSelect
        label="Rôle"
        blank="Choisir…"
        options={roleOptions}
        nativeSelectProps={{
          name: 'role',
          value: role,
          onChange: (e) => {
            setRole((e.target.value || 'attendee') as RegistrationRole);
            setWho(null);
          },
        }}
      />
      <RefPicker key={resource} id="inscrire-qui" resource={resource} label={label} hint="Tapez au moins deux lettres" value={who} onChange={setWho} />
      <Button type="submit">Inscrire</Button>
      {result && (
        <Alert className="fr-mt-2w" severity={result.ok ? 'success' : 'error'} small description={result.message} role={result.ok ? 'status' : 'alert'} />
      )}
    </form>
  );
}
