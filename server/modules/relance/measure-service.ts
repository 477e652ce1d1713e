import type { EligibilityRulesInput, Measure, MeasureInput, MeasureListQuery, MeasurePatch, MeasuresFor } from '../../../shared/schemas/relance';
import { fr, typo } from '../../../shared/text';
import { type MeasureWindow, organisationKindLabels, projectStageLabels } from '../../../shared/vocabulary';
import {
  type CompiledMeasure,
  checkEligibility,
  compileMeasure,
  type EligibilityRules,
  type Eligibility,
  noRules,
  verdictOf,
  verdictRank,
} from '../../../engines/eligibility/eligibility';
import type { Database, Executor } from '../../db/connection';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { authorize, can } from '../../policies/authorize';
import { appendAudit } from '../audit/audit-queries';
import { measurePage } from '../../../shared/web-routes';
import { notify } from '../notifications/notify';
import * as q from './relance-queries';
import { measurePolicy } from './relance-policy';

export interface MeasureServiceOptions {
  /** Today, in Paris (YYYY-MM-DD): windows and ages are read against it. */
  today?: () => string;
}

/** Today's date in Paris. */
export const parisToday = (d = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);

const iso = (d: Date) => new Date(d).toISOString();
const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const windowOf = (m: { opens_on: string | null; closes_on: string | null }, today: string): MeasureWindow =>
  m.opens_on && m.opens_on > today ? 'upcoming' : m.closes_on && m.closes_on < today ? 'closed' : 'open';
// The vocabulary's labels are not typeset (straight apostrophes): the sentences are.
const typesetKinds = Object.fromEntries(Object.entries(organisationKindLabels).map(([k, v]) => [k, typo(v)]));
const windowRank: Record<MeasureWindow, number> = { open: 0, upcoming: 1, closed: 2 };

const rulesOf = (r: q.MeasureRow): EligibilityRulesInput => ({ ...noRules, ...parse<Partial<EligibilityRulesInput>>(r.rules) }) as EligibilityRulesInput;

/** The rules in words, one sentence per criterion the measure constrains. */
export function rulesInWords(rules: EligibilityRules, names: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const join = (xs: readonly string[]) => xs.join(', ');
  if (rules.legalCategories.length) out.push(fr`Formes juridiques admises : ${join(rules.legalCategories)}`);
  if (rules.kinds.length) out.push(fr`Types de structure admis : ${join(rules.kinds.map((k) => typesetKinds[k] ?? k))}`);
  if (rules.essRequired) out.push('Réservée aux structures de l’ESS (loi du 31 juillet 2014)');
  if (rules.esusRequired) out.push('Réservée aux structures agréées ESUS');
  out.push(rules.territories.length ? fr`Territoires : ${join(rules.territories.map((t) => names.get(t) ?? t))}` : 'Mesure nationale');
  if (rules.minAgeYears != null) out.push(`Au moins ${rules.minAgeYears} an${rules.minAgeYears > 1 ? 's' : ''} d’existence`);
  if (rules.sizes.length) out.push(fr`Tailles admises : ${join(rules.sizes.map((s) => s.toUpperCase()))}`);
  if (rules.stages.length)
    out.push(fr`Stades de projet admis : ${join(rules.stages.map((s) => projectStageLabels[s as keyof typeof projectStageLabels] ?? s))}`);
  if (rules.maxAmountEur != null)
    out.push(
      fr`Montant plafond : ${new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(rules.maxAmountEur)}`,
    );
  return out;
}

/**
 * ESS relance's measures: the catalogue, its writes, and eligibility —
 * a project's or a structure's measures with verdicts, a measure's eligible
 * projects, all verdicts in one batch, and who to tell when a measure opens.
 */
export function measureService(db: Database, opts: MeasureServiceOptions = {}) {
  const today = opts.today ?? (() => parisToday());

  async function shape(actor: Actor, rows: q.MeasureRow[], ex: Executor = db, known?: ReadonlyMap<string, string>): Promise<Measure[]> {
    const day = today();
    const names = known ?? (await q.territoryNames(ex, [...new Set(rows.flatMap((r) => rulesOf(r).territories))]));
    const actions = can(actor, 'write', { policy: measurePolicy }) ? (['update', 'delete'] as const) : ([] as const);
    return rows.map((r) => {
      const rules = rulesOf(r);
      return {
        id: r.id,
        name: r.name,
        description: r.description,
        operatorOrganisationId: r.operator_organisation_id,
        operatorName: r.operator_name,
        component: r.component as Measure['component'],
        budgetEur: r.budget_eur == null ? null : Number(r.budget_eur),
        opensOn: r.opens_on,
        closesOn: r.closes_on,
        windowKind: r.window_kind as Measure['windowKind'],
        window: windowOf(r, day),
        url: r.url,
        themes: r.themes,
        rules,
        rulesInWords: rulesInWords(rules, names),
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
        actions: [...actions],
      };
    });
  }

  async function readMeasure(ex: Executor, id: string) {
    const [row] = await q.getMeasures(ex, [id]);
    if (!row) throw notFound('Mesure', id);
    return row;
  }

  async function checkOperator(ex: Executor, id: string | undefined) {
    if (id && !(await q.organisationExists(ex, id)))
      throw invalid(
        'L’opérateur indiqué n’existe pas dans l’annuaire.',
        [{ path: 'operatorOrganisationId', message: 'Structure introuvable' }],
        'unknown_reference',
      );
  }

  const values = (b: Partial<MeasureInput>): Partial<q.MeasureValues> => ({
    ...(b.name !== undefined ? { name: b.name } : {}),
    ...(b.description !== undefined ? { description: b.description } : {}),
    ...(b.operatorOrganisationId !== undefined ? { operator_organisation_id: b.operatorOrganisationId } : {}),
    ...(b.component !== undefined ? { component: b.component } : {}),
    ...(b.budgetEur !== undefined ? { budget_eur: b.budgetEur } : {}),
    ...(b.opensOn !== undefined ? { opens_on: b.opensOn } : {}),
    ...(b.closesOn !== undefined ? { closes_on: b.closesOn } : {}),
    ...(b.windowKind !== undefined ? { window_kind: b.windowKind } : {}),
    ...(b.url !== undefined ? { url: b.url } : {}),
    ...(b.themes !== undefined ? { themes: b.themes } : {}),
    ...(b.rules !== undefined ? { rules: JSON.stringify(b.rules) } : {}),
  });

  /** Verdicts of subjects against measures, with sentences. */
  async function explain(measures: q.MeasureRow[], known?: ReadonlyMap<string, string>) {
    const compiled = measures.map((m) => compileMeasure({ id: m.id, rules: rulesOf(m) }));
    const names = known ?? (await q.territoryNames(db, [...new Set(compiled.flatMap((c) => c.rules.territories))]));
    const o = { today: today(), names, kindLabels: typesetKinds, stageLabels: projectStageLabels };
    return { compiled, check: (c: CompiledMeasure, s: q.SubjectRow): Eligibility => checkEligibility(c, s, o) };
  }

  async function measuresFor(subject: q.SubjectRow, window: string): Promise<MeasuresFor> {
    const day = today();
    const rows = (await q.getMeasures(db)).filter((m) => window === 'all' || windowOf(m, day) === window);
    const { compiled, check } = await explain(rows);
    const items = rows.map((r, i) => {
      const window = windowOf(r, day);
      const measure = {
        id: r.id,
        name: r.name,
        operatorOrganisationId: r.operator_organisation_id,
        operatorName: r.operator_name,
        component: r.component as Measure['component'],
        budgetEur: r.budget_eur == null ? null : Number(r.budget_eur),
        opensOn: r.opens_on,
        closesOn: r.closes_on,
        windowKind: r.window_kind as Measure['windowKind'],
        window,
        url: r.url,
        themes: r.themes,
      };
      return { measure, window, eligibility: check(compiled[i] as CompiledMeasure, subject) };
    });
    items.sort(
      (a, b) =>
        windowRank[a.window] - windowRank[b.window] ||
        verdictRank[a.eligibility.verdict] - verdictRank[b.eligibility.verdict] ||
        (a.measure.closesOn ?? '9999').localeCompare(b.measure.closesOn ?? '9999') ||
        a.measure.name.localeCompare(b.measure.name, 'fr'),
    );
    return { items };
  }

  return {
    async list(actor: Actor, query: MeasureListQuery) {
      const [kind, code] = (query.territory ?? '').split(':') as [string, string];
      const t = query.territory ? { kind, code, ...(await q.territoryOf(db, kind, code)) } : undefined;
      const { rows, total } = await q.listMeasures(
        db,
        { q: query.q, operator: query.operator, themes: query.theme, territory: t, component: query.component, window: query.window, today: today() },
        { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      );
      return { items: await shape(actor, rows), total, totalExact: true, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string) {
      return (await shape(actor, [await readMeasure(db, id)]))[0] as Measure;
    },

    async create(actor: Actor, body: MeasureInput) {
      authorize(actor, 'write', { policy: measurePolicy });
      return db.transaction().execute(async (tx) => {
        await checkOperator(tx, body.operatorOrganisationId);
        const id = await q.insertMeasure(tx, {
          name: body.name,
          description: body.description ?? '',
          operator_organisation_id: body.operatorOrganisationId,
          component: body.component,
          budget_eur: body.budgetEur ?? null,
          opens_on: body.opensOn ?? null,
          closes_on: body.closesOn ?? null,
          window_kind: body.windowKind,
          url: body.url ?? null,
          themes: body.themes ?? [],
          rules: JSON.stringify(body.rules ?? noRules),
        });
        await appendAudit(tx, [
          {
            actorKind: actor.kind,
            actorId: actor.kind === 'account' ? actor.accountId : null,
            action: 'create',
            entity: 'measures',
            recordId: id,
            after: body,
          },
        ]);
        const [row] = await q.getMeasures(tx, [id]);
        return (await shape(actor, [row as q.MeasureRow], tx))[0] as Measure;
      });
    },

    async update(actor: Actor, id: string, body: MeasurePatch) {
      authorize(actor, 'write', { policy: measurePolicy });
      return db.transaction().execute(async (tx) => {
        const before = await readMeasure(tx, id);
        const opensOn = body.opensOn !== undefined ? body.opensOn : before.opens_on;
        const closesOn = body.closesOn !== undefined ? body.closesOn : before.closes_on;
        if (opensOn && closesOn && opensOn > closesOn)
          throw invalid('La date de clôture doit suivre la date d’ouverture.', [{ path: 'closesOn', message: 'Date antérieure à l’ouverture' }]);
        await checkOperator(tx, body.operatorOrganisationId);
        // A measure moved to open later is announced again when it opens.
        const reopen = body.opensOn !== undefined && body.opensOn !== before.opens_on;
        await q.updateMeasure(tx, id, values(body));
        if (reopen) await tx.updateTable('recovery_measures').set({ opening_notified_at: null }).where('id', '=', id).execute();
        await appendAudit(tx, [
          {
            actorKind: actor.kind,
            actorId: actor.kind === 'account' ? actor.accountId : null,
            action: 'update',
            entity: 'measures',
            recordId: id,
            after: body,
          },
        ]);
        return (await shape(actor, [await readMeasure(tx, id)], tx))[0] as Measure;
      });
    },

    async remove(actor: Actor, id: string) {
      authorize(actor, 'write', { policy: measurePolicy });
      await db.transaction().execute(async (tx) => {
        await readMeasure(tx, id);
        await q.deleteMeasure(tx, id);
        await appendAudit(tx, [
          { actorKind: actor.kind, actorId: actor.kind === 'account' ? actor.accountId : null, action: 'delete', entity: 'measures', recordId: id },
        ]);
      });
    },

    async eligibleProjects(
      _actor: Actor,
      id: string,
      query: { verdict: string[]; territory?: string; theme?: string[]; q?: string; page: number; pageSize: number },
    ) {
      const row = await readMeasure(db, id);
      const territory = query.territory ? (([kind, code]) => ({ kind: kind as string, code: code as string }))(query.territory.split(':')) : undefined;
      const subjects = await q.projectSubjects(db, { q: query.q, themes: query.theme, territory, withoutThemes: true });
      const { compiled, check } = await explain([row]);
      const c = compiled[0] as CompiledMeasure;
      const day = today();
      const counts = { eligible: 0, toCheck: 0, notEligible: 0 };
      const kept: q.SubjectRow[] = [];
      for (const s of subjects) {
        const v = verdictOf(c, s, day);
        if (v === 'eligible') counts.eligible++;
        else if (v === 'to_check') counts.toCheck++;
        else counts.notEligible++;
        if (query.verdict.includes(v)) kept.push(s);
      }
      const withVerdicts = kept.map((s) => ({ s, e: check(c, s) }));
      withVerdicts.sort((a, b) => verdictRank[a.e.verdict] - verdictRank[b.e.verdict] || a.s.title.localeCompare(b.s.title, 'fr'));
      const page = withVerdicts.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
      return {
        items: page.map(({ s, e }) => ({
          projectId: s.id,
          projectTitle: s.title,
          organisationId: s.organisationId,
          organisationName: s.organisationName,
          eligibility: e,
        })),
        total: withVerdicts.length,
        totalExact: true,
        page: query.page,
        pageSize: query.pageSize,
        counts,
      };
    },

    async projectMeasures(_actor: Actor, id: string, window: string) {
      // A paused or finished project is checked all the same.
      const [subject] = await q.projectSubjects(db, { ids: [id], anyStatus: true });
      if (!subject) throw notFound('Projet', id);
      return measuresFor(subject, window);
    },

    async organisationMeasures(_actor: Actor, id: string, window: string) {
      const subject = await q.organisationSubject(db, id);
      if (!subject) throw notFound('Structure', id);
      return measuresFor(subject, window);
    },

    /** Every verdict of projects × measures, one letter per project: the batch behind dashboards and the benchmark. */
    async verdicts(actor: Actor, body: { measureIds?: string[]; projectIds?: string[] }) {
      authorize(actor, 'write', { policy: measurePolicy });
      const [measures, subjects] = await Promise.all([
        q.getMeasures(db, body.measureIds),
        q.projectSubjects(db, { ...(body.projectIds ? { ids: body.projectIds } : {}), withoutThemes: true }),
      ]);
      const day = today();
      const letter = { eligible: 'e', to_check: 'c', not_eligible: 'n' } as const;
      return {
        projectIds: subjects.map((s) => s.id),
        measures: measures.map((m) => {
          const c = compileMeasure({ id: m.id, rules: rulesOf(m) });
          let verdicts = '';
          let eligible = 0;
          let toCheck = 0;
          for (const s of subjects) {
            const v = verdictOf(c, s, day);
            verdicts += letter[v];
            if (v === 'eligible') eligible++;
            else if (v === 'to_check') toCheck++;
          }
          return { measureId: m.id, verdicts, eligible, toCheck, notEligible: subjects.length - eligible - toCheck };
        }),
      };
    },

    /**
     * Tell the holders and coordinators of eligible projects that a measure
     * opened (once per opening; the notification module applies each person's
     * preference). Returns how many accounts were told.
     */
    async announceOpenings(): Promise<number> {
      const ids = await q.measuresOpenedUnnotified(db, today());
      let told = 0;
      for (const id of ids) {
        told += await db.transaction().execute(async (tx) => {
          const [m] = await q.getMeasures(tx, [id]);
          if (!m || m.opening_notified_at) return 0;
          const c = compileMeasure({ id: m.id, rules: rulesOf(m) });
          const day = today();
          const eligible = (await q.projectSubjects(tx, { withoutThemes: true })).filter((s) => verdictOf(c, s, day) === 'eligible');
          const accounts = await q.projectPeopleAccounts(tx, eligible);
          if (accounts.length)
            await notify(tx, {
              accountIds: accounts,
              category: 'recovery',
              title: fr`Une mesure du plan de relance est ouverte : ${m.name}`,
              body: fr`${m.operator_name} ouvre « ${m.name} »${m.closes_on ? fr` jusqu’au ${m.closes_on.split('-').reverse().join('/')}` : ''}. Un de vos projets y semble éligible : voyez pourquoi, critère par critère.`,
              link: measurePage(m.id),
            });
          await q.markOpeningNotified(tx, id);
          return accounts.length;
        });
      }
      return told;
    },
  };
}
