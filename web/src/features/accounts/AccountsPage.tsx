import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Account } from '../../../../shared/schemas/account';
import { type RoleName, roleLabels, roleNames, roleScope } from '../../../../shared/vocabulary';
import { FormButtons } from '../../components/FormButtons';
import { OptionSelect } from '../../components/OptionSelect';
import { RefsPicker } from '../../components/pickers';
import { accountRoutes } from '../../../../shared/routes/accounts.routes';
import { ApiError, call } from '../../lib/api';
import { formatDate, formatInt } from '../../lib/format';
import { isNationalTeam, useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { ErrorAlert } from '../../components/ErrorAlert';

const describeRoles = (a: Account) =>
  a.roles.length ? a.roles.map((r) => `${roleLabels[r.role]}${r.scope?.length ? ` (${r.scope.length})` : ''}`).join(', ') : 'aucun rôle';

/** Only the national team sees these pages (the API refuses everyone else). */
function useAdminGate() {
  const { me } = useSession();
  if (me === undefined) return <p role="status">Chargement…</p>;
  if (me === null) return <Alert severity="info" title="Connexion requise" description={<Link to="/connexion?retour=%2Fcomptes">Connectez-vous</Link>} />;
  if (!isNationalTeam(me))
    return <Alert severity="warning" title="Action non autorisée" description="La gestion des comptes est réservée à l’équipe nationale." />;
  return null;
}

export function AccountsPage() {
  useTitle('Comptes');
  const gate = useAdminGate();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  // The page's URL carries the filters as typed; the API checks them.
  const list = useCall(
    accountRoutes.list,
    gate ? null : { query: { pageSize: 100, q: params.get('q') ?? undefined, role: (params.get('role') ?? undefined) as RoleName | undefined } },
  );
  if (gate) return gate;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const p = new URLSearchParams(params);
    if (q) p.set('q', q);
    else p.delete('q');
    setParams(p);
  };
  return (
    <>
      <h1 tabIndex={-1}>Comptes</h1>
      <p className="fr-text--lead">Qui peut faire quoi dans Essaim. Les comptes ouverts par ProConnect arrivent sans rôle&#8239;: donnez-leur le leur ici.</p>
      <form onSubmit={onSubmit} className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-3w">
        <div className="fr-col-12 fr-col-md-5">
          <Input label="Recherche" hintText="E-mail ou nom" nativeInputProps={{ type: 'search', value: q, onChange: (e) => setQ(e.target.value) }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <OptionSelect
            label="Rôle"
            blank="Tous"
            options={roleNames.map((r) => ({ value: r, label: roleLabels[r] }))}
            nativeSelectProps={{
              value: params.get('role') ?? '',
              onChange: (e) => {
                const p = new URLSearchParams(params);
                if (e.target.value) p.set('role', e.target.value);
                else p.delete('role');
                setParams(p);
              },
            }}
          />
        </div>
        <div className="fr-col-auto fr-mb-3w">
          <Button type="submit" iconId="fr-icon-search-line">
            Rechercher
          </Button>
        </div>
      </form>
      {list.error && <ErrorAlert title="La liste n’a pas pu être chargée" error={list.error} />}
      <p role="status">{list.data ? `${formatInt(list.data.total)} compte${list.data.total > 1 ? 's' : ''}` : 'Chargement…'}</p>
      {list.data && list.data.items.length > 0 && (
        <div className="fr-table">
          <table>
            <caption>Comptes et rôles</caption>
            <thead>
              <tr>
                <th scope="col">Compte</th>
                <th scope="col">Nom</th>
                <th scope="col">Rôles</th>
                <th scope="col">ProConnect</th>
                <th scope="col">Ouvert le</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/comptes/${a.id}`}>{a.email}</Link>
                  </td>
                  <td>{a.name ?? '—'}</td>
                  <td>{describeRoles(a)}</td>
                  <td>{a.identities.length ? a.identities.map((i) => (i.siret ? `SIRET ${i.siret}` : 'oui')).join(', ') : '—'}</td>
                  <td>{formatDate(a.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

type Draft = Partial<Record<RoleName, string[]>>;

export function AccountRolesPage() {
  const { id } = useParams();
  const gate = useAdminGate();
  const navigate = useNavigate();
  const account = useCall(accountRoutes.get, gate || !id ? null : { params: { id } });
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  useTitle(account.data ? `Rôles de ${account.data.email}` : 'Compte');
  useEffect(() => {
    if (account.data) setDraft(Object.fromEntries(account.data.roles.map((r) => [r.role, r.scope ?? []])));
  }, [account.data]);
  if (gate) return gate;
  if (account.error) return <ErrorAlert title="Ce compte n’a pas pu être chargé" error={account.error} />;
  if (!account.data || !draft) return <p role="status">Chargement…</p>;
  const a = account.data;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setGeneral(undefined);
    const roles = roleNames.filter((r) => draft[r]).map((r) => (roleScope[r] ? { role: r, scope: draft[r] ?? [] } : { role: r }));
    try {
      await call(accountRoutes.setRoles, { params: { id: a.id }, body: { roles } });
      navigate('/comptes');
    } catch (err) {
      const apiError = err instanceof ApiError ? err : undefined;
      // roles.<i>.scope… → the i-th role sent
      const byRole: Record<string, string> = {};
      for (const d of apiError?.details ?? []) {
        const i = Number(d.path.split('.')[1]);
        const name = roles[i]?.role ?? '_';
        byRole[name] = byRole[name] ? `${byRole[name]} ; ${d.message}` : d.message;
      }
      setErrors(byRole);
      setGeneral(apiError?.message ?? String(err));
    }
  };
  return (
    <>
      <Breadcrumb currentPageLabel={a.email} segments={[{ label: 'Comptes', linkProps: { to: '/comptes' } }]} />
      <h1 tabIndex={-1}>Rôles de {a.email}</h1>
      <p>
        {a.name ?? 'Sans fiche de personne'}
        {a.identities.length > 0 && ` · ProConnect${a.identities[0]?.siret ? `, SIRET ${a.identities[0].siret}` : ''}`}
      </p>
      {general && <Alert severity="error" title="Rôles non enregistrés" description={general} className="fr-mb-3w" />}
      <form onSubmit={onSubmit}>
        {roleNames.map((r) => {
          const scope = roleScope[r];
          const checked = draft[r] !== undefined;
          return (
            <fieldset key={r} className={`fr-fieldset${errors[r] ? ' fr-fieldset--error' : ''}`} aria-describedby={errors[r] ? `role-${r}-error` : undefined}>
              <legend className="fr-sr-only">{roleLabels[r]}</legend>
              <div className="fr-fieldset__element">
                <div className="fr-checkbox-group">
                  <input
                    type="checkbox"
                    id={`role-${r}`}
                    checked={checked}
                    onChange={(e) => setDraft((d) => ({ ...d, [r]: e.target.checked ? (d?.[r] ?? []) : undefined }))}
                  />
                  <label className="fr-label" htmlFor={`role-${r}`}>
                    {roleLabels[r]}
                  </label>
                </div>
              </div>
              {checked && scope && (
                <div className="fr-fieldset__element">
                  <RefsPicker
                    id={`portee-${r}`}
                    resource={scope}
                    label={scope === 'collectives' ? 'Collectifs concernés' : 'Structures concernées'}
                    hint="Tapez au moins deux lettres"
                    values={draft[r] ?? []}
                    onChange={(v) => setDraft((d) => ({ ...d, [r]: v }))}
                  />
                </div>
              )}
              {errors[r] && (
                <p className="fr-error-text fr-fieldset__element" id={`role-${r}-error`}>
                  {errors[r]}
                </p>
              )}
            </fieldset>
          );
        })}
        <FormButtons submit="Enregistrer les rôles" cancelTo="/comptes" />
      </form>
    </>
  );
}
