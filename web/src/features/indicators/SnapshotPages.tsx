import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { indicatorRoutes } from '../../../../shared/routes/indicators.routes';
import { snapshotDiffPage, snapshotsPage } from '../../../../shared/web-routes';
import { typo } from '../../../../shared/text';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ApiError, call } from '../../lib/api';
import { formatInt } from '../../lib/format';
import { isNationalTeam, useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { formatValue } from './indicator-data';

const when = (iso: string) => new Date(iso).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const FIRST_YEAR = 2018;

/**
 * The years and their snapshots: the national team freezes a year's figures
 * (a published review then reads them, whatever is edited later), freezes it
 * again after a correction, and compares a snapshot with today's data.
 */
export function SnapshotsPage() {
  useTitle('Instantanés des indicateurs');
  const { me } = useSession();
  const list = useCall(indicatorRoutes.snapshots, {});
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const team = isNationalTeam(me);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const byYear = new Map((list.data?.items ?? []).map((s) => [s.year, s]));
  const freeze = async (year: number) => {
    if (byYear.has(year) && !window.confirm(typo(`Figer à nouveau ${year} ? L’instantané actuel sera remplacé par les chiffres d’aujourd’hui.`))) return;
    setBusy(year);
    setError(null);
    setDone(null);
    try {
      await call(indicatorRoutes.takeSnapshot, { body: { year } });
      setDone(year);
      list.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Breadcrumb
        currentPageLabel="Instantanés"
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: 'Indicateurs', linkProps: { to: '/indicateurs' } },
        ]}
      />
      <h1 tabIndex={-1}>Instantanés des indicateurs</h1>
      <p>
        Figer une année enregistre la valeur de chaque indicateur et les enregistrements qui la composent. Le rapport annuel de l’année lit alors ces chiffres
        figés&#8239;: une correction ultérieure ne le change pas, elle apparaît dans les écarts.
      </p>
      {!team && <Alert severity="info" small description="Seule l’équipe nationale fige les indicateurs d’une année." className="fr-mb-2w" />}
      {error && <ErrorAlert title="L’année n’a pas été figée" error={error} />}
      {done && <Alert severity="success" small description={`Les indicateurs de ${done} sont figés.`} className="fr-mb-2w" />}
      {list.error && <ErrorAlert title="Les instantanés n’ont pas pu être chargés" error={list.error} />}
      {!list.data && !list.error && <p role="status">Chargement…</p>}
      {list.data && (
        <DataTable caption="Années et instantanés" head={['Année', 'Instantané', 'Rapport', 'Écarts', ...(team ? ['Action'] : [])]} showCaption>
          {years.map((y) => {
            const s = byYear.get(y);
            return (
              <tr key={y}>
                <th scope="row">{y}</th>
                <td>{s ? `Figé le ${when(s.takenAt)}${s.takenByName ? ` par ${s.takenByName}` : ''}` : 'Non figé (chiffres en direct)'}</td>
                <td>
                  <Link to={`/rapport-annuel/${y}`}>{`Rapport ${y}`}</Link>
                </td>
                <td>{s ? <Link to={snapshotDiffPage(y)}>{`Écarts ${y}`}</Link> : '—'}</td>
                {team && (
                  <td>
                    <Button size="small" priority={s ? 'secondary' : 'primary'} disabled={busy !== null} onClick={() => freeze(y)}>
                      {busy === y ? 'Calcul en cours…' : s ? `Figer à nouveau ${y}` : `Figer ${y}`}
                    </Button>
                  </td>
                )}
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}

/** A snapshot against today's recomputation: each indicator that moved, with the records added, removed or changed since. */
export function SnapshotDiffPage() {
  const { year: raw = '' } = useParams();
  const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  const valid = !Number.isNaN(year) && year >= 2000 && year <= 2100;
  const title = `Écarts de ${raw} depuis l’instantané`;
  useTitle(title);
  const diff = useCall(indicatorRoutes.snapshotDiff, valid ? { params: { year } } : null);
  const defs = useCall(indicatorRoutes.list, {});
  if (!valid) return <NotFoundPage />;
  const def = (code: string) => defs.data?.items.find((d) => d.code === code);
  const show = (code: string, v: number | null) => {
    const d = def(code);
    return d ? formatValue(d, v) : v === null ? '—' : formatInt(v);
  };
  const ids = (list: string[]) => (list.length > 5 ? `${list.slice(0, 5).join(', ')}… (${formatInt(list.length)})` : list.join(', ') || '—');
  return (
    <>
      <Breadcrumb
        currentPageLabel={`Écarts ${raw}`}
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: 'Indicateurs', linkProps: { to: '/indicateurs' } },
          { label: 'Instantanés', linkProps: { to: snapshotsPage } },
        ]}
      />
      <h1 tabIndex={-1}>{title}</h1>
      {diff.error?.status === 404 ? (
        <Alert severity="info" small description={`${year} n’est pas figée\u202F: il n’y a pas d’écart à montrer.`} className="fr-mb-2w" />
      ) : (
        diff.error && <ErrorAlert title="Les écarts n’ont pas pu être calculés" error={diff.error} />
      )}
      {!diff.data && !diff.error && <p role="status">Calcul des écarts…</p>}
      {diff.data && (
        <>
          <p>
            {typo(`Instantané du ${when(diff.data.takenAt)}, comparé au recalcul du ${when(diff.data.comparedAt)}.`)}{' '}
            <Link to={`/rapport-annuel/${year}`}>{`Le rapport ${year}`}</Link> lit l’instantané.
          </p>
          {diff.data.differences.length === 0 ? (
            <Alert severity="success" small description={'Aucun écart\u202F: les chiffres d’aujourd’hui sont ceux de l’instantané.'} />
          ) : (
            <DataTable
              caption={`${diff.data.differences.length} indicateur${diff.data.differences.length > 1 ? 's' : ''} en écart`}
              head={['Indicateur', 'Figé', 'Aujourd’hui', 'Ajoutés', 'Retirés', 'Modifiés']}
              showCaption
            >
              {diff.data.differences.map((d) => (
                <tr key={d.code}>
                  <th scope="row">
                    <Link to={`/indicateurs?code=${d.code}&annee=${year}`}>{d.label}</Link>
                    {d.frozenVersion !== d.liveVersion && <span className="fr-text--xs"> (calcul modifié)</span>}
                  </th>
                  <td>{show(d.code, d.frozen)}</td>
                  <td>{show(d.code, d.live)}</td>
                  <td>{ids(d.added)}</td>
                  <td>{ids(d.removed)}</td>
                  <td>{ids(d.changed)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </>
  );
}
