import type {
  Challenge,
  ChallengeDashboard,
  ChallengeInput,
  ChallengePatch,
  EnrolmentInput,
  ProgressInput,
  StructureProgress,
} from '../../../shared/schemas/challenge';
import { challengeActions } from '../../../shared/schemas/challenge';
import { url as urlSchema } from '../../../shared/schemas/common';
import { parisDay } from '../../../shared/paris-time';
import { isValidSiret, normaliseSirenSiret } from '../../../shared/siret';
import { date as dateCell, headerKey, integer } from '../../../shared/spreadsheet/columns';
import { fold, fr } from '../../../shared/text';
import { type ChallengeEnrolmentSource, type OrganisationKind, organisationKindLabels } from '../../../shared/vocabulary';
import type { Database, Executor } from '../../db/connection';
import { type ErrorDetail, invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { authorize, can } from '../../policies/authorize';
import { hasRole } from '../../policies/roles';
import { appendAudit } from '../audit/audit-queries';
import { auditActor } from '../audit/audit-service';
import { readTable } from '../imports/read-table';
import { findOrganisationIdsBySiret } from '../organisations/organisation-queries';
import { type ChallengeLinks, challengePolicy } from './challenge-policy';
import * as q from './challenge-queries';

/** A structure whose stage has not moved for longer than this is « bloquée ». */
export const STUCK_DAYS = 60;
const STUCK_ITEMS = 50;

type File = { bytes: Uint8Array; filename?: string };
type RowIssue = { line: number; column: string; message: string };

const dateRe = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (d: string) => dateRe.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** The file's rows refused as a whole, one detail per bad row and column, as every import of Essaim. */
function rejected(issues: RowIssue[], rows: number) {
  issues.sort((a, b) => a.line - b.line);
  const bad = new Set(issues.map((i) => i.line)).size;
  return invalid(
    `Import refusé : ${bad} ligne${bad > 1 ? 's' : ''} en erreur sur ${rows}. Rien n’a été importé.`,
    issues.map((i) => ({ path: `ligne ${i.line} · ${i.column}`, message: i.message })),
    'import_rejected',
  );
}

/** The index of each expected column in the header row; unknown and missing columns refuse the file. */
function columnsOf(headers: string[], expected: Array<{ header: string; required: boolean; aliases?: string[] }>) {
  const at = new Map<string, number>();
  const issues: ErrorDetail[] = [];
  headers.forEach((h, i) => {
    if (h.trim() === '') return;
    const col = expected.find((c) => [c.header, ...(c.aliases ?? [])].some((a) => headerKey(a) === headerKey(h)));
    if (!col) issues.push({ path: `colonne ${i + 1}`, message: fr`Colonne inconnue « ${h} » (attendues : ${expected.map((c) => c.header).join(', ')})` });
    else if (at.has(col.header)) issues.push({ path: `colonne ${i + 1}`, message: fr`Colonne « ${h} » en double` });
    else at.set(col.header, i);
  });
  for (const c of expected) if (c.required && !at.has(c.header)) issues.push({ path: 'en-tête', message: fr`Colonne obligatoire absente : « ${c.header} »` });
  if (issues.length) throw invalid('Les colonnes du fichier ne correspondent pas.', issues, 'import_rejected');
  return at;
}

/**
 * Challenges: the campaign and its steps, enrolment (one structure, a file of
 * SIRETs, a filter on the directory), progress records (one, or a file) and
 * the dashboard. `now` is the clock (tests and the seed pass theirs).
 */
export function challengeService(db: Database, opts: { now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());
  const today = () => parisDay(now());

  async function load(db: Executor, id: string) {
    const row = await q.getChallenge(db, id);
    if (!row) throw notFound('Défi', id);
    const [partners, steps] = await Promise.all([q.partnersOf(db, [id]), q.stepsOf(db, [id])]);
    return { row, partners: partners.get(id) ?? [], steps: steps.get(id) ?? [] };
  }
  type Loaded = Awaited<ReturnType<typeof load>>;
  const linksOf = (c: Loaded): ChallengeLinks => ({ partnerIds: c.partners.map((p) => p.id) });
  const targetOf = (c: Loaded) => ({ kind: c.row.target_kind, siaeKinds: c.row.target_siae_kinds });

  function shape(actor: Actor, c: Loaded): Omit<Challenge, 'joinable'> {
    const links = linksOf(c);
    return {
      id: c.row.id,
      title: c.row.title,
      description: c.row.description,
      partners: c.partners,
      targetKind: c.row.target_kind as Challenge['targetKind'],
      targetSiaeKinds: c.row.target_siae_kinds as Challenge['targetSiaeKinds'],
      steps: c.steps.map((s) => ({ id: s.id, position: s.position, label: s.label, measure: s.measure, target: s.target })),
      startsOn: c.row.starts_on,
      endsOn: c.row.ends_on,
      enrolled: c.row.enrolled,
      createdAt: c.row.created_at.toISOString(),
      updatedAt: c.row.updated_at.toISOString(),
      actions: challengeActions.filter((a) => {
        if (a === 'update') return can(actor, 'update', { policy: challengePolicy, record: links });
        if (a === 'dashboard') return can(actor, 'dashboard', { policy: challengePolicy, record: links });
        // One structure: the national team, or a structure's holders for their own (the service checks which).
        if (a === 'enrol') return can(actor, 'enrolMany', { policy: challengePolicy, record: links }) || hasRole(actor, 'holder');
        return can(actor, 'enrolMany', { policy: challengePolicy, record: links });
      }),
    };
  }

  /** The caller's own structures that may join: those its roles are scoped to, of the target population, not yet enrolled. */
  async function joinable(actor: Actor, c: Loaded) {
    if (actor.kind !== 'account') return [];
    const own = actor.roles.filter((r) => r.role === 'holder').flatMap((r) => r.scope ?? []);
    return q.joinableAmong(db, c.row.id, targetOf(c), [...new Set(own)]);
  }

  async function checkPartners(db: Executor, ids: string[]) {
    const found = new Set((await q.organisationsByIds(db, ids)).map((o) => o.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length)
      throw invalid(
        'Un partenaire n’est pas une structure de l’annuaire.',
        missing.map((id) => ({ path: 'partnerIds', message: `Aucune structure avec l’identifiant ${id}` })),
        'unknown_reference',
      );
  }

  function checkTarget(input: { targetKind?: string | undefined; targetSiaeKinds?: string[] | undefined }) {
    if (input.targetKind && input.targetKind !== 'siae' && input.targetSiaeKinds?.length)
      throw invalid('Seules les SIAE ont un type.', [{ path: 'targetSiaeKinds', message: 'Videz les types de SIAE ou ciblez les SIAE.' }]);
  }

  /** Why this structure is outside the challenge's target population, or undefined. */
  function outsideTarget(c: Loaded, o: { kind: string; siae_kind: string | null }): string | undefined {
    if (o.kind !== c.row.target_kind)
      return fr`Cette structure n’est pas du type que vise le défi (${organisationKindLabels[c.row.target_kind as OrganisationKind] ?? c.row.target_kind}).`;
    if (c.row.target_siae_kinds.length && !c.row.target_siae_kinds.includes(o.siae_kind ?? ''))
      return fr`Le défi vise les SIAE de type ${c.row.target_siae_kinds.join(', ')}.`;
    return undefined;
  }

  /** A progress date: a real day, not in the future (`day`: today, read once per request), within the challenge. */
  function dateIssue(c: Loaded, d: string, day = today()): string | undefined {
    if (!validDay(d)) return fr`Date invalide : ${d} (attendu AAAA-MM-JJ ou JJ/MM/AAAA).`;
    if (d > day) return 'La date ne peut pas être dans le futur.';
    if (d < c.row.starts_on) return fr`Le défi commence le ${c.row.starts_on} : la date doit suivre.`;
    if (d > c.row.ends_on) return fr`Le défi s’est terminé le ${c.row.ends_on} : la date doit précéder.`;
    return undefined;
  }

  async function enrolIds(c: Loaded, actor: Actor, ids: string[], source: ChallengeEnrolmentSource, dryRun: boolean) {
    const already = await q.enrolledAmong(db, c.row.id, ids);
    const result = { dryRun, selected: ids.length, enrolled: ids.length - already.size, alreadyEnrolled: already.size };
    if (dryRun || result.enrolled === 0) return result;
    await db.transaction().execute(async (tx) => {
      const added = await q.insertEnrolments(tx, c.row.id, ids, today(), source);
      result.enrolled = added;
      result.alreadyEnrolled = ids.length - added;
      await appendAudit(tx, [
        { ...auditActor(actor), action: 'import', entity: 'challenges', recordId: c.row.id, after: { enrolled: added, source, selected: ids.length } },
      ]);
    });
    return result;
  }

  async function progressOf(actor: Actor, c: Loaded, organisationId: string): Promise<StructureProgress> {
    const e = await q.getEnrolment(db, c.row.id, organisationId);
    if (!e) throw notFound('Inscription au défi', organisationId);
    const links = { ...linksOf(c), organisationId };
    const history = await q.progressHistory(db, c.row.id, organisationId);
    return {
      challengeId: c.row.id,
      challengeTitle: c.row.title,
      organisationId,
      organisationName: e.name,
      enrolledOn: e.enrolled_on,
      source: e.source as ChallengeEnrolmentSource,
      stepsDone: c.steps.filter((s) => (e.done_mask & (1 << s.position)) !== 0).length,
      canRecord: can(actor, 'record', { policy: challengePolicy, record: links }),
      steps: c.steps.map((s) => {
        const mine = history.filter((h) => h.step_id === s.id);
        return {
          id: s.id,
          position: s.position,
          label: s.label,
          measure: s.measure,
          target: s.target,
          value: mine[0]?.value ?? null,
          done: (e.done_mask & (1 << s.position)) !== 0,
          history: mine.map((h) => ({ value: h.value, recordedOn: h.recorded_on, evidenceUrl: h.evidence_url })),
        };
      }),
    };
  }

  return {
    async list(actor: Actor, query: { q?: string | undefined; page: number; pageSize: number }) {
      const { rows, total } = await q.listChallenges(db, { q: query.q, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      const ids = rows.map((r) => r.id);
      const [partners, steps] = await Promise.all([q.partnersOf(db, ids), q.stepsOf(db, ids)]);
      return {
        items: rows.map((row) => shape(actor, { row, partners: partners.get(row.id) ?? [], steps: steps.get(row.id) ?? [] })),
        total,
        totalExact: true,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get(actor: Actor, id: string): Promise<Challenge> {
      const c = await load(db, id);
      return { ...shape(actor, c), joinable: await joinable(actor, c) };
    },

    async create(actor: Actor, input: ChallengeInput): Promise<Challenge> {
      authorize(actor, 'create', { policy: challengePolicy });
      checkTarget(input);
      const partnerIds = [...new Set(input.partnerIds)];
      const id = await db.transaction().execute(async (tx) => {
        await checkPartners(tx, partnerIds);
        const id = await q.insertChallenge(tx, {
          title: input.title,
          description: input.description ?? '',
          target_kind: input.targetKind,
          target_siae_kinds: input.targetSiaeKinds,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
        });
        await q.setPartners(tx, id, partnerIds);
        await q.setSteps(tx, id, input.steps);
        await appendAudit(tx, [{ ...auditActor(actor), action: 'create', entity: 'challenges', recordId: id, after: input }]);
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: ChallengePatch): Promise<Challenge> {
      const before = await load(db, id);
      authorize(actor, 'update', { policy: challengePolicy, record: linksOf(before) });
      const startsOn = patch.startsOn ?? before.row.starts_on;
      const endsOn = patch.endsOn ?? before.row.ends_on;
      if (startsOn > endsOn) throw invalid('La fin du défi doit suivre son début.', [{ path: 'endsOn', message: 'La fin du défi doit suivre son début.' }]);
      const targetKind = patch.targetKind ?? before.row.target_kind;
      checkTarget({ targetKind, targetSiaeKinds: patch.targetSiaeKinds ?? (patch.targetKind ? [] : before.row.target_siae_kinds) });
      await db.transaction().execute(async (tx) => {
        if (patch.partnerIds) await checkPartners(tx, [...new Set(patch.partnerIds)]);
        await q.updateChallenge(tx, id, {
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.targetKind !== undefined ? { target_kind: patch.targetKind } : {}),
          ...(patch.targetSiaeKinds !== undefined ? { target_siae_kinds: patch.targetSiaeKinds } : {}),
          ...(patch.startsOn !== undefined ? { starts_on: patch.startsOn } : {}),
          ...(patch.endsOn !== undefined ? { ends_on: patch.endsOn } : {}),
        });
        if (patch.partnerIds) await q.setPartners(tx, id, [...new Set(patch.partnerIds)]);
        if (patch.steps) {
          await q.setSteps(tx, id, patch.steps);
          // Targets may have moved: every structure's steps done are counted again.
          const enrolled = await tx.selectFrom('challenge_enrolments').select('organisation_id').where('challenge_id', '=', id).execute();
          await q.refreshEnrolments(
            tx,
            id,
            enrolled.map((e) => e.organisation_id),
          );
        }
        await appendAudit(tx, [{ ...auditActor(actor), action: 'update', entity: 'challenges', recordId: id, before: shape(actor, before), after: patch }]);
      });
      return this.get(actor, id);
    },

    async enrol(actor: Actor, id: string, input: EnrolmentInput, dryRun: boolean) {
      const c = await load(db, id);
      if ('organisationId' in input) {
        authorize(
          actor,
          'enrol',
          { policy: challengePolicy, record: { ...linksOf(c), organisationId: input.organisationId } },
          { forbidden: 'Vous pouvez inscrire au défi les structures que vous portez.' },
        );
        const [o] = await q.organisationsByIds(db, [input.organisationId]);
        if (!o) throw invalid('Cette structure n’existe pas.', [{ path: 'organisationId', message: 'Structure introuvable' }], 'unknown_reference');
        const outside = outsideTarget(c, o);
        if (outside) throw invalid(outside, [{ path: 'organisationId', message: outside }], 'outside_target');
        const national = can(actor, 'enrolMany', { policy: challengePolicy, record: linksOf(c) });
        return enrolIds(c, actor, [o.id], national ? 'national' : 'self', dryRun);
      }
      authorize(actor, 'enrolMany', { policy: challengePolicy, record: linksOf(c) });
      const ids = await q.organisationIdsMatching(db, targetOf(c), input.filter);
      return enrolIds(c, actor, ids, 'filter', dryRun);
    },

    /** A file with a `SIRET` column: every row must name a structure of the directory in the target population, or nothing is enrolled. */
    async importEnrolments(actor: Actor, id: string, file: File, dryRun: boolean) {
      const c = await load(db, id);
      authorize(actor, 'enrolMany', { policy: challengePolicy, record: linksOf(c) });
      const table = await readTable(file.bytes, file.filename);
      const at = columnsOf(table.headers, [
        { header: 'SIRET', required: true },
        { header: 'Nom', required: false, aliases: ['Raison sociale', 'Structure'] },
      ]);
      const col = at.get('SIRET') as number;
      const issues: RowIssue[] = [];
      const sirets: Array<string | undefined> = table.rows.map((r) => {
        const raw = (r.cells[col] ?? '').trim();
        const s = normaliseSirenSiret(raw);
        if (raw === '') issues.push({ line: r.line, column: 'SIRET', message: 'SIRET manquant.' });
        else if (!/^[0-9]{14}$/.test(s) || !isValidSiret(s)) issues.push({ line: r.line, column: 'SIRET', message: fr`SIRET invalide : ${raw}` });
        else return s;
        return undefined;
      });
      const known = await findOrganisationIdsBySiret(
        db,
        sirets.filter((s): s is string => Boolean(s)),
      );
      const orgs = new Map((await q.organisationsByIds(db, [...known.values()])).map((o) => [o.id, o]));
      const seen = new Map<string, number>();
      const ids: string[] = [];
      sirets.forEach((s, i) => {
        const line = table.rows[i]?.line ?? 0;
        if (!s) return;
        const first = seen.get(s);
        const o = orgs.get(known.get(s) ?? '');
        const outside = o && outsideTarget(c, o);
        if (first !== undefined) issues.push({ line, column: 'SIRET', message: fr`SIRET en double dans le fichier (déjà à la ligne ${first})` });
        else if (!o) issues.push({ line, column: 'SIRET', message: fr`Aucune structure enregistrée avec le SIRET ${s}` });
        else if (outside) issues.push({ line, column: 'SIRET', message: outside });
        else ids.push(o.id);
        if (first === undefined) seen.set(s, line);
      });
      if (issues.length) throw rejected(issues, table.rows.length);
      if (!ids.length) throw invalid('Le fichier ne contient aucune ligne.', [{ path: 'fichier', message: 'Aucune ligne de données' }], 'import_rejected');
      return enrolIds(c, actor, ids, 'import', dryRun);
    },

    async recordProgress(actor: Actor, id: string, input: ProgressInput): Promise<StructureProgress> {
      const c = await load(db, id);
      const links = { ...linksOf(c), organisationId: input.organisationId };
      authorize(actor, 'record', { policy: challengePolicy, record: links }, { forbidden: 'Vous pouvez relever l’avancement des structures que vous portez.' });
      if (!(await q.getEnrolment(db, id, input.organisationId)))
        throw invalid('Cette structure n’est pas inscrite au défi.', [{ path: 'organisationId', message: 'Structure non inscrite' }], 'not_enrolled');
      if (!c.steps.some((s) => s.id === input.stepId))
        throw invalid('Cette étape n’est pas une étape du défi.', [{ path: 'stepId', message: 'Étape inconnue' }], 'unknown_reference');
      const bad = dateIssue(c, input.recordedOn);
      if (bad) throw invalid(bad, [{ path: 'recordedOn', message: bad }]);
      await db.transaction().execute(async (tx) => {
        await q.insertProgress(tx, [
          {
            challenge_id: id,
            organisation_id: input.organisationId,
            step_id: input.stepId,
            value: input.value,
            recorded_on: input.recordedOn,
            evidence_url: input.evidenceUrl ?? null,
            account_id: actor.kind === 'account' ? actor.accountId : null,
          },
        ]);
        await q.refreshEnrolments(tx, id, [input.organisationId]);
        await appendAudit(tx, [
          { ...auditActor(actor), action: 'create', entity: 'challenge-progress', recordId: `${id}/${input.organisationId}`, after: input },
        ]);
      });
      return progressOf(actor, c, input.organisationId);
    },

    /** Records from a file (SIRET, Étape, Valeur, Date, Preuve), all or nothing with the report of bad rows. */
    async importProgress(actor: Actor, id: string, file: File, dryRun: boolean) {
      const c = await load(db, id);
      authorize(actor, 'enrolMany', { policy: challengePolicy, record: linksOf(c) });
      const table = await readTable(file.bytes, file.filename);
      const at = columnsOf(table.headers, [
        { header: 'SIRET', required: true },
        { header: 'Étape', required: true },
        { header: 'Valeur', required: true },
        { header: 'Date', required: true },
        { header: 'Preuve', required: false, aliases: ['Lien', 'Justificatif'] },
      ]);
      const cell = (cells: string[], h: string) => {
        const i = at.get(h);
        return i === undefined ? '' : (cells[i] ?? '').trim();
      };
      const stepByKey = new Map<string, string>();
      for (const s of c.steps) {
        stepByKey.set(String(s.position + 1), s.id);
        stepByKey.set(fold(s.label), s.id);
      }
      const sirets = [...new Set(table.rows.map((r) => normaliseSirenSiret(cell(r.cells, 'SIRET'))).filter((s) => /^[0-9]{14}$/.test(s)))];
      const known = await findOrganisationIdsBySiret(db, sirets);
      const enrolled = await q.enrolledAmong(db, id, [...known.values()]);
      const issues: RowIssue[] = [];
      const rows: q.ProgressRow[] = [];
      const accountId = actor.kind === 'account' ? actor.accountId : null;
      const day = today();
      for (const r of table.rows) {
        const bad = (column: string, message: string) => issues.push({ line: r.line, column, message });
        const rawSiret = cell(r.cells, 'SIRET');
        const s = normaliseSirenSiret(rawSiret);
        let orgId: string | undefined;
        if (rawSiret === '') bad('SIRET', 'SIRET manquant.');
        else if (!/^[0-9]{14}$/.test(s) || !isValidSiret(s)) bad('SIRET', fr`SIRET invalide : ${rawSiret}`);
        else if (!known.has(s)) bad('SIRET', fr`Aucune structure enregistrée avec le SIRET ${s}`);
        else if (!enrolled.has(known.get(s) as string)) bad('SIRET', fr`La structure au SIRET ${s} n’est pas inscrite au défi.`);
        else orgId = known.get(s);
        const rawStep = cell(r.cells, 'Étape');
        const stepId = stepByKey.get(fold(rawStep)) ?? stepByKey.get(rawStep);
        if (!stepId)
          bad('Étape', rawStep === '' ? 'Étape manquante.' : fr`Étape inconnue : ${rawStep} (numéro de 1 à ${c.steps.length}, ou libellé de l’étape)`);
        const value = integer(cell(r.cells, 'Valeur'));
        if (typeof value !== 'number' || value < 0 || value > 1_000_000)
          bad('Valeur', value === undefined ? 'Valeur manquante.' : fr`Valeur invalide : ${cell(r.cells, 'Valeur')} (un nombre entier positif)`);
        const recordedOn = dateCell(cell(r.cells, 'Date'));
        const dateBad = typeof recordedOn === 'string' ? dateIssue(c, recordedOn, day) : 'Date manquante.';
        if (dateBad) bad('Date', dateBad);
        const rawUrl = cell(r.cells, 'Preuve');
        const evidence = rawUrl === '' ? null : urlSchema.safeParse(rawUrl);
        if (evidence && !evidence.success) bad('Preuve', evidence.error.issues[0]?.message ?? 'Adresse invalide.');
        if (orgId && stepId && typeof value === 'number' && !dateBad && (!evidence || evidence.success))
          rows.push({
            challenge_id: id,
            organisation_id: orgId,
            step_id: stepId,
            value,
            recorded_on: recordedOn as string,
            evidence_url: evidence?.data ?? null,
            account_id: accountId,
          });
      }
      if (issues.length) throw rejected(issues, table.rows.length);
      if (!rows.length) throw invalid('Le fichier ne contient aucune ligne.', [{ path: 'fichier', message: 'Aucune ligne de données' }], 'import_rejected');
      const structures = [...new Set(rows.map((r) => r.organisation_id))];
      const result = { dryRun, rows: table.rows.length, structures: structures.length, imported: 0 };
      if (dryRun) return result;
      await db.transaction().execute(async (tx) => {
        await q.insertProgress(tx, rows);
        await q.refreshEnrolments(tx, id, structures);
        await appendAudit(tx, [
          { ...auditActor(actor), action: 'import', entity: 'challenge-progress', recordId: id, after: { rows: rows.length, structures: structures.length } },
        ]);
      });
      return { ...result, imported: rows.length };
    },

    async structureProgress(actor: Actor, id: string, organisationId: string) {
      const c = await load(db, id);
      // Who may not see it gets the 404 of an enrolment that does not exist.
      if (!can(actor, 'readProgress', { policy: challengePolicy, record: { ...linksOf(c), organisationId } }))
        throw notFound('Inscription au défi', organisationId);
      return progressOf(actor, c, organisationId);
    },

    /** A structure's challenges, for its page: only those the caller may see the progress of. */
    async organisationChallenges(actor: Actor, organisationId: string) {
      const enrolments = await q.enrolmentsOfOrganisation(db, organisationId);
      const items: StructureProgress[] = [];
      for (const e of enrolments) {
        const c = await load(db, e.challenge_id);
        if (can(actor, 'readProgress', { policy: challengePolicy, record: { ...linksOf(c), organisationId } }))
          items.push(await progressOf(actor, c, organisationId));
      }
      return { items };
    },

    async dashboard(actor: Actor, id: string): Promise<ChallengeDashboard> {
      const c = await load(db, id);
      const full = can(actor, 'dashboard', { policy: challengePolicy, record: linksOf(c) });
      const day = today();
      const asOf = [day, c.row.ends_on].sort()[0] as string;
      const f = await q.dashboardFigures(db, id, { steps: c.steps.length, asOf, stuckDays: STUCK_DAYS, stuckItems: full ? STUCK_ITEMS : 0 });
      const stageOf = (mask: number) => c.steps.find((s) => (mask & (1 << s.position)) === 0);
      const named = (rows: Array<{ code: string | null; name: string | null; enrolled: number; completed: number }>) =>
        rows.map((r) => ({ code: r.code ?? '', name: r.name ?? 'Non renseigné', enrolled: r.enrolled, completed: r.completed }));
      return {
        asOf,
        scope: full ? 'full' : 'public',
        enrolled: f.enrolled,
        active30d: f.active,
        completed: f.completed,
        funnel: c.steps.map((s, k) => ({ stepId: s.id, label: s.label, count: f.funnel[k] ?? 0 })),
        byRegion: named(f.byRegion),
        byDepartement: named(f.byDepartement),
        bySiaeKind: named(f.bySiaeKind),
        stuck: {
          total: f.stuckTotal,
          items: f.stuck.map((r) => {
            const step = stageOf(r.done_mask);
            return { organisationId: r.organisation_id, name: r.name, stepId: step?.id ?? null, stepLabel: step?.label ?? '', since: r.since, days: r.days };
          }),
        },
        perWeek: f.perWeek,
      };
    },
  };
}

/** The dashboard as the rows of a spreadsheet (CSV, XLSX). */
export type DashboardRow = { section: string; key: string; label: string; count: number; completed: number | null };
export function dashboardRows(d: ChallengeDashboard): DashboardRow[] {
  return [
    { section: 'Total', key: 'enrolled', label: 'Structures inscrites', count: d.enrolled, completed: d.completed },
    { section: 'Total', key: 'active30d', label: 'Actives sur les 30 derniers jours', count: d.active30d, completed: null },
    { section: 'Total', key: 'stuck', label: `Bloquées depuis plus de ${STUCK_DAYS} jours`, count: d.stuck.total, completed: null },
    ...d.funnel.map((s, i) => ({ section: 'Étape', key: String(i + 1), label: s.label, count: s.count, completed: null })),
    ...d.byRegion.map((r) => ({ section: 'Région', key: r.code, label: r.name, count: r.enrolled, completed: r.completed })),
    ...d.byDepartement.map((r) => ({ section: 'Département', key: r.code, label: r.name, count: r.enrolled, completed: r.completed })),
    ...d.bySiaeKind.map((r) => ({ section: 'Type de SIAE', key: r.code, label: r.name, count: r.enrolled, completed: r.completed })),
    ...d.stuck.items.map((s) => ({
      section: 'Bloquée',
      key: s.organisationId,
      label: `${s.name} — ${s.stepLabel} (${s.days} jours)`,
      count: s.days,
      completed: null,
    })),
    ...d.perWeek.map((w) => ({ section: 'Semaine', key: w.week, label: `Semaine du ${w.week}`, count: w.records, completed: null })),
  ];
}
export const dashboardColumns = [
  { header: 'Rubrique', value: (r: DashboardRow) => r.section },
  { header: 'Clé', value: (r: DashboardRow) => r.key },
  { header: 'Libellé', value: (r: DashboardRow) => r.label },
  { header: 'Nombre', value: (r: DashboardRow) => r.count },
  { header: 'Parcours terminés', value: (r: DashboardRow) => r.completed },
];
