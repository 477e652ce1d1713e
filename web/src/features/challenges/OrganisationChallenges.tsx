import { Link } from 'react-router';
import { challengeRoutes } from '../../../../shared/routes/challenges.routes';
import { challengeStructurePage } from '../../../../shared/web-routes';
import { DataTable } from '../../components/DataTable';
import { formatDate, formatInt } from '../../lib/format';
import { useCall } from '../../lib/use-api';
import type { StructureProgress } from './challenge-api';

/** Each step: its latest value against its target, and its records. */
export function ProgressTable({ progress, caption = 'Avancement par étape' }: { progress: StructureProgress; caption?: string }) {
  return (
    <DataTable caption={caption} head={['Étape', 'Mesure', 'Valeur / cible', 'État', 'Relevés']} showCaption>
      {progress.steps.map((step) => (
        <tr key={step.id}>
          <td>
            {step.position + 1}. {step.label}
          </td>
          <td>{step.measure}</td>
          <td>
            {step.value === null ? '—' : formatInt(step.value)} / {formatInt(step.target)}
          </td>
          <td>
            {step.done ? (
              <p className="fr-badge fr-badge--success fr-badge--sm">Franchie</p>
            ) : step.value === null ? (
              <p className="fr-badge fr-badge--sm">À faire</p>
            ) : (
              <p className="fr-badge fr-badge--info fr-badge--sm">En cours</p>
            )}
          </td>
          <td>
            {step.history.length === 0
              ? '—'
              : step.history.slice(0, 3).map((h) => (
                  <span key={`${h.recordedOn}-${h.value}`} style={{ display: 'block' }}>
                    {formatDate(h.recordedOn)}&#8239;: {formatInt(h.value)}
                    {h.evidenceUrl && (
                      <>
                        {' '}
                        (
                        <a href={h.evidenceUrl} target="_blank" rel="noopener noreferrer">
                          preuve
                        </a>
                        )
                      </>
                    )}
                  </span>
                ))}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** On a structure's page: its challenges and progress, for who may see them. */
export function OrganisationChallenges({ organisationId }: { organisationId: string }) {
  const list = useCall(challengeRoutes.organisationChallenges, { params: { id: organisationId } });
  if (!list.data?.items.length) return null;
  return (
    <section className="fr-mt-4w">
      <h2 className="fr-h4">Défis</h2>
      {list.data.items.map((p) => (
        <div key={p.challengeId}>
          <p>
            <Link to={challengeStructurePage(p.challengeId, organisationId)}>Défi «&#8239;{p.challengeTitle}&#8239;»</Link> · {p.stepsDone} étape
            {p.stepsDone > 1 ? 's' : ''} franchie{p.stepsDone > 1 ? 's' : ''} sur {p.steps.length}
          </p>
          <ProgressTable progress={p} caption={`Avancement dans le défi ${p.challengeTitle}`} />
        </div>
      ))}
    </section>
  );
}
