import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useState } from 'react';
import { Navigate } from 'react-router';
import type { z } from 'zod';
import { conferenceRoutes as routes } from '../../../../shared/routes/conferences.routes';
import type { investmentLead } from '../../../../shared/schemas/conference';
import { type InvestmentLeadStage, investmentLeadStageLabels, investmentLeadStages } from '../../../../shared/vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OptionSelect } from '../../components/OptionSelect';
import { call } from '../../lib/api';
import { formatDate, formatEur, formatInt } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { DataTable } from '../../components/DataTable';
import { useTitle } from '../../lib/use-title';

type Lead = z.output<typeof investmentLead>;

function LeadRow({ lead, onDone }: { lead: Lead; onDone: () => void }) {
  const [stage, setStage] = useState<InvestmentLeadStage>(lead.stage);
  const [amount, setAmount] = useState(lead.amountEur ? String(lead.amountEur) : '');
  const [on, setOn] = useState(lead.investedOn ?? '');
  const [error, setError] = useState<Error>();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await call(routes.updateLead, {
        params: { id: lead.id },
        body: stage === 'invested' ? { stage, amountEur: Number(amount), investedOn: on } : { stage },
      });
      onDone();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <tr>
      <td>{lead.projectTitle}</td>
      <td>{lead.fundName}</td>
      <td>{investmentLeadStageLabels[lead.stage]}</td>
      <td>{lead.amountEur ? formatEur(lead.amountEur) : '—'}</td>
      <td>{lead.investedOn ? formatDate(lead.investedOn) : '—'}</td>
      <td>
        {lead.actions.includes('update') ? (
          <form onSubmit={save} className="essaim-inline-form">
            <Select label="Étape" nativeSelectProps={{ value: stage, onChange: (e) => setStage(e.target.value as InvestmentLeadStage) }}>
              {investmentLeadStages.map((s) => (
                <option key={s} value={s}>
                  {investmentLeadStageLabels[s]}
                </option>
              ))}
            </Select>
            {stage === 'invested' && (
              <>
                <Input label="Montant investi (€)" nativeInputProps={{ type: 'number', min: 1, value: amount, onChange: (e) => setAmount(e.target.value) }} />
                <Input label="Date de l’investissement" nativeInputProps={{ type: 'date', value: on, onChange: (e) => setOn(e.target.value) }} />
              </>
            )}
            <Button type="submit" size="small" priority="secondary">
              Enregistrer
            </Button>
            {error && (
              <p className="fr-error-text" role="alert">
                {error.message}
              </p>
            )}
          </form>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

/**
 * The board of investment leads born at the conferences: each fund's for its
 * investors, the projects' for their holders, every lead for the national team.
 */
export function LeadsPage() {
  useTitle('Pistes d’investissement');
  const { me } = useSession();
  const [stage, setStage] = useState<InvestmentLeadStage | ''>('');
  const leads = useCall(routes.leads, me ? { query: { ...(stage ? { stage } : {}), pageSize: 200 } } : null);
  if (me === null) return <Navigate to="/connexion?retour=%2Ffinancement%2Fpistes" replace />;
  const items = leads.data?.items ?? [];
  const invested = items.filter((l) => l.stage === 'invested').reduce((s, l) => s + (l.amountEur ?? 0), 0);
  return (
    <>
      <h1 tabIndex={-1}>Pistes d’investissement</h1>
      <p>
        Les suites données aux rendez-vous entre projets et financeurs, jusqu’à l’investissement. Vous voyez celles de vos fonds et de vos projets&#8239;;
        l’équipe nationale les voit toutes.
      </p>
      <OptionSelect
        label="Étape"
        blank="Toutes les étapes"
        options={investmentLeadStages.map((s) => ({ value: s, label: investmentLeadStageLabels[s] }))}
        nativeSelectProps={{ value: stage, onChange: (e) => setStage(e.target.value as InvestmentLeadStage | '') }}
      />
      {leads.error && <ErrorAlert title="Pistes indisponibles" error={leads.error} />}
      {leads.data && (
        <p>
          {formatInt(leads.data.total)} pistes · {formatEur(invested)} investis (sur cette page)
        </p>
      )}
      {leads.data && items.length === 0 && <Alert severity="info" small description="Aucune piste pour l’instant." />}
      {items.length > 0 && (
        <DataTable caption="Pistes d’investissement" head={['Projet', 'Fonds', 'Étape', 'Montant', 'Investi le', 'Faire avancer']}>
          {items.map((l) => (
            <LeadRow key={l.id} lead={l} onDone={leads.reload} />
          ))}
        </DataTable>
      )}
    </>
  );
}
