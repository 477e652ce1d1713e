import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { indicatorRoutes } from '../../../../shared/routes/indicators.routes';
import type { IndicatorDefinition, IndicatorValue } from '../../../../shared/schemas/indicators';
import { typo } from '../../../../shared/text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type ApiError, call } from '../../lib/api';
import { formatInt } from '../../lib/format';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { BarChart } from './BarChart';
import { formatValue, PROGRAMMES } from './indicator-data';

const FIRST_YEAR = 2019;
const years = () => Array.from({ length: new Date().getFullYear() - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

/** One indicator in detail: its value per year, its breakdown for the year chosen, and the link to its records. */
function IndicatorDetail({ def, year }: { def: IndicatorDefinition; year: number }) {
  const [series, setSeries] = useState<{ values?: IndicatorValue[]; error?: ApiError }>({});
  useEffect(() => {
    const ctrl = new AbortController();
    Promise.all(years().map((y) => call(indicatorRoutes.get, { params: { code: def.code }, query: { year: y } }, { signal: ctrl.signal }))).then(
      (values) => setSeries({ values }),
      (error: ApiError) => error.name !== 'AbortError' && setSeries({ error }),
    );
    return () => ctrl.abort();
  }, [def.code]);
  const geo = def.disaggregations.includes('region') ? 'region' : null;
  const breakdown = useCall(indicatorRoutes.get, geo ? { params: { code: def.code }, query: { year, by: geo } } : null);
  return (
    <section aria-labelledby="detail" className="fr-mt-4w">
      <h2 id="detail">{def.label}</h2>
      <p>{def.definition}</p>
      <p className="fr-text--sm">
        {typo(
          `Agrégation : ${def.aggregation === 'count' ? 'nombre' : def.aggregation === 'sum' ? 'somme' : 'ratio'} ; ${def.temporality === 'stock' ? 'stock cumulé au 31 décembre' : 'flux de l’année'} ; date retenue : ${def.dateUsed} ; version du calcul : ${def.computationVersion}.`,
        )}
        {def.iris && ` Référence IRIS+ : ${def.iris.label} (${def.iris.code}).`}
      </p>
      <p>
        <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={`/api/indicators/${def.code}/records?year=${year}`}>
          Voir les données ({year})
        </a>
      </p>
      {series.error && <ErrorAlert title="Les valeurs n’ont pas pu être chargées" error={series.error} />}
      {series.values && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <div className="fr-table">
              <table>
                <caption>Valeur par année</caption>
                <thead>
                  <tr>
                    <th scope="col">Année</th>
                    <th scope="col">Valeur</th>
                    <th scope="col">Évolution</th>
                  </tr>
                </thead>
                <tbody>
                  {series.values.map((v) => (
                    <tr key={v.period.label}>
                      <th scope="row">{v.period.label}</th>
                      <td>{formatValue(def, v.value)}</td>
                      <td>{v.change === null ? '—' : `${v.change > 0 ? '+' : ''}${formatValue(def, v.change)}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <BarChart
              title={typo(`${def.label} par année`)}
              bars={series.values.map((v) => ({ label: v.period.label, value: v.value ?? 0 }))}
              format={(x) => formatValue(def, x)}
            />
          </div>
        </div>
      )}
      {breakdown.data?.breakdown && (
        <div className="fr-table">
          <table>
            <caption>{`Par région en ${year}`}</caption>
            <thead>
              <tr>
                <th scope="col">Région</th>
                <th scope="col">Valeur</th>
                <th scope="col">Enregistrements</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.data.breakdown.map((p) => (
                <tr key={p.key ?? 'none'}>
                  <th scope="row">{p.label}</th>
                  <td>{formatValue(def, p.value)}</td>
                  <td>{formatInt(p.records)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Every indicator with its definition and its value for the year chosen; one of them in detail. */
export function IndicatorsPage() {
  useTitle('Indicateurs');
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('annee')) || 2020;
  const list = useCall(indicatorRoutes.list, {});
  const [values, setValues] = useState<Record<string, number | null>>({});
  useEffect(() => {
    if (!list.data) return;
    const ctrl = new AbortController();
    Promise.all(list.data.items.map((d) => call(indicatorRoutes.get, { params: { code: d.code }, query: { year } }, { signal: ctrl.signal }))).then(
      (vs) => setValues(Object.fromEntries(vs.map((v) => [v.code, v.value]))),
      () => {},
    );
    return () => ctrl.abort();
  }, [list.data, year]);
  const selected = list.data?.items.find((d) => d.code === params.get('code')) ?? list.data?.items[0];
  const programmes = [...new Set(list.data?.items.map((d) => d.programme) ?? [])];
  return (
    <>
      <Breadcrumb currentPageLabel="Indicateurs" segments={[{ label: 'Accueil', linkProps: { to: '/' } }]} />
      <h1 tabIndex={-1}>Indicateurs</h1>
      <p className="fr-text--lead">
        {typo(
          'Chaque chiffre du réseau, calculé à partir des enregistrements pour une année : sa définition, sa valeur dans le temps et les données derrière.',
        )}
      </p>
      <p>
        <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to={`/rapport-annuel/${year}`}>
          {`Rapport annuel ${year}`}
        </Link>{' '}
        <Link className="fr-link fr-ml-2w" to="/indicateurs/instantanes">
          Années figées et écarts
        </Link>
      </p>
      <Select
        label="Année"
        nativeSelectProps={{
          value: String(year),
          onChange: (e) =>
            setParams((p) => {
              p.set('annee', e.target.value);
              return p;
            }),
        }}
      >
        {years().map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </Select>
      {list.error && <ErrorAlert title="Les indicateurs n’ont pas pu être chargés" error={list.error} />}
      {!list.data && !list.error && <p role="status">Chargement…</p>}
      {selected && <IndicatorDetail def={selected} year={year} />}
      {programmes.map((p) => (
        <section key={p} className="fr-mt-4w">
          <h2>{typo(PROGRAMMES[p])}</h2>
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>{typo(`${PROGRAMMES[p]} : indicateurs en ${year}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">Indicateur</th>
                  <th scope="col">Définition</th>
                  <th scope="col">{String(year)}</th>
                </tr>
              </thead>
              <tbody>
                {list.data?.items
                  .filter((d) => d.programme === p)
                  .map((d) => (
                    <tr key={d.code}>
                      <th scope="row">
                        <Link to={`/indicateurs?code=${d.code}&annee=${year}`} aria-current={d.code === selected?.code ? 'true' : undefined}>
                          {d.label}
                        </Link>
                      </th>
                      <td>{d.definition}</td>
                      <td>{d.code in values ? formatValue(d, values[d.code]) : '…'}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
