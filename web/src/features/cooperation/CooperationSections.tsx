import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link } from 'react-router';
import { cooperationRoutes } from '../../../../shared/routes/cooperation.routes';
import { eventPage } from '../../../../shared/web-routes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RefPicker } from '../../components/pickers';
import { type ApiError, call } from '../../lib/api';
import { formatInt } from '../../lib/format';
import { isNationalTeam, useSession } from '../../lib/session';
import { useCall } from '../../lib/use-api';
import { BASE, CooperationBadge, giverOf, type Transfer, TransferBadge, transferPage, when } from './components';

function TransferItems({ items }: { items: Transfer[] }) {
  return (
    <ul>
      {items.map((t) => (
        <li key={t.id}>
          <Link to={transferPage(t.id)}>{t.topic}</Link> — {giverOf(t)} → {t.toCollectiveName} <TransferBadge status={t.status} />
          {t.testimonial?.consent && (
            <p className="fr-text--sm fr-mb-1w">
              «&#8239;{t.testimonial.quote}&#8239;» ({t.testimonial.author})
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A collective's « Coopérations »: transfers given and received, replications, workshops attended; ideas to replicate for its coordinators. */
export function CollectiveCooperation({ collectiveId }: { collectiveId: string }) {
  const { me } = useSession();
  const k = useCall(cooperationRoutes.collectiveCooperation, { params: { id: collectiveId } });
  const coordinates = isNationalTeam(me) || Boolean(me?.roles.some((r) => r.role === 'coordinator' && r.scope?.includes(collectiveId)));
  return (
    <section aria-labelledby="cooperations">
      <h2 id="cooperations" className="fr-h4 fr-mt-4w">
        Coopérations
      </h2>
      {k.error && <ErrorAlert title="Les coopérations ne se chargent pas" error={k.error} />}
      {k.data && (
        <>
          <h3 className="fr-h6">Transferts de savoir-faire reçus</h3>
          {k.data.received.length ? <TransferItems items={k.data.received} /> : <p>Aucun.</p>}
          <h3 className="fr-h6">Transferts de savoir-faire donnés</h3>
          {k.data.given.length ? <TransferItems items={k.data.given} /> : <p>Aucun.</p>}
          {coordinates && (
            <p>
              <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to={`${BASE}/transferts/nouveau`}>
                Demander un transfert de savoir-faire
              </Link>
            </p>
          )}
          <h3 className="fr-h6">Essaimages</h3>
          {k.data.replications.length === 0 && k.data.intentions.length === 0 && <p>Aucun.</p>}
          <ul>
            {k.data.replications.map((r) => (
              <li key={`${r.source.id}-${r.replica.id}`}>
                <Link to={`/projets/${r.replica.id}`}>{r.replica.title}</Link> ({r.replica.collectiveName ?? '—'}) essaime{' '}
                <Link to={`/projets/${r.source.id}`}>{r.source.title}</Link> ({r.source.collectiveName ?? '—'})
              </li>
            ))}
            {k.data.intentions.map((i) => (
              <li key={i.source.id}>
                Intention d’essaimer <Link to={`/projets/${i.source.id}`}>{i.source.title}</Link> ({i.source.collectiveName ?? '—'}), déclarée le{' '}
                {when(i.createdAt)}
              </li>
            ))}
          </ul>
          <h3 className="fr-h6">Ateliers suivis</h3>
          {k.data.workshops.length ? (
            <ul>
              {k.data.workshops.map((w) => (
                <li key={w.eventId}>
                  <Link to={eventPage(w.eventId)}>{w.title}</Link>, le {when(w.startsAt)}
                </li>
              ))}
            </ul>
          ) : (
            <p>Aucun.</p>
          )}
          {coordinates && <ReplicationIdeas collectiveId={collectiveId} onDeclared={k.reload} />}
        </>
      )}
    </section>
  );
}

/** « Projets à essaimer »: proven projects absent from the territory, ranked by its needs; the coordinator declares an intention. */
function ReplicationIdeas({ collectiveId, onDeclared }: { collectiveId: string; onDeclared(): void }) {
  const ideas = useCall(cooperationRoutes.replicationIdeas, { params: { id: collectiveId } });
  const [error, setError] = useState<ApiError | null>(null);
  async function declare(sourceProjectId: string) {
    setError(null);
    try {
      await call(cooperationRoutes.declareIntention, { params: { id: collectiveId }, body: { sourceProjectId } });
      ideas.reload();
      onDeclared();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <>
      <h3 className="fr-h6">Projets à essaimer</h3>
      {error && <ErrorAlert title="L’intention n’est pas enregistrée" error={error} />}
      {ideas.data && ideas.data.items.length === 0 && (
        <p>Aucune idée pour l’instant&#8239;: les besoins du territoire viennent de ses projets en émergence et de ses membres.</p>
      )}
      <ul>
        {ideas.data?.items.slice(0, 8).map((i) => (
          <li key={i.project.id}>
            <Link to={`/projets/${i.project.id}`}>{i.project.title}</Link> ({i.project.collectiveName ?? '—'}) — {i.reasons.join(' ; ')}{' '}
            {i.intended ? (
              <span className="fr-text--sm">(intention déclarée)</span>
            ) : (
              <Button size="small" priority="tertiary" onClick={() => void declare(i.project.id)}>
                Déclarer l’intention d’essaimer
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A project's replication: its source and its replicas; its people declare the source. */
export function ProjectReplications({ projectId }: { projectId: string }) {
  const r = useCall(cooperationRoutes.getReplications, { params: { id: projectId } });
  const [source, setSource] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function save() {
    setError(null);
    try {
      await call(cooperationRoutes.addReplication, { params: { id: projectId }, body: { sourceProjectId: source ?? '' } });
      setSource(null);
      r.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  if (!r.data) return null;
  const { source: from, replicas, actions } = r.data;
  if (!from && replicas.length === 0 && !actions.includes('record')) return null;
  return (
    <section aria-labelledby="essaimage">
      <h2 id="essaimage" className="fr-h4 fr-mt-4w">
        Essaimage
      </h2>
      {from && (
        <p>
          Ce projet essaime <Link to={`/projets/${from.id}`}>{from.title}</Link> ({from.collectiveName ?? from.communeName ?? '—'}).
        </p>
      )}
      {replicas.length > 0 && (
        <>
          <p>Essaimé à&#8239;:</p>
          <ul>
            {replicas.map((p) => (
              <li key={p.id}>
                <Link to={`/projets/${p.id}`}>{p.title}</Link> ({p.collectiveName ?? p.communeName ?? '—'})
              </li>
            ))}
          </ul>
        </>
      )}
      {actions.includes('record') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {error && <ErrorAlert title="La source n’est pas enregistrée" error={error} />}
          <RefPicker resource="projects" label="Projet source (ce projet l’essaime)" value={source} onChange={setSource} />
          <Button type="submit" size="small">
            Déclarer la source
          </Button>
        </form>
      )}
    </section>
  );
}

/** A sector programme's workshops and cooperations. */
export function ProgrammeCooperation({ programmeId }: { programmeId: string }) {
  const p = useCall(cooperationRoutes.programmeCooperation, { params: { id: programmeId } });
  if (!p.data) return null;
  return (
    <>
      <h2 className="fr-h4 fr-mt-4w">Ateliers</h2>
      {p.data.workshops.length ? (
        <ul>
          {p.data.workshops.map((w) => (
            <li key={w.eventId}>
              <Link to={eventPage(w.eventId)}>{w.title}</Link>, le {when(w.startsAt)}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun atelier sur la thématique de la filière.</p>
      )}
      <h2 className="fr-h4 fr-mt-4w">Coopérations</h2>
      {p.data.cooperations.length ? (
        <ul>
          {p.data.cooperations.map((c) => (
            <li key={c.id}>
              <strong>{c.largeGroupName}</strong> × <strong>{c.socialInnovatorName}</strong>&#8239;: {c.subject} <CooperationBadge status={c.status} />
              {c.results.length > 0 && <span> — {c.results.map((r) => `${formatInt(r.value)} ${r.unit} (${r.label.toLowerCase()})`).join(', ')}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucune coopération.</p>
      )}
    </>
  );
}

/** A workshop's own page content: theme, speakers, attendance per collective, materials, summary. */
export function WorkshopSection({ eventId }: { eventId: string }) {
  const w = useCall(cooperationRoutes.getWorkshop, { params: { id: eventId } });
  if (!w.data) return null;
  const x = w.data;
  return (
    <section aria-labelledby="atelier" className="fr-mt-4w">
      <h2 id="atelier" className="fr-h4">
        L’atelier
      </h2>
      {x.themeLabel && <p>Thématique&#8239;: {x.themeLabel}</p>}
      {x.speakers.length > 0 && (
        <p>Intervenants&#8239;: {x.speakers.map((s) => (s.organisationName ? `${s.name} (${s.organisationName})` : s.name)).join(', ')}</p>
      )}
      <p>
        {formatInt(x.attendees)} participant{x.attendees > 1 ? 's' : ''}
        {x.collectives.length > 0 && `, venus de ${formatInt(x.collectives.length)} collectif${x.collectives.length > 1 ? 's' : ''}`}.
      </p>
      {x.collectives.length > 0 && (
        <ul>
          {x.collectives.map((c) => (
            <li key={c.collectiveId}>
              <Link to={`/collectifs/${c.collectiveId}`}>{c.collectiveName}</Link> ({formatInt(c.attendees)})
            </li>
          ))}
        </ul>
      )}
      {x.materials.length > 0 && (
        <>
          <h3 className="fr-h6">Supports</h3>
          <ul>
            {x.materials.map((m) => (
              <li key={m.id}>
                {m.url ? (
                  <a href={m.url}>{m.label}</a>
                ) : (
                  <a href={`/api/workshops/${x.eventId}/materials/${m.id}`} download={m.fileName ?? undefined}>
                    {m.label} ({m.fileName}, {formatInt(Math.ceil((m.sizeBytes ?? 0) / 1024))}&#8239;Ko)
                  </a>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {x.summary && (
        <>
          <h3 className="fr-h6">Compte rendu</h3>
          <p>{x.summary}</p>
        </>
      )}
    </section>
  );
}
