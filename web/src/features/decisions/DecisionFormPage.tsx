import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { decisionRoutes } from '../../../../shared/routes/decisions.routes';
import { parisDay, parisInstant } from '../../../../shared/paris-time';
import { fold } from '../../../../shared/text';
import { type PollType, pollTypeLabels, pollTypes } from '../../../../shared/vocabulary';
import { decisionPage } from '../../../../shared/web-routes';
import { FormButtons } from '../../components/FormButtons';
import { RefPicker } from '../../components/pickers';
import { ApiError, call } from '../../lib/api';
import { isNationalTeam, useSession } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { mayPropose } from './decision-format';

/** An option's identifier from its label: `Accélérer l’essaimage` → `accelerer-l-essaimage`. */
export function optionId(label: string, taken: ReadonlySet<string>): string {
  const base =
    fold(label)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'option';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

/** `/decisions/nouvelle`: put a proposal to the vote (a collective's coordination, or the national team). */
export function DecisionFormPage() {
  useTitle('Soumettre une décision');
  const { me } = useSession();
  const navigate = useNavigate();
  const national = isNationalTeam(me);
  const ownCollective = me?.roles.find((r) => r.role === 'coordinator')?.scope?.[0] ?? null;
  const today = parisDay(new Date());
  const [f, setF] = useState({
    network: false,
    collectiveId: ownCollective as string | null,
    title: '',
    text: '',
    opensDay: today,
    opensTime: '09:00',
    closesDay: parisDay(new Date(Date.now() + 14 * 86400_000)),
    closesTime: '18:00',
    quorum: '50',
    pollType: 'consent' as PollType,
    options: '',
    maxChoices: '1',
    anonymous: false,
    public: false,
  });
  const [error, setError] = useState<ApiError | Error>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => setF((x) => ({ ...x, [k]: v }));
  if (me === undefined) return <p role="status">Chargement…</p>;
  if (!mayPropose(me))
    return (
      <Alert
        severity="info"
        title="Réservé aux coordinations"
        description="Seuls la coordination d’un collectif et l’équipe nationale soumettent une décision au vote."
      />
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const taken = new Set<string>();
    const options = f.options
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((label) => {
        const id = optionId(label, taken);
        taken.add(id);
        return { id, label };
      });
    try {
      const d = await call(decisionRoutes.create, {
        body: {
          collectiveId: f.network ? null : (f.collectiveId as string),
          title: f.title,
          text: f.text,
          opensAt: parisInstant(f.opensDay, f.opensTime).toISOString(),
          closesAt: parisInstant(f.closesDay, f.closesTime).toISOString(),
          quorum: Math.min(100, Math.max(0, Number(f.quorum) || 0)) / 100,
          pollType: f.pollType,
          options: f.pollType === 'consent' ? [] : options,
          ...(f.pollType === 'choice' ? { maxChoices: Math.max(1, Number(f.maxChoices) || 1) } : {}),
          anonymous: f.anonymous,
          public: f.public,
        },
      });
      navigate(decisionPage(d.id));
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  };
  const details = error instanceof ApiError ? error.details : [];
  const fieldError = (path: string) => details.find((x) => x.path === path)?.message;
  return (
    <>
      <Breadcrumb
        currentPageLabel="Soumettre une décision"
        segments={[
          { label: 'Accueil', linkProps: { to: '/' } },
          { label: 'Décisions collectives', linkProps: { to: '/decisions' } },
        ]}
      />
      <h1 tabIndex={-1}>Soumettre une décision</h1>
      {error && <Alert severity="error" title="La décision n’a pas pu être enregistrée" description={error.message} className="fr-mb-2w" />}
      <form onSubmit={(e) => void submit(e)}>
        {national && (
          <Checkbox
            options={[
              {
                label: 'Décision de tout le réseau',
                hintText: 'Les coordinations des collectifs votent.',
                nativeInputProps: { checked: f.network, onChange: (e) => set('network', e.target.checked) },
              },
            ]}
          />
        )}
        {!f.network && (
          <RefPicker
            id="champ-collectiveId"
            resource="collectives"
            label="Collectif"
            hint="Ses membres et sa coordination votent."
            value={f.collectiveId}
            onChange={(v) => set('collectiveId', v)}
          />
        )}
        <Input
          label="Titre"
          state={fieldError('title') ? 'error' : 'default'}
          stateRelatedMessage={fieldError('title')}
          nativeInputProps={{ value: f.title, required: true, maxLength: 300, onChange: (e) => set('title', e.target.value) }}
        />
        <Input label="Proposition" textArea nativeTextAreaProps={{ value: f.text, rows: 6, onChange: (e) => set('text', e.target.value) }} />
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-6 fr-col-md-3">
            <Input
              label="Ouverture (jour)"
              nativeInputProps={{ type: 'date', value: f.opensDay, required: true, onChange: (e) => set('opensDay', e.target.value) }}
            />
          </div>
          <div className="fr-col-6 fr-col-md-3">
            <Input
              label="Heure d’ouverture"
              nativeInputProps={{ type: 'time', value: f.opensTime, required: true, onChange: (e) => set('opensTime', e.target.value) }}
            />
          </div>
          <div className="fr-col-6 fr-col-md-3">
            <Input
              label="Clôture (jour)"
              state={fieldError('closesAt') ? 'error' : 'default'}
              stateRelatedMessage={fieldError('closesAt')}
              nativeInputProps={{ type: 'date', value: f.closesDay, required: true, onChange: (e) => set('closesDay', e.target.value) }}
            />
          </div>
          <div className="fr-col-6 fr-col-md-3">
            <Input
              label="Heure de clôture"
              nativeInputProps={{ type: 'time', value: f.closesTime, required: true, onChange: (e) => set('closesTime', e.target.value) }}
            />
          </div>
        </div>
        <Input
          label="Quorum (en % des votants)"
          hintText="En dessous, rien n’est adopté."
          nativeInputProps={{ type: 'number', min: 0, max: 100, value: f.quorum, onChange: (e) => set('quorum', e.target.value) }}
        />
        <Select label="Type de scrutin" nativeSelectProps={{ value: f.pollType, onChange: (e) => set('pollType', e.target.value as PollType) }}>
          {pollTypes.map((p) => (
            <option key={p} value={p}>
              {pollTypeLabels[p]}
            </option>
          ))}
        </Select>
        {f.pollType !== 'consent' && (
          <Input
            label="Options (une par ligne)"
            state={fieldError('options') ? 'error' : 'default'}
            stateRelatedMessage={fieldError('options')}
            textArea
            nativeTextAreaProps={{ value: f.options, rows: 5, required: true, onChange: (e) => set('options', e.target.value) }}
          />
        )}
        {f.pollType === 'choice' && (
          <Input
            label="Nombre de choix par votant"
            nativeInputProps={{ type: 'number', min: 1, max: 30, value: f.maxChoices, onChange: (e) => set('maxChoices', e.target.value) }}
          />
        )}
        <Checkbox
          legend="Options du vote"
          options={[
            {
              label: 'Vote anonyme',
              hintText: 'Personne ne voit qui a voté quoi. Ce choix ne change plus ensuite.',
              nativeInputProps: { checked: f.anonymous, onChange: (e) => set('anonymous', e.target.checked) },
            },
            {
              label: 'Publier la décision',
              hintText: 'Les visiteurs du site la voient, avec son résultat.',
              nativeInputProps: { checked: f.public, onChange: (e) => set('public', e.target.checked) },
            },
          ]}
        />
        <FormButtons submit="Soumettre au vote" cancelTo="/decisions" busy={busy} />
      </form>
    </>
  );
}
