import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Link, useParams } from 'react-router';
import type { IndicatorDefinition } from '../../../../shared/schemas/indicators';
import { yearSentence } from '../../../../shared/indicator-format';
import { typo } from '../../../../shared/text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFoundPage } from '../../components/NotFoundPage';
import { formatDate } from '../../lib/format';
import { isNationalTeam, useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { reportRoutes } from '../../../../shared/routes/reports.routes';
import { PdfDownload, Perspectives, ReviewMap, SectionStories } from './ReviewExtras';
import { useTitle } from '../../lib/use-title';
import { BarChart } from './BarChart';
import { formatValue, PROGRAMMES, useYearFigures } from './indicator-data';

const ORDER: IndicatorDefinition['programme'][] = ['collectives', 'pioneers', 'impact-finance', 'hackers-publics', 'mobilisation', 'network'];

/**
 * The annual review of a year, generated from the records: the year in a
 * sentence, one section per programme with its key figures (from the year's
 * snapshot when there is one), a chart of each figure against the year
 * before, and the definition of every figure.
 */
export function AnnualReviewPage() {
  const { year: raw = '' } = useParams();
  const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  const title = `Rapport annuel ${raw}`;
  useTitle(title);
  const valid = !Number.isNaN(year) && year >= 2000 && year <= 2100;
  const { data, error } = useYearFigures(valid ? year : 0);
  const extras = useCall(reportRoutes.annualContent, valid ? { params: { year } } : null);
  const { me } = useSession();
  if (Number.isNaN(year) || year < 2000 || year > 2100) return <NotFoundPage />;
  const v = data?.values ?? {};
  return (
    <>
      <Breadcrumb
        currentPageLabel={title}
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: 'Indicateurs', linkProps: { to: '/indicateurs' } },
        ]}
      />
      <h1 tabIndex={-1}>{title}</h1>
      <PdfDownload year={year} />
      {error && <ErrorAlert title="Le rapport n’a pas pu être chargé" error={error} />}
      {extras.error && <ErrorAlert title="Les exemples et témoignages n’ont pas pu être chargés" error={extras.error} />}
      {!data && !error && <p role="status">Chargement…</p>}
      {data && (
        <>
          <p className="fr-text--lead">{yearSentence(year, data.definitions, v)}</p>
          {data.snapshot ? (
            <Alert
              severity="info"
              small
              description={typo(
                `Chiffres figés le ${formatDate(data.snapshot.takenAt)} par l’équipe nationale : les modifications ultérieures ne les changent pas.`,
              )}
            />
          ) : (
            <Alert
              severity="warning"
              small
              description={typo(`Aucun instantané pour ${year} : les chiffres sont calculés en direct à partir des données actuelles.`)}
            />
          )}
          <nav className="fr-summary fr-mt-4w" aria-labelledby="sommaire">
            <h2 className="fr-summary__title" id="sommaire">
              Sommaire
            </h2>
            <ol>
              {ORDER.map((p) => (
                <li key={p}>
                  <a className="fr-summary__link" href={`#${p}`}>
                    {typo(PROGRAMMES[p])}
                  </a>
                </li>
              ))}
              <li>
                <a className="fr-summary__link" href="#carte">
                  Carte des collectifs et des projets
                </a>
              </li>
              <li>
                <a className="fr-summary__link" href="#perspectives">
                  {`Perspectives ${year + 1}`}
                </a>
              </li>
              <li>
                <a className="fr-summary__link" href="#definitions">
                  Définitions des chiffres
                </a>
              </li>
            </ol>
          </nav>
          {ORDER.map((p) => {
            const defs = data.definitions.filter((d) => d.programme === p);
            return (
              <section key={p} id={p} className="fr-mt-6w">
                <h2>{typo(PROGRAMMES[p])}</h2>
                <div className="fr-grid-row fr-grid-row--gutters">
                  {defs.map((d) => (
                    <div key={d.code} className="fr-col-12 fr-col-md-6 fr-col-lg-4">
                      <p className="fr-h3 fr-mb-0">{formatValue(d, v[d.code])}</p>
                      <p className="fr-mb-1w">
                        {d.label}{' '}
                        <a href="#definitions" className="fr-link fr-text--sm">
                          (définition)
                        </a>
                      </p>
                      <BarChart
                        title={typo(`${d.label} : ${year - 1} et ${year}`)}
                        bars={[
                          { label: String(year - 1), value: data.previous[d.code] ?? 0 },
                          { label: String(year), value: v[d.code] ?? 0 },
                        ]}
                        format={(x) => formatValue(d, x)}
                      />
                    </div>
                  ))}
                </div>
                {extras.data && <SectionStories content={extras.data} programme={p} />}
              </section>
            );
          })}
          <section id="carte" className="fr-mt-6w">
            <h2>Carte des collectifs et des projets</h2>
            {extras.data ? <ReviewMap content={extras.data} /> : <p role="status">Chargement de la carte…</p>}
          </section>
          <section id="perspectives" className="fr-mt-6w">
            <h2>{`Perspectives ${year + 1}`}</h2>
            {extras.data ? (
              <Perspectives key={extras.data.perspectives ?? ''} content={extras.data} editable={isNationalTeam(me)} onSaved={extras.reload} />
            ) : (
              <p role="status">Chargement…</p>
            )}
          </section>
          <section id="definitions" className="fr-mt-6w">
            <h2>Définitions des chiffres</h2>
            <dl>
              {data.definitions.map((d) => (
                <div key={d.code} className="fr-mb-2w">
                  <dt className="fr-text--bold">{d.label}</dt>
                  <dd className="fr-ml-0">
                    {d.definition} {typo(`Date retenue : ${d.dateUsed}.`)} <Link to={`/indicateurs?code=${d.code}&annee=${year}`}>Voir l’indicateur</Link>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        </>
      )}
    </>
  );
}
