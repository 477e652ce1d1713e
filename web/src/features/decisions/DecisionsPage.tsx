import { Button } from '@codegouvfr/react-dsfr/Button';
import { SegmentedControl, type SegmentedControlProps } from '@codegouvfr/react-dsfr/SegmentedControl';
import { Link, useSearchParams } from 'react-router';
import { decisionRoutes } from '../../../../shared/routes/decisions.routes';
import type { DecisionSummary } from '../../../../shared/schemas/decision';
import { formatParisDay } from '../../../../shared/paris-time';
import { decisionPage } from '../../../../shared/web-routes';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { mayPropose, outcomeText, pollText, turnoutText } from './decision-format';

const statuses = [
  { value: '', label: 'Toutes' },
  { value: 'open', label: 'Vote ouvert' },
  { value: 'upcoming', label: 'À venir' },
  { value: 'closed', label: 'Closes' },
] as const;

/** `/decisions`: the decisions the caller sees, network-wide and of their collectives. */
export function DecisionsPage() {
  useTitle('Décisions collectives');
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('etat') ?? '';
  return (
    <>
      <div className="fr-grid-row fr-grid-row--middle fr-grid-row--gutters">
        <div className="fr-col">
          <h1 tabIndex={-1}>Décisions collectives</h1>
          <p className="fr-text--lead">
            Les propositions soumises au vote des membres d’un collectif, et celles du réseau soumises aux coordinations des collectifs.
          </p>
        </div>
        {mayPropose(me) && (
          <div className="fr-col-auto">
            <Button iconId="fr-icon-add-line" linkProps={{ to: '/decisions/nouvelle' }}>
              Soumettre une décision
            </Button>
          </div>
        )}
      </div>
      <SegmentedControl
        legend="État du vote"
        small
        segments={
          statuses.map((s) => ({
            label: s.label,
            nativeInputProps: { checked: status === s.value, onChange: () => setParams(s.value ? { etat: s.value } : {}) },
          })) as unknown as SegmentedControlProps['segments']
        }
      />
      {me !== undefined && <DecisionList query={status ? { status: status as 'open' } : {}} showCollective />}
    </>
  );
}

/** The « Décisions » section of a collective's page. */
export function CollectiveDecisions({ collectiveId }: { collectiveId: string }) {
  return (
    <section className="fr-mt-4w">
      <h2 className="fr-h4">Décisions</h2>
      <DecisionList query={{ collective: collectiveId }} emptyText="Aucune décision de ce collectif n’est visible." />
    </section>
  );
}

function DecisionList({
  query,
  showCollective,
  emptyText = 'Aucune décision ne vous est visible.',
}: {
  query: { collective?: string; status?: 'open' | 'upcoming' | 'closed' };
  showCollective?: boolean;
  emptyText?: string;
}) {
  const { data, error } = useCall(decisionRoutes.list, { query: { ...query, pageSize: 50 } });
  if (error) return <ErrorAlert title="Les décisions n’ont pas pu être chargées" error={error} />;
  if (!data) return <p role="status">Chargement…</p>;
  if (data.items.length === 0) return <p>{emptyText}</p>;
  return (
    <DataTable caption="Décisions" head={['Décision', ...(showCollective ? ['Collectif'] : []), 'Scrutin', 'Clôture', 'Participation', 'État']}>
      {data.items.map((d: DecisionSummary) => (
        <tr key={d.id}>
          <td>
            <Link to={decisionPage(d.id)}>{d.title}</Link>
          </td>
          {showCollective && <td>{d.collectiveName}</td>}
          <td>{pollText(d)}</td>
          <td>{formatParisDay(d.closedAt ?? d.closesAt)}</td>
          <td>{turnoutText(d.turnout)}</td>
          <td>{outcomeText(d)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
