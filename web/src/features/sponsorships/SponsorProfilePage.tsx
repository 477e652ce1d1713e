import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import type { z } from 'zod';
import { sponsorshipRoutes } from '../../../../shared/routes/sponsorships.routes';
import type { sponsorProfileOut } from '../../../../shared/schemas/sponsorship';
import { type SponsorshipCategory, sponsorshipCategories, sponsorshipCategoryLabels } from '../../../../shared/vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OptionSelect } from '../../components/OptionSelect';
import { TerritoriesPicker } from '../../components/pickers';
import { type ApiError, call } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';
import { routesOf } from '../directory/directory-api';
import { BASE } from './components';
import { ProgrammeNav } from './NeedsPages';

type Profile = z.output<typeof sponsorProfileOut>;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A public sponsor's profile (PUT /api/people/{id}/sponsor): their
 * administration, grade, expertise, territories, capacity and pause. The
 * sponsor edits their own, the national team anyone's; the pairing reads it.
 */
export function SponsorProfilePage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const profile = useCall(sponsorshipRoutes.getSponsor, me ? { params: { id } } : null);
  useTitle(profile.data ? `Profil de hacker public de ${profile.data.name}` : 'Profil de hacker public');
  if (me === null) return <Navigate to={`/connexion?retour=${encodeURIComponent(`${BASE}/profils/${id}`)}`} replace />;
  if (profile.error) return <ErrorAlert title="Ce profil n’est pas accessible" error={profile.error} />;
  if (!profile.data) return <p>Chargement…</p>;
  return (
    <>
      <h1 tabIndex={-1}>Profil de hacker public de {profile.data.name}</h1>
      <ProgrammeNav />
      <ProfileForm key={profile.data.personId} profile={profile.data} own={me?.personId === profile.data.personId} onSaved={profile.reload} />
    </>
  );
}

function ProfileForm({ profile, own, onSaved }: { profile: Profile; own: boolean; onSaved: () => void }) {
  const administrations = useCall(routesOf('organisations').list, { query: { kind: 'administration', pageSize: 200, sort: 'name' } });
  const [administrationId, setAdministrationId] = useState(profile.administrationId);
  const [grade, setGrade] = useState(profile.grade);
  const [expertise, setExpertise] = useState<SponsorshipCategory[]>(profile.expertise);
  const [territories, setTerritories] = useState<string[]>(profile.territories);
  const [capacity, setCapacity] = useState(String(profile.capacity));
  const [pausedUntil, setPausedUntil] = useState(profile.pausedUntil ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const fields = error?.fieldErrors() ?? {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await call(sponsorshipRoutes.setSponsor, {
        params: { id: profile.personId },
        body: { administrationId, grade, expertise, territories, capacity: Number(capacity), pausedUntil: pausedUntil || null },
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Profil de hacker public">
      {error && <ErrorAlert className="fr-mb-2w" title="Le profil n’est pas enregistré" error={error} />}
      {saved && <Alert severity="success" small className="fr-mb-2w" description="Profil enregistré." />}
      {profile.remainingCapacity !== null && (
        <p>
          En ce moment&#8239;: {profile.load} proposition{(profile.load ?? 0) > 1 ? 's ou parrainages' : ' ou parrainage'}, {profile.remainingCapacity} place
          {profile.remainingCapacity > 1 ? 's' : ''} libre{profile.remainingCapacity > 1 ? 's' : ''}.
        </p>
      )}
      <OptionSelect
        label="Administration"
        blank="Choisir une administration"
        state={fields.administrationId ? 'error' : 'default'}
        stateRelatedMessage={fields.administrationId}
        options={(administrations.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
        nativeSelectProps={{ value: administrationId, required: true, onChange: (e) => setAdministrationId(e.target.value) }}
      />
      <Input
        label="Fonction, grade (facultatif)"
        state={fields.grade ? 'error' : 'default'}
        stateRelatedMessage={fields.grade}
        nativeInputProps={{ value: grade, onChange: (e) => setGrade(e.target.value) }}
      />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Expertise</legend>
        <Checkbox
          className="fr-fieldset__element"
          state={fields.expertise ? 'error' : 'default'}
          stateRelatedMessage={fields.expertise}
          options={sponsorshipCategories.map((c) => ({
            label: capitalised(sponsorshipCategoryLabels[c]),
            nativeInputProps: {
              name: 'expertise',
              value: c,
              checked: expertise.includes(c),
              onChange: (e) => setExpertise((cs) => (e.target.checked ? [...cs, c] : cs.filter((x) => x !== c))),
            },
          }))}
        />
      </fieldset>
      <div className="fr-mb-3w">
        <TerritoriesPicker
          label="Territoires d’intervention"
          hint="Aucun territoire : partout en France."
          values={territories}
          onChange={setTerritories}
          error={fields.territories}
        />
      </div>
      <Input
        label="Capacité (structures parrainées à la fois, de 1 à 3)"
        state={fields.capacity ? 'error' : 'default'}
        stateRelatedMessage={fields.capacity}
        nativeInputProps={{ type: 'number', min: 1, max: 3, value: capacity, onChange: (e) => setCapacity(e.target.value) }}
      />
      <Input
        label="En pause jusqu’au (facultatif)"
        hintText="Aucune nouvelle proposition avant cette date."
        state={fields.pausedUntil ? 'error' : 'default'}
        stateRelatedMessage={fields.pausedUntil}
        nativeInputProps={{ type: 'date', value: pausedUntil, onChange: (e) => setPausedUntil(e.target.value) }}
      />
      <ul className="fr-btns-group fr-btns-group--inline fr-mt-2w">
        <li>
          <Button type="submit" disabled={busy}>
            Enregistrer le profil
          </Button>
        </li>
        {own && (
          <li>
            <Link className="fr-btn fr-btn--secondary" to={`${BASE}/mon-espace`}>
              Retour à mon espace
            </Link>
          </li>
        )}
      </ul>
    </form>
  );
}
