import type {
  Obstacle,
  ObstacleActionInput,
  ObstacleActionOut,
  ObstacleInput,
  ObstacleListQuery,
  ObstaclePatch,
  ObstacleStats,
  ObstacleStatsQuery,
} from '../../../shared/schemas/relance';
import type { CsvColumn } from '../../../shared/spreadsheet/csv';
import { fr } from '../../../shared/text';
import { obstaclePage } from '../../../shared/web-routes';
import {
  type ObstacleCategory,
  type ObstacleStatus,
  obstacleCategories,
  obstacleCategoryLabels,
  obstacleStatuses,
  obstacleStatusLabels,
} from '../../../shared/vocabulary';
import type { Database, Executor } from '../../db/connection';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { actionsOn, authorize, can } from '../../policies/authorize';
import { isNationalTeam } from '../../policies/roles';
import { appendAudit } from '../audit/audit-queries';
import { notify } from '../notifications/notify';
import { parisToday } from './measure-service';
import * as q from './obstacle-queries';
import { operatorAccounts } from './relance-queries';
import { type ObstacleLinks, obstaclePolicy } from './relance-policy';

export interface ObstacleServiceOptions {
  now?: () => Date;
  /** Reminders go this many days before the due date. */
  reminderDays?: number;
}

const DAY = 86_400_000;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const actorId = (actor: Actor) => (actor.kind === 'account' ? actor.accountId : null);

function visibility(actor: Actor): q.ObstacleVisibility {
  if (isNationalTeam(actor)) return { all: true, accountId: null, holderOrganisationIds: [], collectiveIds: [], operatorIds: [] };
  if (actor.kind !== 'account') return { all: false, accountId: null, holderOrganisationIds: [], collectiveIds: [], operatorIds: [] };
  const scoped = (role: string) => actor.roles.flatMap((r) => (r.role === role ? (r.scope ?? []) : []));
  return {
    all: false,
    accountId: actor.accountId,
    holderOrganisationIds: scoped('holder'),
    collectiveIds: scoped('coordinator'),
    operatorIds: scoped('operator'),
  };
}

const linksOf = (r: q.ObstacleRow): ObstacleLinks => ({
  projectOrganisationId: r.project_organisation_id,
  projectCollectiveId: r.project_collective_id,
  organisationId: r.organisation_id,
  operatorOrganisationId: r.operator_organisation_id,
  measureOperatorId: r.measure_operator_id,
  ownerAccountId: r.owner_account_id,
  raisedByAccountId: r.raised_by_account_id,
});

function shape(actor: Actor, r: q.ObstacleRow): Obstacle {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    eventId: r.event_id,
    eventTitle: r.event_title,
    measureId: r.measure_id,
    measureName: r.measure_name,
    operatorOrganisationId: r.operator_organisation_id,
    operatorName: r.operator_name,
    projectId: r.project_id,
    projectTitle: r.project_title,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    category: r.category as ObstacleCategory,
    severity: r.severity,
    ownerAccountId: r.owner_account_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status: r.status as ObstacleStatus,
    resolution: r.resolution,
    liftedAt: iso(r.lifted_at),
    raisedByAccountId: r.raised_by_account_id,
    raisedByName: r.raised_by_name,
    createdAt: iso(r.created_at) as string,
    updatedAt: iso(r.updated_at) as string,
    actions: actionsOn(actor, ['update', 'comment', 'status', 'assign'] as const, obstaclePolicy, linksOf(r)),
  };
}

const shapeAction = (a: q.ActionRow): ObstacleActionOut => ({
  id: a.id,
  obstacleId: a.obstacle_id,
  kind: a.kind as ObstacleActionOut['kind'],
  comment: a.comment,
  status: a.status as ObstacleStatus | null,
  reason: a.reason,
  resolution: a.resolution,
  ownerAccountId: a.owner_account_id,
  ownerName: a.owner_name,
  accountId: a.account_id,
  accountName: a.account_name,
  createdAt: iso(a.created_at) as string,
});

/** Where a notification about an obstacle leads. */
const link = (id: string): string | null => obstaclePage(id);

/** The statistics as rows of a spreadsheet (one table: section, key, label, count, lifted). */
export interface StatsRow {
  section: string;
  key: string;
  label: string;
  count: number | null;
  lifted: number | null;
}
export const statsColumns: CsvColumn<StatsRow>[] = [
  { header: 'Rubrique', value: (r) => r.section },
  { header: 'Clé', value: (r) => r.key },
  { header: 'Libellé', value: (r) => r.label },
  { header: 'Nombre', value: (r) => r.count },
  { header: 'Levés', value: (r) => r.lifted },
];

export function statsRows(s: ObstacleStats): StatsRow[] {
  const round = (n: number | null) => (n == null ? null : Math.round(n * 10) / 10);
  return [
    { section: 'Total', key: 'total', label: 'Freins signalés', count: s.total, lifted: s.byStatus.lifted ?? 0 },
    ...obstacleStatuses.map((k) => ({ section: 'Statut', key: k, label: obstacleStatusLabels[k], count: s.byStatus[k] ?? 0, lifted: null })),
    ...obstacleCategories.map((k) => ({ section: 'Catégorie', key: k, label: obstacleCategoryLabels[k], count: s.byCategory[k] ?? 0, lifted: null })),
    ...s.byMeasure.map((m) => ({ section: 'Mesure', key: m.id ?? '', label: m.name, count: m.count, lifted: m.lifted })),
    ...s.byOperator.map((m) => ({ section: 'Opérateur', key: m.id ?? '', label: m.name, count: m.count, lifted: m.lifted })),
    ...s.perMonth.map((m) => ({ section: 'Mois', key: m.month, label: m.month, count: m.raised, lifted: m.lifted })),
    { section: 'Délai', key: 'median', label: 'Délai médian de levée (jours)', count: round(s.medianDaysToLift), lifted: null },
    { section: 'Délai', key: 'p90', label: 'Délai de levée du 9e décile (jours)', count: round(s.p90DaysToLift), lifted: null },
    { section: 'Ancienneté', key: 'open_over_30_days', label: 'Ouverts depuis plus de 30 jours', count: s.openOver30Days, lifted: null },
  ];
}

/** Obstacles raised with operators, their timeline until lifted, reminders and statistics. */
export function obstacleService(db: Database, opts: ObstacleServiceOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const reminderDays = opts.reminderDays ?? 3;

  async function readable(ex: Executor, actor: Actor, id: string) {
    const row = await q.getObstacle(ex, id);
    if (!row || !can(actor, 'read', { policy: obstaclePolicy, record: linksOf(row) })) throw notFound('Frein', id);
    return row;
  }

  async function checkReferences(ex: Executor, b: Partial<ObstacleInput>) {
    const refs = [
      ['eventId', 'events', b.eventId],
      ['measureId', 'recovery_measures', b.measureId],
      ['operatorOrganisationId', 'organisations', b.operatorOrganisationId],
      ['projectId', 'projects', b.projectId],
      ['organisationId', 'organisations', b.organisationId],
    ] as const;
    const wanted = refs.flatMap(([path, table, id]) => (id ? [{ path, table, id }] : []));
    const missing = await q.missingReferences(ex, wanted);
    const owner = b.ownerAccountId && !(await q.accountExists(ex, b.ownerAccountId)) ? [{ path: 'ownerAccountId' }] : [];
    const all = [...missing.map((m) => ({ path: wanted.find((w) => w.id === m.id && w.table === m.table)?.path ?? '' })), ...owner];
    if (all.length)
      throw invalid(
        'Un des enregistrements indiqués n’existe pas.',
        all.map((m) => ({ path: m.path, message: 'Introuvable' })),
        'unknown_reference',
      );
  }

  /** Move or reassign an obstacle: the one way both the timeline and PATCH change them. */
  async function move(tx: Executor, actor: Actor, row: q.ObstacleRow, a: ObstacleActionInput): Promise<string> {
    const links = linksOf(row);
    if (a.kind === 'comment') {
      authorize(actor, 'comment', { policy: obstaclePolicy, record: links });
      if (!a.comment?.trim()) throw invalid('Écrivez votre commentaire.', [{ path: 'comment', message: 'Commentaire vide' }], 'comment_required');
      const [id] = await q.insertActions(tx, [{ obstacle_id: row.id, kind: 'comment', comment: a.comment, account_id: actorId(actor) }]);
      const told = [row.raised_by_account_id, row.owner_account_id].filter((x): x is string => !!x && x !== actorId(actor));
      if (told.length)
        await notify(tx, {
          accountIds: told,
          category: 'recovery',
          title: fr`Nouveau commentaire sur le frein « ${row.title} »`,
          body: a.comment,
          link: link(row.id),
        });
      return id as string;
    }
    if (a.kind === 'status') {
      authorize(actor, 'status', { policy: obstaclePolicy, record: links });
      if (!a.status) throw invalid('Indiquez le nouveau statut.', [{ path: 'status', message: 'Statut manquant' }], 'status_required');
      if (a.status === row.status)
        throw invalid(fr`Le frein est déjà « ${obstacleStatusLabels[a.status]} ».`, [{ path: 'status', message: 'Statut inchangé' }], 'same_status');
      const resolution = a.resolution?.trim() ?? '';
      if (a.status === 'lifted' && !resolution)
        throw invalid(
          'Pour lever un frein, décrivez la résolution obtenue.',
          [{ path: 'resolution', message: 'Résolution obligatoire' }],
          'resolution_required',
        );
      await q.updateObstacle(tx, row.id, {
        status: a.status,
        lifted_at: a.status === 'lifted' ? now() : null,
        ...(a.status === 'lifted' ? { resolution } : {}),
      });
      const [id] = await q.insertActions(tx, [
        {
          obstacle_id: row.id,
          kind: 'status',
          status: a.status,
          reason: a.reason ?? null,
          resolution: resolution || null,
          comment: a.comment ?? null,
          account_id: actorId(actor),
        },
      ]);
      if (row.raised_by_account_id && row.raised_by_account_id !== actorId(actor))
        await notify(tx, {
          accountIds: [row.raised_by_account_id],
          category: 'recovery',
          title: fr`Votre frein « ${row.title} » est maintenant : ${obstacleStatusLabels[a.status].toLowerCase()}`,
          body: resolution || a.reason || a.comment || undefined,
          link: link(row.id),
        });
      return id as string;
    }
    authorize(actor, 'assign', { policy: obstaclePolicy, record: links });
    if (a.ownerAccountId === undefined)
      throw invalid('Indiquez le nouveau responsable.', [{ path: 'ownerAccountId', message: 'Responsable manquant' }], 'owner_required');
    if (a.ownerAccountId && !(await q.accountExists(tx, a.ownerAccountId)))
      throw invalid('Ce compte n’existe pas.', [{ path: 'ownerAccountId', message: 'Compte introuvable' }], 'unknown_reference');
    await q.updateObstacle(tx, row.id, { owner_account_id: a.ownerAccountId });
    const [id] = await q.insertActions(tx, [
      {
        obstacle_id: row.id,
        kind: 'assign',
        owner_account_id: a.ownerAccountId,
        comment: a.comment ?? null,
        reason: a.reason ?? null,
        account_id: actorId(actor),
      },
    ]);
    if (a.ownerAccountId && a.ownerAccountId !== actorId(actor))
      await notify(tx, { accountIds: [a.ownerAccountId], category: 'recovery', title: fr`Un frein vous est confié : ${row.title}`, link: link(row.id) });
    if (row.raised_by_account_id && row.raised_by_account_id !== actorId(actor) && row.raised_by_account_id !== a.ownerAccountId)
      await notify(tx, {
        accountIds: [row.raised_by_account_id],
        category: 'recovery',
        title: fr`Votre frein « ${row.title} » a un nouveau responsable`,
        link: link(row.id),
      });
    return id as string;
  }

  async function statsOf(actor: Actor, query: ObstacleStatsQuery): Promise<ObstacleStats> {
    const r = await q.obstacleStats(db, visibility(actor), { from: query.from, to: query.to, measure: query.measure, operator: query.operator, now: now() });
    const byStatus = Object.fromEntries(obstacleStatuses.map((s) => [s, 0])) as Record<ObstacleStatus, number>;
    for (const x of r.byStatus) byStatus[x.key as ObstacleStatus] = Number(x.n);
    const byCategory = Object.fromEntries(obstacleCategories.map((s) => [s, 0])) as Record<ObstacleCategory, number>;
    for (const x of r.byCategory) byCategory[x.key as ObstacleCategory] = Number(x.n);
    const num = (v: number | string | null | undefined) => (v == null ? null : Math.round(Number(v) * 10) / 10);
    return {
      total: Number(r.summary?.total ?? 0),
      byStatus,
      byCategory,
      byMeasure: r.byMeasure.map((m) => ({ id: m.id, name: m.name ?? 'Sans mesure', count: Number(m.n), lifted: Number(m.lifted) })),
      byOperator: r.byOperator.map((m) => ({ id: m.id, name: m.name ?? 'Sans opérateur', count: Number(m.n), lifted: Number(m.lifted) })),
      medianDaysToLift: num(r.summary?.median),
      p90DaysToLift: num(r.summary?.p90),
      openOver30Days: Number(r.summary?.open_over_30 ?? 0),
      perMonth: r.perMonth.map((m) => ({ month: m.month, raised: Number(m.raised), lifted: Number(m.lifted) })),
    };
  }

  return {
    async list(actor: Actor, query: ObstacleListQuery) {
      const { rows, total } = await q.listObstacles(
        db,
        visibility(actor),
        {
          q: query.q,
          status: query.status,
          category: query.category,
          measure: query.measure,
          operator: query.operator,
          project: query.project,
          organisation: query.organisation,
          event: query.event,
          ownerAccountId: query.mine === 'true' ? (actorId(actor) ?? undefined) : undefined,
        },
        { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      );
      return { items: rows.map((r) => shape(actor, r)), total, totalExact: true, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string) {
      return shape(actor, await readable(db, actor, id));
    },

    async create(actor: Actor, body: ObstacleInput) {
      return db.transaction().execute(async (tx) => {
        await checkReferences(tx, body);
        const project = body.projectId
          ? await tx.selectFrom('projects').select(['lead_organisation_id', 'collective_id']).where('id', '=', body.projectId).executeTakeFirst()
          : undefined;
        authorize(
          actor,
          'raise',
          {
            policy: obstaclePolicy,
            record: {
              projectOrganisationId: project?.lead_organisation_id ?? null,
              projectCollectiveId: project?.collective_id ?? null,
              organisationId: body.organisationId ?? null,
            },
          },
          { forbidden: 'Vous pouvez signaler un frein sur les projets et les structures que vous portez ou coordonnez.' },
        );
        const id = await q.insertObstacle(tx, {
          title: body.title,
          description: body.description ?? '',
          event_id: body.eventId ?? null,
          measure_id: body.measureId ?? null,
          operator_organisation_id: body.operatorOrganisationId ?? null,
          project_id: body.projectId ?? null,
          organisation_id: body.organisationId ?? null,
          category: body.category,
          severity: body.severity,
          owner_account_id: body.ownerAccountId ?? null,
          due_on: body.dueOn ?? null,
          raised_by_account_id: actorId(actor),
        });
        await appendAudit(tx, [{ actorKind: actor.kind, actorId: actorId(actor), action: 'create', entity: 'obstacles', recordId: id, after: body }]);
        const row = (await q.getObstacle(tx, id)) as q.ObstacleRow;
        // The owner, or else the operator's staff, learn of it.
        const told = row.owner_account_id
          ? [row.owner_account_id]
          : await operatorAccounts(tx, row.operator_organisation_id ? [row.operator_organisation_id] : []);
        const others = told.filter((a) => a !== actorId(actor));
        if (others.length)
          await notify(tx, {
            accountIds: others,
            category: 'recovery',
            title: fr`Nouveau frein signalé : ${row.title}`,
            body: [row.project_title, row.measure_name].filter(Boolean).join(' — ') || undefined,
            link: link(id),
          });
        return shape(actor, row);
      });
    },

    async update(actor: Actor, id: string, body: ObstaclePatch) {
      return db.transaction().execute(async (tx) => {
        const row = await readable(tx, actor, id);
        const { status, reason, resolution, ownerAccountId, ...fields } = body;
        if (Object.keys(fields).length) {
          authorize(actor, 'update', { policy: obstaclePolicy, record: linksOf(row) });
          await checkReferences(tx, fields);
          await q.updateObstacle(tx, id, {
            ...(fields.title !== undefined ? { title: fields.title } : {}),
            ...(fields.description !== undefined ? { description: fields.description } : {}),
            ...(fields.eventId !== undefined ? { event_id: fields.eventId } : {}),
            ...(fields.measureId !== undefined ? { measure_id: fields.measureId } : {}),
            ...(fields.operatorOrganisationId !== undefined ? { operator_organisation_id: fields.operatorOrganisationId } : {}),
            ...(fields.projectId !== undefined ? { project_id: fields.projectId } : {}),
            ...(fields.organisationId !== undefined ? { organisation_id: fields.organisationId } : {}),
            ...(fields.category !== undefined ? { category: fields.category } : {}),
            ...(fields.severity !== undefined ? { severity: fields.severity } : {}),
            ...(fields.dueOn !== undefined ? { due_on: fields.dueOn } : {}),
          });
          await appendAudit(tx, [{ actorKind: actor.kind, actorId: actorId(actor), action: 'update', entity: 'obstacles', recordId: id, after: fields }]);
        }
        if (ownerAccountId !== undefined && ownerAccountId !== row.owner_account_id)
          await move(tx, actor, (await q.getObstacle(tx, id)) as q.ObstacleRow, { kind: 'assign', ownerAccountId });
        if (status !== undefined && status !== row.status)
          await move(tx, actor, (await q.getObstacle(tx, id)) as q.ObstacleRow, { kind: 'status', status, reason, resolution });
        return shape(actor, (await q.getObstacle(tx, id)) as q.ObstacleRow);
      });
    },

    async actions(actor: Actor, id: string) {
      await readable(db, actor, id);
      return { items: (await q.listActions(db, id)).map(shapeAction) };
    },

    async addAction(actor: Actor, id: string, body: ObstacleActionInput) {
      return db.transaction().execute(async (tx) => {
        const row = await readable(tx, actor, id);
        const actionId = await move(tx, actor, row, body);
        return shapeAction((await q.listActions(tx, id, actionId))[0] as q.ActionRow);
      });
    },

    stats: statsOf,

    /**
     * Remind everyone concerned (owner, raiser, the operator's staff) a few days
     * before an open obstacle's due date, and once when it is overdue. Each
     * reminder is sent once per due date. Returns how many obstacles were reminded.
     */
    async remindDue(): Promise<number> {
      const today = parisToday(now());
      const soon = parisToday(new Date(now().getTime() + reminderDays * DAY));
      const yesterday = parisToday(new Date(now().getTime() - DAY));
      let n = 0;
      for (const [kind, from, to] of [
        ['due_soon', today, soon],
        ['overdue', '1900-01-01', yesterday],
      ] as const) {
        await db.transaction().execute(async (tx) => {
          const due = await q.dueObstacles(tx, kind, from, to);
          for (const o of due) {
            const staff = await operatorAccounts(tx, o.op_id ? [o.op_id] : []);
            const accounts = [...new Set([o.owner_account_id, o.raised_by_account_id, ...staff].filter((x): x is string => !!x))];
            const date = o.due_on.split('-').reverse().join('/');
            if (accounts.length)
              await notify(tx, {
                accountIds: accounts,
                category: 'recovery',
                title: kind === 'due_soon' ? fr`Échéance proche (${date}) : ${o.title}` : fr`Frein en retard (échéance du ${date}) : ${o.title}`,
                link: link(o.id),
              });
          }
          await q.markReminded(
            tx,
            due.map((o) => ({ obstacle_id: o.id, kind, due_on: o.due_on })),
          );
          n += due.length;
        });
      }
      return n;
    },
  };
}
