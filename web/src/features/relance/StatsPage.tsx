import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { urlOf } from '../../../../shared/routes/contract';
import { relanceRoutes } from '../../../../shared/routes/relance.routes';
import type { ObstacleStats } from '../../../../shared/schemas/relance';
import { obstacleCategories, obstacleCategoryLabels, obstacleStatuses, obstacleStatusLabels } from '../../../../shared/vocabulary';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OptionSelect } from '../../components/OptionSelect';
import { formatInt } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { BarChart } from '../indicators/BarChart';
import { RELANCE, RelanceNav } from './relance-ui';

const days = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('fr-FR')}\u202fj`);
const monthLabel = (m: string) => new Date(`${m}-01T12:00:00Z`).toLocaleDateString('fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** Raised and lifted obstacles per month, as paired columns in SVG (the table below gives the same figures). */
function MonthsChart({ months }: { months: ObstacleStats['perMonth'] }) {
  const max = Math.max(1, ...months.flatMap((m) => [m.raised, m.lifted]));
  const col = 60;
  const height = 160;
  const width = Math.max(200, months.length * col + 40);
  return (
    <svg role="img" aria-label="Freins signalés et levés par mois" viewBox={`0 0 ${width} ${height + 40}`} width="100%" style={{ maxWidth: width }}>
      <title>Freins signalés et levés par mois</title>
      {months.map((m, i) => {
        const x = 20 + i * col;
        const h1 = (height * m.raised) / max;
        const h2 = (height * m.lifted) / max;
        return (
          <g key={m.month}>
            <rect x={x + 8} y={height - h1} width={20} height={h1} fill="var(--background-action-high-blue-france)" />
            <rect x={x + 30} y={height - h2} width={20} height={h2} fill="var(--background-action-high-success)" />
            <text x={x + 29} y={height + 16} fontSize={11} textAnchor="middle" fill="currentColor">
              {monthLabel(m.month)}
            </text>
          </g>
        );
      })}
      <g transform={`translate(20 ${height + 28})`}>
        <rect width={10} height={10} fill="var(--background-action-high-blue-france)" />
        <text x={14} y={9} fontSize={11} fill="currentColor">
          signalés
        </text>
        <rect x={80} width={10} height={10} fill="var(--background-action-high-success)" />
        <text x={94} y={9} fontSize={11} fill="currentColor">
          levés
        </text>
      </g>
    </svg>
  );
}

/** `/relance/statistiques`: how long obstacles take to lift, by status, category, measure, operator and month; exports for the ministry. */
export function StatsPage() {
  useTitle('Statistiques des freins et blocages');
  const { me } = useSession();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [operator, setOperator] = useState('');
  const filters = { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(operator ? { operator } : {}) };
  const stats = useCall(relanceRoutes.obstacleStats, me ? { query: filters } : null);
  const operators = useCall(relanceRoutes.obstacleStats, me ? { query: {} } : null);
  if (me === null) return <Navigate to={`/connexion?retour=${encodeURIComponent(`${RELANCE}/statistiques`)}`} replace />;
  const s = stats.data;
  return (
    <>
      <h1 tabIndex={-1}>Statistiques des freins et blocages</h1>
      <RelanceNav />
      <p>Calculées sur les freins que vous pouvez voir. Le délai de levée court du signalement à la levée.</p>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-3">
          <Input label="Signalés depuis le" nativeInputProps={{ type: 'date', value: from, onChange: (e) => setFrom(e.target.value) }} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Input label="Jusqu’au" nativeInputProps={{ type: 'date', value: to, onChange: (e) => setTo(e.target.value) }} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <OptionSelect
            label="Opérateur"
            blank="Tous les opérateurs"
            options={(operators.data?.byOperator ?? []).filter((o) => o.id).map((o) => ({ value: o.id as string, label: o.name }))}
            nativeSelectProps={{ value: operator, onChange: (e) => setOperator(e.target.value) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <li>
              <a className="fr-btn fr-btn--secondary" href={urlOf(relanceRoutes.obstacleStats, { query: { ...filters, format: 'csv' } })} download>
                Exporter en CSV
              </a>
            </li>
            <li>
              <a className="fr-btn fr-btn--secondary" href={urlOf(relanceRoutes.obstacleStats, { query: { ...filters, format: 'xlsx' } })} download>
                Exporter en XLSX
              </a>
            </li>
          </ul>
        </div>
      </div>
      {stats.error && <ErrorAlert title="Les statistiques ne se chargent pas" error={stats.error} />}
      {!s && !stats.error && <p>Chargement…</p>}
      {s && (
        <>
          <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mt-2w" aria-label="Chiffres clés">
            {[
              ['Freins', formatInt(s.total)],
              ['Délai médian de levée', days(s.medianDaysToLift)],
              ['Délai de levée (9 sur 10)', days(s.p90DaysToLift)],
              ['Ouverts depuis plus de 30 jours', formatInt(s.openOver30Days)],
            ].map(([label, value]) => (
              <li key={label} className="fr-col-6 fr-col-md-3">
                <div className="fr-card fr-p-2w">
                  <p className="fr-h3 fr-mb-0" data-figure={label}>
                    {value}
                  </p>
                  <p className="fr-text--sm fr-mb-0">{label}</p>
                </div>
              </li>
            ))}
          </ul>
          <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
            <section className="fr-col-12 fr-col-md-6" aria-labelledby="par-statut">
              <h2 id="par-statut" className="fr-h5">
                Par statut
              </h2>
              <BarChart
                title="Freins par statut"
                format={formatInt}
                bars={obstacleStatuses.map((k) => ({ label: obstacleStatusLabels[k], value: s.byStatus[k] ?? 0 }))}
              />
            </section>
            <section className="fr-col-12 fr-col-md-6" aria-labelledby="par-categorie">
              <h2 id="par-categorie" className="fr-h5">
                Par catégorie
              </h2>
              <BarChart
                title="Freins par catégorie"
                format={formatInt}
                labelWidth={140}
                bars={obstacleCategories.map((k) => ({ label: obstacleCategoryLabels[k], value: s.byCategory[k] ?? 0 }))}
              />
            </section>
          </div>
          <h2 className="fr-h5 fr-mt-2w">Par mois</h2>
          {s.perMonth.length === 0 ? <p>Aucun frein sur la période.</p> : <MonthsChart months={s.perMonth} />}
          {s.perMonth.length > 0 && (
            <DataTable caption="Freins signalés et levés par mois" head={['Mois', 'Signalés', 'Levés']}>
              {s.perMonth.map((m) => (
                <tr key={m.month}>
                  <td>{monthLabel(m.month)}</td>
                  <td>{formatInt(m.raised)}</td>
                  <td>{formatInt(m.lifted)}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <h2 className="fr-h5 fr-mt-2w">Par opérateur</h2>
          <DataTable caption="Freins par opérateur" head={['Opérateur', 'Freins', 'Levés']}>
            {s.byOperator.map((o) => (
              <tr key={o.id ?? 'aucun'}>
                <td>{o.name}</td>
                <td>{formatInt(o.count)}</td>
                <td>{formatInt(o.lifted)}</td>
              </tr>
            ))}
          </DataTable>
          <h2 className="fr-h5 fr-mt-2w">Par mesure</h2>
          <DataTable caption="Freins par mesure" head={['Mesure', 'Freins', 'Levés']}>
            {s.byMeasure.map((o) => (
              <tr key={o.id ?? 'aucune'}>
                <td>{o.name}</td>
                <td>{formatInt(o.count)}</td>
                <td>{formatInt(o.lifted)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
