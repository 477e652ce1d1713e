import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { sponsorshipRoutes } from '../../../../shared/routes/sponsorships.routes';
import {
  type NeedStatus,
  type NeedUrgency,
  needStatuses,
  needStatusLabels,
  needUrgencies,
  needUrgencyLabels,
  type SponsorshipCategory,
  sponsorshipCategories,
  sponsorshipCategoryLabels,
} from '../../../../shared/vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OptionSelect } from '../../components/OptionSelect';
import { RefPicker, TerritoryPicker } from '../../components/pickers';
import { type ApiError, call } from '../../lib/api';
import { formatInt } from '../../lib/format';
import { isNationalTeam, useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { BASE, NeedBadges, Reasons, SponsorshipBadge, when } from './components';
import { DataTable } from '../../components/DataTable';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const categoryOptions = sponsorshipCategories.map((c) => ({ value: c, label: capitalised(sponsorshipCategoryLabels[c]) }));

/** The programme's links, shown on each of its pages according to the caller's roles. */
function ProgrammeNav() {
  const { me } = useSession();
  const team = isNationalTeam(me);
  const sponsor = me?.roles.some((r) => r.role === 'public_sponsor');
  return (
    <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mb-2w">
      <li>
        <Link className="fr-btn fr-btn--secondary" to={BASE}>
          Besoins
        </Link>
      </li>
      {sponsor && (
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`${BASE}/mon-espace`}>
            Mon espace de hacker public
          </Link>
        </li>
      )}
      {team && (
        <>
          <li>
            <Link className="fr-btn fr-btn--secondary" to={`${BASE}/propositions`}>
              Propositions à relire
            </Link>
          </li>
          <li>
            <Link className="fr-btn fr-btn--secondary" to={`${BASE}/tableau-de-bord`}>
              Tableau de bord
            </Link>
          </li>
        </>
      )}
    </ul>
  );
}
export { ProgrammeNav };

/** The needs board: the needs the caller may see, with filters; a structure states a new one. */
export function NeedsBoardPage() {
  useTitle('Hackers publics\u202f: besoins');
  const { me } = useSession();
  const [status, setStatus] = useState<NeedStatus | ''>('');
  const [category, setCategory] = useState<SponsorshipCategory | ''>('');
  const [urgency, setUrgency] = useState<NeedUrgency | ''>('');
  const needs = useCall(sponsorshipRoutes.listNeeds, {
    query: { pageSize: 100, ...(status ? { status } : {}), ...(category ? { category } : {}), ...(urgency ? { urgency } : {}) },
  });
  const canState = Boolean(me?.roles.some((r) => r.role === 'admin' || r.role === 'holder' || r.role === 'coordinator'));
  return (
    <>
      <h1 tabIndex={-1}>Hackers publics</h1>
      <p>
        Des hauts fonctionnaires parrainent des structures de l’ESS&#8239;: statuts, reconnaissance d’utilité publique, financements publics, relations avec
        l’administration… Une structure exprime son besoin, l’équipe nationale lui propose le parrain le plus adapté, qui accepte ou décline.
      </p>
      <ProgrammeNav />
      {me === null && (
        <Alert
          severity="info"
          small
          description={
            'Les besoins et les parrainages ne sont visibles que des structures concernées, de leurs parrains et de l’équipe nationale\u202f: connectez-vous.'
          }
        />
      )}
      {canState && (
        <Link className="fr-btn fr-mb-2w" to={`${BASE}/besoins/nouveau`}>
          Exprimer un besoin
        </Link>
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <OptionSelect
            label="État"
            blank="Tous les états"
            options={needStatuses.map((s) => ({ value: s, label: needStatusLabels[s] }))}
            nativeSelectProps={{ value: status, onChange: (e) => setStatus(e.target.value as NeedStatus | '') }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <OptionSelect
            label="Catégorie"
            blank="Toutes les catégories"
            options={categoryOptions}
            nativeSelectProps={{ value: category, onChange: (e) => setCategory(e.target.value as SponsorshipCategory | '') }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <OptionSelect
            label="Urgence"
            blank="Toutes les urgences"
            options={needUrgencies.map((u) => ({ value: u, label: needUrgencyLabels[u] }))}
            nativeSelectProps={{ value: urgency, onChange: (e) => setUrgency(e.target.value as NeedUrgency | '') }}
          />
        </div>
      </div>
      {needs.error && <ErrorAlert title="Les besoins ne se chargent pas" error={needs.error} />}
      {needs.loading && !needs.data && <p>Chargement…</p>}
      {needs.data && (
        <>
          <p className="fr-mt-2w" role="status">
            {needs.data.total === 0 ? 'Aucun besoin.' : `${formatInt(needs.data.total)} besoin${needs.data.total > 1 ? 's' : ''}`}
          </p>
          {needs.data.items.length > 0 && (
            <DataTable caption="Besoins de parrainage" head={['Structure', 'Besoin', 'Territoire', 'État', 'Exprimé le']}>
              {needs.data.items.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Link to={`${BASE}/besoins/${n.id}`}>{n.organisationName}</Link>
                  </td>
                  <td className="fr-cell--multiline">{n.categoryLabels.map(capitalised).join(', ')}</td>
                  <td>{n.territoryName ?? '—'}</td>
                  <td>
                    <NeedBadges status={n.status} urgency={n.urgency} />
                  </td>
                  <td>{when(n.createdAt)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </>
  );
}

/** A structure states a need: categories, description, urgency, administrations wished, territory. */
export function NeedFormPage() {
  useTitle('Exprimer un besoin de parrainage');
  const { me } = useSession();
  const navigate = useNavigate();
  const scoped = me?.roles.flatMap((r) => (r.role === 'holder' ? (r.scope ?? []) : [])) ?? [];
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [categories, setCategories] = useState<SponsorshipCategory[]>([]);
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState<NeedUrgency>('normal');
  const [administrationId, setAdministrationId] = useState<string | null>(null);
  const [territory, setTerritory] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (me === null) return <Navigate to={`/connexion?retour=${encodeURIComponent(`${BASE}/besoins/nouveau`)}`} replace />;
  const org = organisationId ?? (scoped.length === 1 ? (scoped[0] as string) : null);
  const fields = error?.fieldErrors() ?? {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const need = await call(sponsorshipRoutes.createNeed, {
        body: {
          organisationId: org ?? '',
          categories,
          description,
          urgency,
          administrationIds: administrationId ? [administrationId] : [],
          ...(territory ? { territory } : {}),
        },
      });
      navigate(`${BASE}/besoins/${need.id}`);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <h1 tabIndex={-1}>Exprimer un besoin de parrainage</h1>
      <ProgrammeNav />
      <form onSubmit={submit} noValidate>
        {error && <ErrorAlert className="fr-mb-2w" title="Le besoin n’est pas enregistré" error={error} />}
        {scoped.length !== 1 && (
          <RefPicker resource="organisations" label="Structure" value={organisationId} onChange={setOrganisationId} error={fields.organisationId} />
        )}
        <fieldset className="fr-fieldset" aria-describedby={fields.categories ? 'categories-erreur' : undefined}>
          <legend className="fr-fieldset__legend">Catégories du besoin</legend>
          <Checkbox
            className="fr-fieldset__element"
            state={fields.categories ? 'error' : 'default'}
            stateRelatedMessage={fields.categories}
            options={categoryOptions.map((o) => ({
              label: o.label,
              nativeInputProps: {
                name: 'categories',
                value: o.value,
                checked: categories.includes(o.value),
                onChange: (e) => setCategories((cs) => (e.target.checked ? [...cs, o.value] : cs.filter((c) => c !== o.value))),
              },
            }))}
          />
        </fieldset>
        <Input
          label="Description"
          hintText="Ce que la structure attend d’un parrain, et où elle en est."
          textArea
          state={fields.description ? 'error' : 'default'}
          stateRelatedMessage={fields.description}
          nativeTextAreaProps={{ value: description, onChange: (e) => setDescription(e.target.value), rows: 4 }}
        />
        <OptionSelect
          label="Urgence"
          blank="Normale"
          options={needUrgencies.filter((u) => u !== 'normal').map((u) => ({ value: u, label: needUrgencyLabels[u] }))}
          nativeSelectProps={{ value: urgency === 'normal' ? '' : urgency, onChange: (e) => setUrgency((e.target.value || 'normal') as NeedUrgency) }}
        />
        <RefPicker
          resource="organisations"
          label="Administration souhaitée (facultatif)"
          hint="Une administration que la structure aimerait voir à ses côtés."
          value={administrationId}
          onChange={setAdministrationId}
          error={fields.administrationIds}
        />
        <TerritoryPicker
          label="Territoire (facultatif)"
          hint="Par défaut, le département de la structure."
          value={territory}
          onChange={setTerritory}
          error={fields.territory}
        />
        <Button type="submit" disabled={busy} className="fr-mt-2w">
          Enregistrer le besoin
        </Button>
      </form>
    </>
  );
}

/** A need: its description, its sponsorships, and for the national team the ranked candidates with their reasons. */
export function NeedPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const need = useCall(sponsorshipRoutes.getNeed, { params: { id } });
  const team = isNationalTeam(me);
  const candidates = useCall(sponsorshipRoutes.candidates, team ? { params: { id } } : null);
  const history = useCall(sponsorshipRoutes.list, { query: { need: id, pageSize: 50 } });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  useTitle(need.data ? `Besoin de ${need.data.organisationName}` : 'Besoin de parrainage');
  if (need.error) return <ErrorAlert title="Ce besoin n’est pas accessible" error={need.error} />;
  if (!need.data) return <p>Chargement…</p>;
  const n = need.data;
  async function proposeNow() {
    setBusy(true);
    try {
      await call(sponsorshipRoutes.propose, { body: { needIds: [id], review: true } });
      need.reload();
      history.reload();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <h1 tabIndex={-1}>Besoin de {n.organisationName}</h1>
      <ProgrammeNav />
      <p>
        <NeedBadges status={n.status} urgency={n.urgency} />
      </p>
      <dl className="essaim-facts">
        <dt>Catégories</dt>
        <dd>{n.categoryLabels.map(capitalised).join(', ')}</dd>
        <dt>Territoire</dt>
        <dd>{n.territoryName ?? '—'}</dd>
        <dt>Administrations souhaitées</dt>
        <dd>{n.administrationNames.join(', ') || 'Aucune en particulier'}</dd>
        <dt>Exprimé le</dt>
        <dd>{when(n.createdAt)}</dd>
      </dl>
      {n.description && <p>{n.description}</p>}
      {error && <ErrorAlert title="La proposition n’est pas faite" error={error} />}
      <h2>Parrainages</h2>
      {history.data && history.data.items.length === 0 && <p>Aucun parrain proposé pour l’instant.</p>}
      {history.data && history.data.items.length > 0 && (
        <ul>
          {history.data.items.map((s) => (
            <li key={s.id}>
              <Link to={`${BASE}/parrainages/${s.id}`}>{s.sponsorName}</Link> ({s.administrationName ?? 'administration non renseignée'}){' '}
              <SponsorshipBadge status={s.status} />
            </li>
          ))}
        </ul>
      )}
      {team && (
        <>
          <h2>Parrains possibles</h2>
          {n.status === 'open' && (
            <Button onClick={proposeNow} disabled={busy} className="fr-mb-2w">
              Préparer une proposition
            </Button>
          )}
          {candidates.error && <ErrorAlert title="Les parrains possibles ne se chargent pas" error={candidates.error} />}
          {candidates.data && candidates.data.items.length === 0 && <p>Aucun hacker public disponible n’a l’expertise demandée.</p>}
          {candidates.data && candidates.data.items.length > 0 && (
            <DataTable caption="Parrains possibles, les mieux placés d’abord" head={['Hacker public', 'Administration', 'Raisons', 'Places libres']}>
              {candidates.data.items.slice(0, 10).map((c) => (
                <tr key={c.sponsorPersonId}>
                  <td>
                    <Link to={`/personnes/${c.sponsorPersonId}`}>{c.sponsorName}</Link>
                  </td>
                  <td>{c.administrationName ?? '—'}</td>
                  <td className="fr-cell--multiline">
                    <Reasons score={c.score} reasons={c.reasons} />
                  </td>
                  <td>{c.remainingCapacity}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </>
  );
}
