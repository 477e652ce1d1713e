import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { hackathonRoutes as routes } from '../../../../shared/routes/hackathons.routes';
import type { ResponseOf } from '../../../../shared/routes/contract';
import { type InnovationStatus, innovationStatuses, innovationStatusLabels } from '../../../../shared/vocabulary';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../lib/api';
import { formatDate, formatEur, formatInt } from '../../lib/format';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';

type Innovation = ResponseOf<typeof routes.innovations>['items'][number];

/**
 * The social innovations propelled by the hackathons: the team, the
 * challenge, the structure that carries it on, and its follow-ups at 3, 6 and
 * 12 months (status, next step, funding found, people reached), which the
 * carrier or the organiser records.
 */
export function InnovationsPage() {
  const list = useCall(routes.innovations, { query: {} });
  useTitle('Innovations propulsées');
  const items = list.data?.items ?? [];
  const funding = items.flatMap((i) => i.followUps).reduce((s, f) => s + (f.fundingFoundEur ?? 0), 0);
  return (
    <>
      <h1 tabIndex={-1}>Innovations propulsées par les hackathons</h1>
      {list.error && <ErrorAlert title="Les innovations n’ont pas pu être chargées" error={list.error} />}
      {!list.data && !list.error && <p role="status">Chargement…</p>}
      {list.data && (
        <p className="fr-text--lead">
          {formatInt(list.data.total)} innovation{list.data.total > 1 ? 's' : ''} sociale{list.data.total > 1 ? 's' : ''}, {formatEur(funding)} de financements
          trouvés à leurs suivis.
        </p>
      )}
      {items.map((i) => (
        <InnovationCard key={i.id} innovation={i} onChange={list.reload} />
      ))}
    </>
  );
}

function InnovationCard({ innovation: i, onChange }: { innovation: Innovation; onChange: () => void }) {
  return (
    <section className="fr-mb-5w" aria-labelledby={`innovation-${i.id}`}>
      <h2 className="fr-h4" id={`innovation-${i.id}`}>
        {i.title}
      </h2>
      <p className="fr-mb-1w">{`Équipe ${i.teamName}, ${i.eventTitle}${i.challengeTitle ? ` — défi «\u202F${i.challengeTitle}\u202F»` : ''}.`}</p>
      <p className="fr-mb-1w">
        Portée par{'\u202F'}: {i.carrierName ?? 'structure à trouver'}.
      </p>
      {i.projectId && (
        <p className="fr-mb-1w">
          <a className="fr-link" href={`/projets/${i.projectId}`}>
            Devenue un projet de collectif
          </a>
        </p>
      )}
      <DataTable caption={`Suivi de ${i.title}`} head={['Suivi', 'Échéance', 'Statut', 'Prochaine étape', 'Financements trouvés', 'Personnes touchées']}>
        {i.followUps.map((f) => (
          <tr key={f.month}>
            <td>{f.month} mois</td>
            <td>{formatDate(f.dueOn)}</td>
            <td>{f.status ? innovationStatusLabels[f.status] : f.requestedAt ? 'Demandé' : 'À venir'}</td>
            <td>{f.nextStep || '—'}</td>
            <td>{f.fundingFoundEur === null ? '—' : formatEur(f.fundingFoundEur)}</td>
            <td>{f.peopleReached === null ? '—' : formatInt(f.peopleReached)}</td>
          </tr>
        ))}
      </DataTable>
      {i.actions.includes('followUp') && <FollowUpForm innovation={i} onDone={onChange} />}
    </section>
  );
}

function FollowUpForm({ innovation: i, onDone }: { innovation: Innovation; onDone: () => void }) {
  const next = i.followUps.find((f) => !f.recordedAt) ?? i.followUps[i.followUps.length - 1];
  const [month, setMonth] = useState(String(next?.month ?? 3));
  const [status, setStatus] = useState<InnovationStatus>('active');
  const [nextStep, setNextStep] = useState('');
  const [funding, setFunding] = useState('');
  const [people, setPeople] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <details className="fr-mt-2w">
      <summary>Renseigner un suivi</summary>
      <form
        className="fr-mt-2w"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await call(routes.recordFollowUp, {
              params: { id: i.id, month: month as '3' | '6' | '12' },
              body: { status, nextStep, fundingFoundEur: funding ? Number(funding) : null, peopleReached: people ? Number(people) : null },
            });
            setSaved(true);
            onDone();
          } catch (err) {
            setError(err as Error);
          }
        }}
      >
        {error && <ErrorAlert title="Le suivi n’a pas été enregistré" error={error} className="fr-mb-2w" />}
        {saved && <Alert severity="success" small description="Suivi enregistré." className="fr-mb-2w" />}
        <Select label="Suivi" nativeSelectProps={{ value: month, onChange: (e) => setMonth(e.target.value) }}>
          {['3', '6', '12'].map((m) => (
            <option key={m} value={m}>
              {m} mois
            </option>
          ))}
        </Select>
        <Select label="Statut" nativeSelectProps={{ value: status, onChange: (e) => setStatus(e.target.value as InnovationStatus) }}>
          {innovationStatuses.map((s) => (
            <option key={s} value={s}>
              {innovationStatusLabels[s]}
            </option>
          ))}
        </Select>
        <Input label="Prochaine étape" nativeInputProps={{ value: nextStep, onChange: (e) => setNextStep(e.target.value) }} />
        <Input label="Financements trouvés (€)" nativeInputProps={{ type: 'number', min: 0, value: funding, onChange: (e) => setFunding(e.target.value) }} />
        <Input label="Personnes touchées" nativeInputProps={{ type: 'number', min: 0, value: people, onChange: (e) => setPeople(e.target.value) }} />
        <Button type="submit">Enregistrer le suivi</Button>
      </form>
    </details>
  );
}
