import type { z } from 'zod';
import type {
  CollectiveCooperation,
  Cooperation,
  CooperationInput,
  CooperationPatch,
  PublishedTestimonial,
  Replications,
  Transfer,
  TransferInput,
  TransferListQuery,
  TransferPatch,
  Workshop,
  workshopMaterialInput,
  workshopPatch,
} from '../../../shared/schemas/cooperation';
import { fr } from '../../../shared/text';
import { type CooperationStatus, type TransferStatus, transferStatusLabels } from '../../../shared/vocabulary';
import { rankGivers, rankIdeas, wouldCycle } from '../../../engines/matching/cooperation';
import type { Database, Executor } from '../../db/connection';
import { conflict, invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { actionsOn, authorize, can } from '../../policies/authorize';
import { isNationalTeam } from '../../policies/roles';
import { appendAudit } from '../audit/audit-queries';
import { eventPolicy } from '../events/event-policy';
import { notify } from '../notifications/notify';
import * as q from './cooperation-queries';
import { collectivePolicy, cooperationPolicy, replicationPolicy, sideOf, type TransferLinks, transferPolicy } from './cooperation-policy';

export interface CooperationServiceOptions {
  now?: () => Date;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

const linksOf = (r: Pick<q.TransferRow, 'from_collective_id' | 'from_organisation_id' | 'to_collective_id' | 'requested_by' | 'status'>): TransferLinks => ({
  fromCollectiveId: r.from_collective_id,
  fromOrganisationId: r.from_organisation_id,
  toCollectiveId: r.to_collective_id,
  requestedBy: r.requested_by,
  status: r.status,
});

/** The moves of a transfer's status, and which rule of the policy allows each. */
const MOVES: Record<TransferStatus, Partial<Record<TransferStatus, 'answer' | 'progress'>>> = {
  requested: { accepted: 'answer', declined: 'answer' },
  accepted: { in_progress: 'progress', done: 'progress' },
  in_progress: { done: 'progress' },
  done: {},
  declined: {},
};

/** What the scope of a list is for this actor: all for the national team; public ones plus its collectives' and structures' otherwise. */
function scopeOf(actor: Actor): q.TransferScope {
  if (isNationalTeam(actor)) return { all: true, collectiveIds: [], organisationIds: [] };
  if (actor.kind !== 'account') return { all: false, collectiveIds: [], organisationIds: [] };
  const scoped = (role: string) => actor.roles.flatMap((r) => (r.role === role ? (r.scope ?? []) : []));
  return { all: false, collectiveIds: scoped('coordinator'), organisationIds: scoped('holder') };
}

/**
 * Cooperation between collectives (issue 15): know-how transfers and their
 * testimonials, replication of projects, workshops' own fields, cooperations
 * between large groups and social innovators, and a collective's summary.
 */
export function cooperationService(db: Database, opts: CooperationServiceOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);

  const audit = (ex: Executor, actor: Actor, action: 'create' | 'update' | 'delete', entity: string, recordId: string, after?: unknown) =>
    appendAudit(ex, [
      {
        actorKind: actor.kind,
        actorId: actor.kind === 'account' ? actor.accountId : null,
        action,
        entity,
        recordId,
        ...(after === undefined ? {} : { after }),
      },
    ]);

  function shapeTransfer(actor: Actor, r: q.TransferRow): Transfer {
    const links = linksOf(r);
    const privy = can(actor, 'readPrivate', { policy: transferPolicy, record: links });
    const showTestimonial = r.testimonial_quote !== null && (privy || r.testimonial_consent);
    return {
      id: r.id,
      fromCollectiveId: r.from_collective_id,
      fromCollectiveName: r.from_collective_name,
      fromOrganisationId: r.from_organisation_id,
      fromOrganisationName: r.from_organisation_name,
      toCollectiveId: r.to_collective_id,
      toCollectiveName: r.to_collective_name,
      requestedBy: r.requested_by,
      topic: r.topic,
      themes: r.themes,
      projectId: r.project_id,
      projectTitle: r.project_title,
      status: r.status as TransferStatus,
      message: privy ? r.message : null,
      requestedOn: r.requested_on,
      answeredOn: r.answered_on,
      startedOn: r.started_on,
      endedOn: r.ended_on,
      sessionsHeld: r.sessions_held,
      outcome: r.outcome,
      testimonial: showTestimonial ? { quote: r.testimonial_quote as string, author: r.testimonial_author, consent: r.testimonial_consent } : null,
      createdAt: iso(r.created_at) as string,
      updatedAt: iso(r.updated_at) as string,
      actions: actionsOn(actor, ['answer', 'progress', 'update', 'assign'] as const, transferPolicy, links),
    };
  }

  async function readableTransfer(ex: Executor, actor: Actor, id: string, lock = false) {
    const [row] = await q.getTransfers(ex, [id], lock);
    if (!row || !can(actor, 'read', { policy: transferPolicy, record: linksOf(row) })) throw notFound('Transfert', id);
    return row;
  }

  async function checkRefs(
    ex: Executor,
    t: { fromCollectiveId?: string | null; fromOrganisationId?: string | null; toCollectiveId?: string; projectId?: string | null; themes?: string[] },
  ) {
    const bad: Array<{ path: string; message: string }> = [];
    if (t.toCollectiveId && !(await q.collectiveExists(ex, t.toCollectiveId))) bad.push({ path: 'toCollectiveId', message: 'Ce collectif n’existe pas.' });
    if (t.fromCollectiveId && !(await q.collectiveExists(ex, t.fromCollectiveId)))
      bad.push({ path: 'fromCollectiveId', message: 'Ce collectif n’existe pas.' });
    if (t.fromOrganisationId && !(await q.organisationExists(ex, t.fromOrganisationId)))
      bad.push({ path: 'fromOrganisationId', message: 'Cette structure n’existe pas.' });
    if (t.projectId && (await q.projectBriefs(ex, [t.projectId])).size === 0) bad.push({ path: 'projectId', message: 'Ce projet n’existe pas.' });
    const unknown = await q.unknownThemes(ex, t.themes ?? []);
    if (unknown.length) bad.push({ path: 'themes', message: `Thématiques inconnues : ${unknown.join(', ')}.` });
    if (bad.length) throw invalid('Vérifiez les références du transfert.', bad, 'unknown_reference');
  }

  const giverName = (r: q.TransferRow) => r.from_collective_name ?? r.from_organisation_name ?? 'l’équipe nationale';
  const link = (id: string) => `/cooperation/transferts/${id}`;

  /** Tell one side of a transfer (its coordinators or holders) that something happened. */
  async function tell(ex: Executor, r: q.TransferRow, side: 'giver' | 'receiver' | 'national', title: string, body: string) {
    const accountIds =
      side === 'national'
        ? await q.nationalTeamAccounts(ex)
        : side === 'giver'
          ? await q.sideAccounts(ex, { collectiveId: r.from_collective_id, organisationId: r.from_organisation_id })
          : await q.sideAccounts(ex, { collectiveId: r.to_collective_id });
    if (accountIds.length) await notify(ex, { accountIds, category: 'cooperation', title, body, link: link(r.id) });
  }

  async function listTransfers(actor: Actor, f: TransferListQuery) {
    const scope = scopeOf(actor);
    const { rows, total } = await q.listTransfers(db, { ...f, scope, mineOnly: f.mine === true });
    return { items: rows.map((r) => shapeTransfer(actor, r)), total, page: f.page, pageSize: f.pageSize };
  }

  async function createTransfer(actor: Actor, input: TransferInput): Promise<Transfer> {
    const links: TransferLinks = {
      fromCollectiveId: input.fromCollectiveId ?? null,
      fromOrganisationId: input.fromOrganisationId ?? null,
      toCollectiveId: input.toCollectiveId,
      requestedBy: input.requestedBy ?? 'receiver',
      status: 'requested',
    };
    authorize(
      actor,
      'create',
      { policy: transferPolicy, record: links },
      { forbidden: 'Seuls les coordinateurs du collectif qui reçoit (ou la structure qui transmet, pour une proposition) demandent un transfert.' },
    );
    const id = await db.transaction().execute(async (tx) => {
      await checkRefs(tx, input);
      const id = await q.insertTransfer(tx, {
        from_collective_id: links.fromCollectiveId,
        from_organisation_id: links.fromOrganisationId,
        to_collective_id: links.toCollectiveId,
        requested_by: links.requestedBy,
        requested_by_account_id: actor.kind === 'account' ? actor.accountId : null,
        topic: input.topic,
        themes: input.themes ?? [],
        project_id: input.projectId ?? null,
        message: input.message ?? '',
        requested_on: today(),
      });
      const [row] = (await q.getTransfers(tx, [id])) as [q.TransferRow];
      if (!links.fromCollectiveId && !links.fromOrganisationId)
        await tell(
          tx,
          row,
          'national',
          fr`${row.to_collective_name} cherche un transfert de savoir-faire`,
          fr`Sujet : ${row.topic}. Trouvez le collectif qui peut transmettre ce savoir-faire.`,
        );
      else if (links.requestedBy === 'receiver')
        await tell(
          tx,
          row,
          'giver',
          fr`${row.to_collective_name} vous demande un transfert de savoir-faire`,
          fr`Sujet : ${row.topic}. Acceptez ou déclinez la demande sur sa page.`,
        );
      else
        await tell(
          tx,
          row,
          'receiver',
          fr`${giverName(row)} vous propose un transfert de savoir-faire`,
          fr`Sujet : ${row.topic}. Acceptez ou déclinez la proposition sur sa page.`,
        );
      await audit(tx, actor, 'create', 'knowledge_transfers', id, input);
      return id;
    });
    return getTransfer(actor, id);
  }

  async function getTransfer(actor: Actor, id: string): Promise<Transfer> {
    return shapeTransfer(actor, await readableTransfer(db, actor, id));
  }

  async function updateTransfer(actor: Actor, id: string, patch: TransferPatch): Promise<Transfer> {
    await db.transaction().execute(async (tx) => {
      const row = await readableTransfer(tx, actor, id, true);
      const links = linksOf(row);
      const changes: q.TransferChanges = {};
      const giverChange = patch.fromCollectiveId !== undefined || patch.fromOrganisationId !== undefined;
      if (giverChange) {
        authorize(
          actor,
          'assign',
          { policy: transferPolicy, record: links },
          { forbidden: 'Seule l’équipe nationale désigne qui transmet, pour une demande qui ne le dit pas.' },
        );
        const from = { fromCollectiveId: patch.fromCollectiveId ?? null, fromOrganisationId: patch.fromOrganisationId ?? null };
        if (from.fromCollectiveId && from.fromOrganisationId)
          throw invalid('Indiquez soit un collectif, soit une structure qui transmet, pas les deux.', [
            { path: 'fromOrganisationId', message: 'Un seul des deux.' },
          ]);
        if (from.fromCollectiveId === row.to_collective_id)
          throw invalid('Un collectif ne se transmet pas un savoir-faire à lui-même.', [{ path: 'fromCollectiveId', message: 'Un autre collectif.' }]);
        await checkRefs(tx, from);
        changes.from_collective_id = from.fromCollectiveId;
        changes.from_organisation_id = from.fromOrganisationId;
      }
      const status = patch.status;
      if (status && status !== row.status) {
        const rule = MOVES[row.status as TransferStatus][status];
        if (!rule)
          throw conflict(
            'transfer_status',
            fr`Un transfert « ${transferStatusLabels[row.status as TransferStatus]} » ne passe pas à « ${transferStatusLabels[status]} ».`,
          );
        const refusal =
          rule === 'answer'
            ? row.requested_by === 'receiver'
              ? 'Seul le côté qui transmet accepte ou décline cette demande (on n’accepte pas sa propre demande).'
              : 'Seul le collectif qui reçoit accepte ou décline cette proposition.'
            : 'Seuls les deux côtés du transfert (ou l’équipe nationale) le font avancer.';
        authorize(actor, rule, { policy: transferPolicy, record: links }, { forbidden: refusal });
        changes.status = status;
        if (rule === 'answer') changes.answered_on = today();
        if (status === 'in_progress' && !row.started_on && patch.startedOn === undefined) changes.started_on = today();
        if (status === 'done' && !row.ended_on && patch.endedOn === undefined) changes.ended_on = today();
      }
      const follow = {
        ...(patch.topic !== undefined ? { topic: patch.topic } : {}),
        ...(patch.themes !== undefined ? { themes: patch.themes } : {}),
        ...(patch.projectId !== undefined ? { project_id: patch.projectId } : {}),
        ...(patch.startedOn !== undefined ? { started_on: patch.startedOn } : {}),
        ...(patch.endedOn !== undefined ? { ended_on: patch.endedOn } : {}),
        ...(patch.sessionsHeld !== undefined ? { sessions_held: patch.sessionsHeld } : {}),
        ...(patch.outcome !== undefined ? { outcome: patch.outcome } : {}),
        ...(patch.testimonialQuote !== undefined ? { testimonial_quote: patch.testimonialQuote || null } : {}),
        ...(patch.testimonialAuthor !== undefined ? { testimonial_author: patch.testimonialAuthor || null } : {}),
        ...(patch.testimonialConsent !== undefined ? { testimonial_consent: patch.testimonialConsent } : {}),
      };
      if (Object.keys(follow).length) {
        authorize(
          actor,
          'update',
          { policy: transferPolicy, record: links },
          { forbidden: 'Seuls les deux côtés du transfert (ou l’équipe nationale) le modifient.' },
        );
        await checkRefs(tx, { projectId: patch.projectId ?? null, ...(patch.themes ? { themes: patch.themes } : {}) });
        Object.assign(changes, follow);
      }
      const quote = changes.testimonial_quote !== undefined ? changes.testimonial_quote : row.testimonial_quote;
      const consent = changes.testimonial_consent ?? row.testimonial_consent;
      if (consent && !quote)
        throw invalid('Un témoignage publié a un texte : écrivez-le, ou retirez le consentement.', [
          { path: 'testimonialQuote', message: 'Le témoignage est vide.' },
        ]);
      const started = changes.started_on !== undefined ? changes.started_on : row.started_on;
      const ended = changes.ended_on !== undefined ? changes.ended_on : row.ended_on;
      if (started && ended && ended < started)
        throw invalid('La fin du transfert vient après son début.', [{ path: 'endedOn', message: 'Une date après le début.' }]);
      if (Object.keys(changes).length === 0) return;
      await q.updateTransfer(tx, id, changes);
      await audit(tx, actor, 'update', 'knowledge_transfers', id, patch);
      const [after] = (await q.getTransfers(tx, [id])) as [q.TransferRow];
      if (giverChange)
        await tell(
          tx,
          after,
          'giver',
          fr`${after.to_collective_name} cherche un transfert de savoir-faire`,
          fr`L’équipe nationale vous a désigné pour transmettre : ${after.topic}. Acceptez ou déclinez la demande.`,
        );
      if (changes.status) {
        const side = sideOf(actor, links);
        const other = side === 'giver' ? 'receiver' : 'giver';
        const label = transferStatusLabels[changes.status as TransferStatus].toLowerCase();
        const title = fr`Transfert de savoir-faire ${label} : ${after.topic}`;
        const body = fr`${giverName(after)} → ${after.to_collective_name}.`;
        if (side) await tell(tx, after, other, title, body);
        else for (const s of ['giver', 'receiver'] as const) await tell(tx, after, s, title, body);
      }
    });
    return getTransfer(actor, id);
  }

  async function transferCandidates(actor: Actor, id: string) {
    authorize(actor, 'candidates', { policy: transferPolicy });
    const row = await readableTransfer(db, actor, id);
    const facts = await q.giverFacts(db);
    const receiver = facts.find((k) => k.id === row.to_collective_id);
    const ranked = rankGivers({ receiverId: row.to_collective_id, themes: row.themes, places: receiver?.places ?? [] }, facts);
    return { items: ranked.slice(0, 20).map((r) => ({ collectiveId: r.id, collectiveName: r.name, score: r.score, reasons: r.reasons })) };
  }

  /**
   * The published testimonials (their author consented to publication), for the
   * public and the annual review: the one place that decides what may be quoted.
   */
  async function testimonials(_actor: Actor, f: { year?: number | undefined } = {}): Promise<{ items: PublishedTestimonial[] }> {
    const rows = await q.publishedTestimonials(db, f.year);
    return {
      items: rows.map((r) => ({
        transferId: r.id,
        quote: r.testimonial_quote as string,
        author: r.testimonial_author,
        topic: r.topic,
        fromName: giverName(r),
        toCollectiveName: r.to_collective_name,
        year: Number((r.ended_on ?? r.started_on ?? r.requested_on).slice(0, 4)),
      })),
    };
  }

  // ——— Replication ———

  const brief = ({ leadOrganisationId: _, ...b }: q.ProjectFacts) => b;

  async function replicationsOf(actor: Actor, id: string): Promise<Replications> {
    const project = (await q.projectBriefs(db, [id])).get(id);
    if (!project) throw notFound('Projet', id);
    const source = await q.sourceOf(db, id);
    const replicas = await q.replicasOf(db, id);
    const briefs = await q.projectBriefs(db, [...(source ? [source.source_project_id] : []), ...replicas.map((r) => r.replica_project_id)]);
    const record = can(actor, 'record', { policy: replicationPolicy, record: project });
    return {
      source: source ? brief(briefs.get(source.source_project_id) as q.ProjectFacts) : null,
      replicas: replicas.flatMap((r) => {
        const b = briefs.get(r.replica_project_id);
        return b ? [{ ...brief(b), recordedAt: iso(r.created_at) as string }] : [];
      }),
      actions: record ? ['record', ...(source ? (['remove'] as const) : [])] : [],
    };
  }

  async function addReplication(actor: Actor, id: string, sourceProjectId: string): Promise<Replications> {
    await db.transaction().execute(async (tx) => {
      const projects = await q.projectBriefs(tx, [id, sourceProjectId]);
      const replica = projects.get(id);
      if (!replica) throw notFound('Projet', id);
      authorize(
        actor,
        'record',
        { policy: replicationPolicy, record: replica },
        {
          forbidden: 'Seuls les porteurs du projet, les coordinateurs de son collectif ou l’équipe nationale déclarent sa source.',
        },
      );
      if (!projects.has(sourceProjectId))
        throw invalid('Ce projet source n’existe pas.', [{ path: 'sourceProjectId', message: 'Choisissez un projet de l’annuaire.' }], 'unknown_reference');
      if (sourceProjectId === id) throw conflict('replication_self', 'Un projet n’est pas sa propre source.');
      // Serialise the check against a concurrent declaration that would close the loop the other way.
      await tx.selectFrom('projects').select('id').where('id', 'in', [id, sourceProjectId]).forUpdate().execute();
      const chain = await q.sourceChain(tx, sourceProjectId);
      if (wouldCycle(chain, id, sourceProjectId))
        throw conflict('replication_cycle', 'Ce projet est déjà, directement ou non, la source de celui-ci : l’essaimage tournerait en rond.');
      await q.setSource(tx, id, sourceProjectId, actor.kind === 'account' ? actor.accountId : null);
      await audit(tx, actor, 'create', 'project_replications', id, { sourceProjectId });
    });
    return replicationsOf(actor, id);
  }

  async function removeReplication(actor: Actor, id: string) {
    await db.transaction().execute(async (tx) => {
      const replica = (await q.projectBriefs(tx, [id])).get(id);
      if (!replica) throw notFound('Projet', id);
      authorize(actor, 'record', { policy: replicationPolicy, record: replica });
      await q.removeSource(tx, id);
      await audit(tx, actor, 'delete', 'project_replications', id);
    });
  }

  async function replicationMap(_actor: Actor, f: { theme?: string | undefined; year?: number | undefined }) {
    const rows = await q.allReplications(db, f);
    const years = [...new Set(rows.map((r) => Number(r.year)))].sort();
    const kept = f.year === undefined ? rows : rows.filter((r) => Number(r.year) === f.year);
    const briefs = await q.projectBriefs(db, [...new Set(kept.flatMap((r) => [r.replica_project_id, r.source_project_id]))]);
    return {
      years,
      items: kept.flatMap((r) => {
        const s = briefs.get(r.source_project_id);
        const p = briefs.get(r.replica_project_id);
        return s && p ? [{ source: brief(s), replica: brief(p), year: Number(r.year) }] : [];
      }),
    };
  }

  async function replicationIdeas(_actor: Actor, collectiveId: string) {
    if (!(await q.collectiveExists(db, collectiveId))) throw notFound('Collectif', collectiveId);
    const { needs, candidates } = await q.ideaFacts(db, collectiveId);
    const ranked = rankIdeas(needs, candidates, await q.themeLabels(db)).slice(0, 20);
    const briefs = await q.projectBriefs(
      db,
      ranked.map((r) => r.id),
    );
    const intended = new Set((await q.intentionsOf(db, collectiveId)).map((i) => i.source_project_id));
    return {
      items: ranked.flatMap((r) => {
        const b = briefs.get(r.id);
        return b ? [{ project: brief(b), score: r.score, reasons: r.reasons, intended: intended.has(r.id) }] : [];
      }),
    };
  }

  async function declareIntention(actor: Actor, collectiveId: string, sourceProjectId: string) {
    return db.transaction().execute(async (tx) => {
      if (!(await q.collectiveExists(tx, collectiveId))) throw notFound('Collectif', collectiveId);
      authorize(
        actor,
        'declare',
        { policy: collectivePolicy, record: { collectiveId } },
        { forbidden: 'Seuls les coordinateurs du collectif parlent en son nom.' },
      );
      const source = (await q.projectBriefs(tx, [sourceProjectId])).get(sourceProjectId);
      if (!source) throw invalid('Ce projet n’existe pas.', [{ path: 'sourceProjectId', message: 'Choisissez un projet de l’annuaire.' }], 'unknown_reference');
      if (source.collectiveId === collectiveId) throw conflict('replication_own', 'Ce projet est déjà celui du collectif.');
      const row = await q.insertIntention(tx, collectiveId, sourceProjectId);
      await audit(tx, actor, 'create', 'replication_intentions', collectiveId, { sourceProjectId });
      return { collectiveId, source: brief(source), createdAt: iso(row.created_at) as string };
    });
  }

  // ——— A collective's cooperation ———

  async function collectiveCooperation(actor: Actor, collectiveId: string): Promise<CollectiveCooperation> {
    if (!(await q.collectiveExists(db, collectiveId))) throw notFound('Collectif', collectiveId);
    const { rows } = await q.listTransfers(db, { scope: scopeOf(actor), collectiveId, mineOnly: false, page: 1, pageSize: 200 });
    const shaped = rows.map((r) => shapeTransfer(actor, r));
    const reps = await q.collectiveReplications(db, collectiveId);
    const intentions = await q.intentionsOf(db, collectiveId);
    const briefs = await q.projectBriefs(db, [
      ...new Set([...reps.flatMap((r) => [r.source_project_id, r.replica_project_id]), ...intentions.map((i) => i.source_project_id)]),
    ]);
    const workshops = await q.collectiveWorkshops(db, collectiveId, !isNationalTeam(actor));
    return {
      given: shaped.filter((t) => t.fromCollectiveId === collectiveId),
      received: shaped.filter((t) => t.toCollectiveId === collectiveId),
      replications: reps.flatMap((r) => {
        const s = briefs.get(r.source_project_id);
        const p = briefs.get(r.replica_project_id);
        return s && p ? [{ source: brief(s), replica: brief(p) }] : [];
      }),
      intentions: intentions.flatMap((i) => {
        const s = briefs.get(i.source_project_id);
        return s ? [{ collectiveId, source: brief(s), createdAt: iso(i.created_at) as string }] : [];
      }),
      workshops: workshops.map((w) => ({ eventId: w.event_id, title: w.title, startsAt: iso(w.starts_at) as string, attendees: Number(w.n) })),
    };
  }

  // ——— Workshops ———

  async function readableWorkshop(ex: Executor, actor: Actor, id: string) {
    const e = await q.workshopEvent(ex, id);
    if (!e || (!e.public && !can(actor, 'manage', { policy: eventPolicy, record: { organiserOrganisationId: e.organiser_organisation_id } })))
      throw notFound('Atelier', id);
    return e;
  }

  async function getWorkshop(actor: Actor, id: string): Promise<Workshop> {
    const e = await readableWorkshop(db, actor, id);
    const att = await q.workshopAttendance(db, id);
    const materials = await q.workshopMaterials(db, id);
    const manage = can(actor, 'manage', { policy: eventPolicy, record: { organiserOrganisationId: e.organiser_organisation_id } });
    return {
      eventId: e.id,
      title: e.title,
      startsAt: iso(e.starts_at) as string,
      endsAt: iso(e.ends_at) as string,
      themeCode: e.theme_code,
      themeLabel: e.theme_label,
      summary: e.summary ?? '',
      speakers: att.speakers.map((s) => ({
        name: s.person_name ?? s.organisation_name ?? 'Intervenant',
        organisationName: s.person_name ? s.organisation_name : null,
      })),
      collectives: att.perCollective.map((c) => ({ collectiveId: c.collective_id, collectiveName: c.collective_name, attendees: Number(c.n) })),
      attendees: att.total,
      materials: materials.map((m) => ({
        id: m.id,
        label: m.label,
        url: m.url,
        fileName: m.file_name,
        sizeBytes: m.size_bytes === null ? null : Number(m.size_bytes),
      })),
      actions: manage ? ['update'] : [],
    };
  }

  async function manageableWorkshop(tx: Executor, actor: Actor, id: string) {
    const e = await readableWorkshop(tx, actor, id);
    authorize(
      actor,
      'manage',
      { policy: eventPolicy, record: { organiserOrganisationId: e.organiser_organisation_id } },
      {
        forbidden: 'Seul l’organisateur de l’atelier (ou l’équipe nationale) le modifie.',
      },
    );
    return e;
  }

  async function updateWorkshop(actor: Actor, id: string, patch: z.output<typeof workshopPatch>) {
    await db.transaction().execute(async (tx) => {
      await manageableWorkshop(tx, actor, id);
      if (patch.themeCode && (await q.unknownThemes(tx, [patch.themeCode])).length)
        throw invalid('Cette thématique n’existe pas.', [{ path: 'themeCode', message: 'Choisissez une thématique de la liste.' }], 'unknown_reference');
      await q.upsertWorkshopDetails(tx, id, {
        ...(patch.themeCode !== undefined ? { theme_code: patch.themeCode } : {}),
        ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
      });
      await audit(tx, actor, 'update', 'workshop_details', id, patch);
    });
    return getWorkshop(actor, id);
  }

  async function addMaterial(actor: Actor, id: string, m: z.output<typeof workshopMaterialInput>) {
    return db.transaction().execute(async (tx) => {
      await manageableWorkshop(tx, actor, id);
      const row = await q.insertMaterial(tx, { event_id: id, label: m.label, url: m.url });
      await audit(tx, actor, 'create', 'workshop_materials', row.id, m);
      return { id: row.id, label: m.label, url: m.url, fileName: null, sizeBytes: null };
    });
  }

  async function addMaterialFile(actor: Actor, id: string, f: { label?: string | undefined; fileName: string; contentType: string; bytes: Uint8Array }) {
    return db.transaction().execute(async (tx) => {
      await manageableWorkshop(tx, actor, id);
      const label = f.label?.trim() || f.fileName;
      const row = await q.insertMaterialFile(tx, { event_id: id, label, file_name: f.fileName, content_type: f.contentType, content: f.bytes });
      await audit(tx, actor, 'create', 'workshop_materials', row.id, { label, fileName: f.fileName, sizeBytes: f.bytes.byteLength });
      return { id: row.id, label, url: null, fileName: f.fileName, sizeBytes: f.bytes.byteLength };
    });
  }

  async function getMaterialFile(actor: Actor, id: string, materialId: string) {
    await readableWorkshop(db, actor, id);
    const m = await q.materialFile(db, id, materialId);
    if (!m?.content) throw notFound('Support', materialId);
    return { fileName: m.file_name as string, contentType: m.content_type ?? 'application/octet-stream', content: m.content };
  }

  async function removeMaterial(actor: Actor, id: string, materialId: string) {
    await db.transaction().execute(async (tx) => {
      await manageableWorkshop(tx, actor, id);
      if (!(await q.deleteMaterial(tx, id, materialId))) throw notFound('Support', materialId);
      await audit(tx, actor, 'delete', 'workshop_materials', materialId);
    });
  }

  // ——— Cooperations ———

  function shapeCooperation(actor: Actor, r: q.CooperationRow): Cooperation {
    return {
      id: r.id,
      largeGroupId: r.large_group_id,
      largeGroupName: r.large_group_name,
      socialInnovatorId: r.social_innovator_id,
      socialInnovatorName: r.social_innovator_name,
      sectorProgrammeId: r.sector_programme_id,
      sectorProgrammeName: r.sector_programme_name,
      subject: r.subject,
      description: r.description,
      status: r.status as CooperationStatus,
      startedOn: r.started_on,
      endedOn: r.ended_on,
      results: r.results,
      actions: can(actor, 'write', { policy: cooperationPolicy, record: { largeGroupId: r.large_group_id, socialInnovatorId: r.social_innovator_id } })
        ? ['update']
        : [],
    };
  }

  async function checkCooperation(ex: Executor, c: CooperationPatch) {
    const bad: Array<{ path: string; message: string }> = [];
    if (c.largeGroupId && !(await q.organisationExists(ex, c.largeGroupId))) bad.push({ path: 'largeGroupId', message: 'Cette structure n’existe pas.' });
    if (c.socialInnovatorId && !(await q.organisationExists(ex, c.socialInnovatorId)))
      bad.push({ path: 'socialInnovatorId', message: 'Cette structure n’existe pas.' });
    if (c.sectorProgrammeId && !(await q.sectorProgrammeExists(ex, c.sectorProgrammeId)))
      bad.push({ path: 'sectorProgrammeId', message: 'Cette filière n’existe pas.' });
    if (bad.length) throw invalid('Vérifiez les références de la coopération.', bad, 'unknown_reference');
  }
  const checkShape = (largeGroupId: string, socialInnovatorId: string, startedOn: string | null, endedOn: string | null) => {
    if (largeGroupId === socialInnovatorId)
      throw invalid('Une coopération réunit deux structures différentes.', [{ path: 'socialInnovatorId', message: 'Une autre structure.' }]);
    if (startedOn && endedOn && endedOn < startedOn)
      throw invalid('La fin de la coopération vient après son début.', [{ path: 'endedOn', message: 'Une date après le début.' }]);
  };

  async function listCooperations(
    actor: Actor,
    f: { sectorProgrammeId?: string | undefined; organisationId?: string | undefined; status?: string | undefined },
  ) {
    return { items: (await q.listCooperations(db, f)).map((r) => shapeCooperation(actor, r)) };
  }
  async function getCooperation(actor: Actor, id: string) {
    const [row] = await q.listCooperations(db, { ids: [id] });
    if (!row) throw notFound('Coopération', id);
    return shapeCooperation(actor, row);
  }
  async function createCooperation(actor: Actor, c: CooperationInput) {
    authorize(
      actor,
      'write',
      { policy: cooperationPolicy, record: c },
      { forbidden: 'Seules l’équipe nationale et les deux structures déclarent une coopération.' },
    );
    checkShape(c.largeGroupId, c.socialInnovatorId, c.startedOn ?? null, c.endedOn ?? null);
    const id = await db.transaction().execute(async (tx) => {
      await checkCooperation(tx, c);
      const id = await q.insertCooperation(tx, c);
      await audit(tx, actor, 'create', 'cooperations', id, c);
      return id;
    });
    return getCooperation(actor, id);
  }
  async function updateCooperation(actor: Actor, id: string, c: CooperationPatch) {
    await db.transaction().execute(async (tx) => {
      const [row] = await q.listCooperations(tx, { ids: [id] });
      if (!row) throw notFound('Coopération', id);
      const before = { largeGroupId: row.large_group_id, socialInnovatorId: row.social_innovator_id };
      authorize(
        actor,
        'write',
        { policy: cooperationPolicy, record: before },
        { forbidden: 'Seules l’équipe nationale et les deux structures modifient cette coopération.' },
      );
      const after = { largeGroupId: c.largeGroupId ?? row.large_group_id, socialInnovatorId: c.socialInnovatorId ?? row.social_innovator_id };
      // Moving a cooperation to other structures needs the right over them too.
      authorize(actor, 'write', { policy: cooperationPolicy, record: after });
      checkShape(
        after.largeGroupId,
        after.socialInnovatorId,
        c.startedOn !== undefined ? c.startedOn : row.started_on,
        c.endedOn !== undefined ? c.endedOn : row.ended_on,
      );
      await checkCooperation(tx, c);
      await q.updateCooperation(tx, id, c);
      await audit(tx, actor, 'update', 'cooperations', id, c);
    });
    return getCooperation(actor, id);
  }

  async function programmeCooperation(actor: Actor, id: string) {
    const p = await q.programmeTheme(db, id);
    if (!p) throw notFound('Filière', id);
    const workshops = await q.themeWorkshops(db, p.theme_code);
    return {
      workshops: workshops.map((w) => ({ eventId: w.id, title: w.title, startsAt: iso(w.starts_at) as string })),
      cooperations: (await q.listCooperations(db, { sectorProgrammeId: id })).map((r) => shapeCooperation(actor, r)),
    };
  }

  return {
    listTransfers,
    createTransfer,
    getTransfer,
    updateTransfer,
    transferCandidates,
    testimonials,
    replicationsOf,
    addReplication,
    removeReplication,
    replicationMap,
    replicationIdeas,
    declareIntention,
    collectiveCooperation,
    getWorkshop,
    updateWorkshop,
    addMaterial,
    addMaterialFile,
    getMaterialFile,
    removeMaterial,
    listCooperations,
    getCooperation,
    createCooperation,
    updateCooperation,
    programmeCooperation,
  };
}
