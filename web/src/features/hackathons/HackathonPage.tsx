import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { hackathonRoutes as routes } from '../../../../shared/routes/hackathons.routes';
import type { ResponseOf } from '../../../../shared/routes/contract';
import { eventPage, innovationsPage } from '../../../../shared/web-routes';
import { type ParticipantSector, participantSectorLabels } from '../../../../shared/vocabulary';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError, call } from '../../lib/api';
import { formatInt, plural } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { useTitle } from '../../lib/use-title';

type Overview = ResponseOf<typeof routes.overview>;
type Team = ResponseOf<typeof routes.teams>['items'][number];

const score = (n: number | null) => (n === null ? '—' : n.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/**
 * A hackathon: its challenges and participants by sector, the teams and their
 * submissions (a member submits for their team), the judge's screen (the
 * rubric, one form per assigned submission), the organiser's jury console
 * (assignments, publication) and the results, raw and normalised side by side.
 */
export function HackathonPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const overview = useCall(routes.overview, me ? { params: { id } } : null);
  const teams = useCall(routes.teams, me ? { params: { id } } : null);
  const results = useCall(routes.results, me ? { params: { id } } : null);
  useTitle('Hackathon');
  if (me === null) return <Navigate to={`/connexion?retour=${encodeURIComponent(`/evenements/${id}/hackathon`)}`} replace />;
  const title = <h1 tabIndex={-1}>Hackathon</h1>;
  if (overview.error)
    return (
      <>
        {title}
        {overview.error.status === 404 ? (
          <Alert severity="warning" title="Hackathon introuvable" description="Cet événement n’existe pas ou n’est pas un hackathon." />
        ) : (
          <ErrorAlert title="Le hackathon n’a pas pu être chargé" error={overview.error} />
        )}
      </>
    );
  const o = overview.data;
  if (!o || !teams.data)
    return (
      <>
        {title}
        <p role="status">Chargement…</p>
      </>
    );
  const reload = () => {
    overview.reload();
    teams.reload();
    results.reload();
  };
  const myTeam = teams.data.items.find((t) => t.id === o.myTeamId);
  return (
    <>
      {title}
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={eventPage(id)}>
          Retour à l’événement
        </Link>
      </p>
      <Figures o={o} />
      <h2 className="fr-mt-4w">Défis</h2>
      {o.challenges.length === 0 ? (
        <p>Aucun défi pour l’instant.</p>
      ) : (
        <ul>
          {o.challenges.map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong>
              {c.partnerName && <> — posé par {c.partnerName}</>}
              {c.description && <p className="fr-text--sm fr-mb-1w">{c.description}</p>}
            </li>
          ))}
        </ul>
      )}
      <h2 className="fr-mt-4w">Équipes</h2>
      <TeamsTable teams={teams.data.items} />
      {myTeam?.actions.includes('submit') && <SubmissionForm eventId={id} team={myTeam} onDone={reload} />}
      {o.actions.includes('judge') && <JudgeScreen eventId={id} o={o} teams={teams.data.items} />}
      {o.actions.includes('manage') && <JuryConsole eventId={id} o={o} onDone={reload} />}
      <h2 className="fr-mt-4w">Résultats</h2>
      <Results data={results.data} />
      {o.publishedAt && myTeam && <MyReviews eventId={id} o={o} />}
      <p className="fr-mt-4w">
        <Link className="fr-link" to={innovationsPage}>
          Les innovations propulsées et leur suivi
        </Link>
      </p>
    </>
  );
}

function Figures({ o }: { o: Overview }) {
  return (
    <>
      <p className="fr-text--lead">
        {plural(o.participants, 'participant')}, {plural(o.teams, 'équipe')}, {plural(o.submissions, 'projet rendu', 'projets rendus')}.
      </p>
      <DataTable caption="Participants par secteur" head={['Secteur', 'Participants']} showCaption>
        {(Object.keys(participantSectorLabels) as ParticipantSector[]).map((s) => (
          <tr key={s}>
            <td>{participantSectorLabels[s]}</td>
            <td>{formatInt(o.bySector[s] ?? 0)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function TeamsTable({ teams }: { teams: Team[] }) {
  if (teams.length === 0) return <p>Aucune équipe pour l’instant.</p>;
  return (
    <DataTable caption="Équipes et projets rendus" head={['Équipe', 'Défi', 'Membres', 'Projet rendu']}>
      {teams.map((t) => (
        <tr key={t.id}>
          <td>{t.name}</td>
          <td>{t.challengeTitle ?? '—'}</td>
          <td>{t.members.length}</td>
          <td>{t.submission ? t.submission.title : 'Pas encore rendu'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function SubmissionForm({ eventId, team, onDone }: { eventId: string; team: Team; onDone: () => void }) {
  const [title, setTitle] = useState(team.submission?.title ?? '');
  const [pitch, setPitch] = useState(team.submission?.pitch ?? '');
  const [link, setLink] = useState(team.submission?.links[0] ?? '');
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState(false);
  return (
    <form
      className="fr-mt-4w"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          await call(routes.submit, { params: { id: eventId, teamId: team.id }, body: { title, pitch, links: link ? [link] : [] } });
          setDone(true);
          onDone();
        } catch (err) {
          setError(err as Error);
        }
      }}
    >
      <h2>Le projet de {team.name}</h2>
      {error && <ErrorAlert title="Le projet n’a pas été rendu" error={error} className="fr-mb-2w" />}
      {done && <Alert severity="success" small description="Projet rendu." className="fr-mb-2w" />}
      <Input label="Titre du projet" nativeInputProps={{ value: title, onChange: (e) => setTitle(e.target.value), required: true }} />
      <Input label="Pitch" textArea nativeTextAreaProps={{ value: pitch, onChange: (e) => setPitch(e.target.value), required: true, rows: 5 }} />
      <Input
        label="Lien (présentation, maquette)"
        hintText="Une adresse en https://"
        nativeInputProps={{ type: 'url', value: link, onChange: (e) => setLink(e.target.value) }}
      />
      <Button type="submit">Rendre le projet</Button>
    </form>
  );
}

function JudgeScreen({ eventId, o, teams }: { eventId: string; o: Overview; teams: Team[] }) {
  const assignments = useCall(routes.assignments, { params: { id: eventId } });
  const reviews = useCall(routes.reviews, { params: { id: eventId } });
  if (assignments.error) return <ErrorAlert title="Vos projets à évaluer n’ont pas pu être chargés" error={assignments.error} />;
  if (!assignments.data || !reviews.data) return <p role="status">Chargement…</p>;
  const mine = assignments.data.filter((a) => a.judgeRegistrationId === o.myJudgeRegistrationId);
  return (
    <section className="fr-mt-4w">
      <h2>Mes évaluations</h2>
      <p>
        Notez chaque critère de 1 (faible) à 5 (excellent). Vos notes restent confidentielles jusqu’à la publication des résultats{'\u202F'}; les autres jurés
        ne les voient pas.
      </p>
      {mine.length === 0 && <p>Aucun projet ne vous est encore attribué.</p>}
      {mine.map((a) => (
        <ReviewForm
          key={a.teamId}
          eventId={eventId}
          o={o}
          team={teams.find((t) => t.id === a.teamId)}
          teamId={a.teamId}
          existing={reviews.data?.items.find((r) => r.teamId === a.teamId && r.judgeRegistrationId === a.judgeRegistrationId)}
          disabled={o.publishedAt !== null}
          onDone={() => {
            assignments.reload();
            reviews.reload();
          }}
        />
      ))}
    </section>
  );
}

function ReviewForm({
  eventId,
  o,
  team,
  teamId,
  existing,
  disabled,
  onDone,
}: {
  eventId: string;
  o: Overview;
  team: Team | undefined;
  teamId: string;
  existing: ResponseOf<typeof routes.reviews>['items'][number] | undefined;
  disabled: boolean;
  onDone: () => void;
}) {
  const [scores, setScores] = useState<Record<string, string>>(Object.fromEntries(o.rubric.criteria.map((c) => [c.id, String(existing?.scores[c.id] ?? '')])));
  const [comment, setComment] = useState(existing?.comment ?? '');
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const name = team?.name ?? 'Équipe';
  return (
    <form
      className="fr-card fr-p-3w fr-mb-3w"
      aria-label={`Évaluation de ${name}`}
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          await call(routes.review, {
            params: { id: eventId },
            body: { teamId, scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, Number(v)])), comment },
          });
          setSaved(true);
          onDone();
        } catch (err) {
          setError(err as Error);
        }
      }}
    >
      <h3 className="fr-h5">{name}</h3>
      {team?.submission && (
        <>
          <p className="fr-mb-1w">
            <strong>{team.submission.title}</strong>
          </p>
          <p className="fr-text--sm">{team.submission.pitch}</p>
        </>
      )}
      {error && <ErrorAlert title="L’évaluation n’a pas été enregistrée" error={error} className="fr-mb-2w" />}
      {saved && <Alert severity="success" small description="Évaluation enregistrée." className="fr-mb-2w" />}
      <div className="fr-grid-row fr-grid-row--gutters">
        {o.rubric.criteria.map((c) => (
          <div className="fr-col-12 fr-col-md-3" key={c.id}>
            <Select
              label={`${c.label} (poids ${c.weight})`}
              disabled={disabled}
              nativeSelectProps={{ value: scores[c.id] ?? '', required: true, onChange: (e) => setScores((s) => ({ ...s, [c.id]: e.target.value })) }}
            >
              <option value="">Note</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </div>
      <Input
        label="Commentaire pour l’équipe"
        textArea
        disabled={disabled}
        nativeTextAreaProps={{ value: comment, onChange: (e) => setComment(e.target.value), rows: 3 }}
      />
      {!disabled && <Button type="submit">Enregistrer l’évaluation</Button>}
    </form>
  );
}

function JuryConsole({ eventId, o, onDone }: { eventId: string; o: Overview; onDone: () => void }) {
  const assignments = useCall(routes.assignments, { params: { id: eventId } });
  const [k, setK] = useState('3');
  const [error, setError] = useState<Error | null>(null);
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      assignments.reload();
      onDone();
    } catch (err) {
      setError(err as Error);
    }
  };
  const list = assignments.data ?? [];
  return (
    <section className="fr-mt-4w">
      <h2>Jury</h2>
      {error && (
        <ErrorAlert
          title={error instanceof ApiError && error.status === 400 ? 'Répartition impossible' : 'L’action a échoué'}
          error={error}
          className="fr-mb-2w"
        />
      )}
      <p>
        Grille{'\u202F'}: {o.rubric.criteria.length === 0 ? 'à définir' : o.rubric.criteria.map((c) => `${c.label} (×${c.weight})`).join(', ')}.
      </p>
      {!o.publishedAt && (
        <form
          className="fr-mb-2w"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => call(routes.assign, { params: { id: eventId }, body: { reviewsPerSubmission: Number(k) } }));
          }}
        >
          <Input label="Évaluations par projet" nativeInputProps={{ type: 'number', min: 1, max: 20, value: k, onChange: (e) => setK(e.target.value) }} />
          <Button type="submit" priority="secondary">
            Répartir les projets entre les jurés
          </Button>
        </form>
      )}
      {list.length > 0 && (
        <DataTable caption="Répartition des évaluations" head={['Juré', 'Équipe', 'Évaluée']} showCaption>
          {list.map((a) => (
            <tr key={`${a.judgeRegistrationId}/${a.teamId}`}>
              <td>{a.judgeName ?? '—'}</td>
              <td>{a.teamName}</td>
              <td>{a.reviewed ? 'Oui' : 'Non'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {!o.publishedAt && <Button onClick={() => void act(() => call(routes.publish, { params: { id: eventId } }))}>Publier les résultats</Button>}
    </section>
  );
}

function Results({ data }: { data: ResponseOf<typeof routes.results> | undefined }) {
  if (!data) return <p role="status">Chargement…</p>;
  if (data.ranking.length === 0) return <p>Les résultats ne sont pas encore publiés.</p>;
  const pairwise = data.ranking.some((r) => r.pairwise !== null);
  return (
    <>
      {!data.published && (
        <Alert severity="info" small description={'Aperçu réservé à l’organisateur\u202F: les résultats ne sont pas encore publiés.'} className="fr-mb-2w" />
      )}
      <p className="fr-text--sm">
        Classement normalisé{'\u202F'}: pour chaque juré, ses totaux pondérés sont centrés et réduits (z-score), de sorte qu’un juré qui note large ou sévère
        pèse autant que les autres{'\u202F'}; la note d’un projet est la moyenne de ces scores. La note brute est la moyenne des totaux pondérés, sur 5.
      </p>
      <DataTable
        caption="Classements brut et normalisé"
        head={[
          'Rang normalisé',
          'Équipe',
          'Score normalisé',
          'Rang brut',
          'Note brute (sur 5)',
          'Évaluations',
          ...(pairwise ? ['Comparaisons (Bradley–Terry)'] : []),
        ]}
        showCaption
      >
        {data.ranking.map((r, i) => (
          <tr key={r.teamId}>
            <td>{i + 1}</td>
            <td>{r.teamName}</td>
            <td>{score(r.normalised)}</td>
            <td>{r.rawRank ?? '—'}</td>
            <td>{score(r.raw)}</td>
            <td>{r.reviews}</td>
            {pairwise && <td>{score(r.pairwise)}</td>}
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function MyReviews({ eventId, o }: { eventId: string; o: Overview }) {
  const reviews = useCall(routes.reviews, { params: { id: eventId } });
  const mine = (reviews.data?.items ?? []).filter((r) => r.teamId === o.myTeamId);
  return (
    <section className="fr-mt-4w">
      <h2>Les évaluations de mon équipe</h2>
      {mine.length === 0 ? (
        <p>Aucune évaluation.</p>
      ) : (
        <DataTable caption="Évaluations reçues" head={[...o.rubric.criteria.map((c) => c.label), 'Commentaire']} showCaption>
          {mine.map((r) => (
            <tr key={r.judgeRegistrationId}>
              {o.rubric.criteria.map((c) => (
                <td key={c.id}>{r.scores[c.id] ?? '—'}</td>
              ))}
              <td>{r.comment || '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
