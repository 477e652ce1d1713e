import { indicatorRoutes } from '../../../../shared/routes/indicators.routes';
import { typo } from '../../../../shared/text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataTable } from '../../components/DataTable';
import { useCall } from '../../lib/use-api';
import { BarChart } from './BarChart';
import { formatValue } from './indicator-data';

const FIRST_YEAR = 2018;

/**
 * The Pionniers' growth, year by year: the network's beneficiaries, their
 * growth from one year to the next (the Pionniers that declared both years),
 * and the champion companies accompanied; charts, then the same figures as a table.
 */
export function PioneerGrowth() {
  const to = new Date().getFullYear() - 1;
  const query = { query: { from: FIRST_YEAR, to } };
  const beneficiaries = useCall(indicatorRoutes.series, { params: { code: 'pioneerBeneficiaries' }, ...query });
  const growth = useCall(indicatorRoutes.series, { params: { code: 'pioneerBeneficiariesGrowth' }, ...query });
  const champions = useCall(indicatorRoutes.series, { params: { code: 'champions' }, ...query });
  const error = beneficiaries.error ?? growth.error ?? champions.error;
  if (error) return <ErrorAlert title="L’évolution des Pionniers n’a pas pu être chargée" error={error} />;
  if (!beneficiaries.data || !growth.data || !champions.data) return <p role="status">Chargement de l’évolution des Pionniers…</p>;
  // Years before the first declaration say nothing: start at the first year with beneficiaries.
  const first = beneficiaries.data.points.findIndex((p) => (p.value ?? 0) > 0);
  const keep = <T,>(points: T[]) => (first < 0 ? points : points.slice(first));
  const series = [
    { data: beneficiaries.data, title: 'Bénéficiaires des Pionniers par année' },
    { data: growth.data, title: 'Croissance des bénéficiaires d’une année sur l’autre' },
    { data: champions.data, title: 'Entreprises championnes accompagnées (cumul)' },
  ];
  const years = keep(beneficiaries.data.points).map((p) => p.year);
  return (
    <section aria-labelledby="evolution-pionniers" className="fr-mb-4w">
      <h2 id="evolution-pionniers" className="fr-h4">
        L’évolution des Pionniers
      </h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        {series.map(({ data, title }) => (
          <div key={data.code} className="fr-col-12 fr-col-md-4">
            <h3 className="fr-h6">{typo(title)}</h3>
            <BarChart
              title={typo(title)}
              bars={keep(data.points).map((p) => ({ label: String(p.year), value: p.value ?? 0 }))}
              format={(v) => formatValue(data, v)}
            />
          </div>
        ))}
      </div>
      <DataTable caption="L’évolution des Pionniers, année par année" head={['Année', ...series.map((s) => s.data.label)]}>
        {years.map((y) => (
          <tr key={y}>
            <th scope="row">{y}</th>
            {series.map(({ data }) => (
              <td key={data.code}>{formatValue(data, data.points.find((p) => p.year === y)?.value)}</td>
            ))}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
