import type { RoleName } from '../../../shared/schemas/auth';
import type { Workspace, WorkspaceSection } from '../../../shared/schemas/workspace';
import {
  organisationKindLabels,
  type OrganisationKind,
  type ProjectStage,
  projectStageLabels,
  type RegistrationRole,
  registrationRoleLabels,
} from '../../../shared/vocabulary';
import { recordPage } from '../../../shared/web-routes';
import type { Database } from '../../db/connection';
import { forbidden, unauthorized } from '../../errors';
import { accountName } from '../accounts/account-queries';
import type { Actor } from '../../policies/actor';
import * as q from './workspace-queries';

type AccountActor = Extract<Actor, { kind: 'account' }>;

/** Lines shown per section; `total` says how many there are. */
const SHOWN = 10;

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n > 1 ? many : one}`;

/** The ids a role of the account reaches (its scope), over every role of that name. */
const scopeOf = (a: AccountActor, ...names: RoleName[]) => [...new Set(a.roles.filter((r) => names.includes(r.role)).flatMap((r) => r.scope ?? []))];
const has = (a: AccountActor, name: RoleName) => a.roles.some((r) => r.role === name);

/**
 * What one role contributes to « Mon espace ». Each programme adds its own
 * provider here (requests to answer, meetings, obstacles: group `awaiting`),
 * shaped like these: a few lines, a total, a link to the full list.
 */
type SectionProvider = (db: Database, a: AccountActor) => Promise<WorkspaceSection[]>;

/** What each section says, kept together so the wording reads as one text: a title (one record, several), what it is, what to do when empty. */
const texts = {
  collectives: {
    title: ['Votre collectif', 'Vos collectifs'],
    empty: 'Aucun collectif ne vous est confié pour l’instant\u202f: l’équipe nationale vous en confie un depuis la page des comptes.',
  },
  'collective-projects': {
    title: ['Les projets de votre collectif', 'Les projets de vos collectifs'],
    intro: 'Les derniers modifiés d’abord. Vous pouvez les modifier.',
    empty: 'Aucun projet pour l’instant\u202f: créez le premier depuis la page des projets.',
  },
  organisations: {
    title: ['Votre structure', 'Vos structures'],
    empty: 'Votre compte n’est relié à aucune structure\u202f: l’équipe nationale peut la relier depuis la page des comptes.',
  },
  projects: {
    title: 'Vos projets',
    intro: 'Les projets que votre structure porte, les derniers modifiés d’abord.',
    empty: 'Votre structure ne porte aucun projet pour l’instant.',
  },
  funds: {
    title: 'Vos fonds',
    intro: 'Les fonds que votre structure gère.',
    empty: 'Votre structure ne gère aucun fonds dans l’annuaire\u202f: créez-le depuis la page des fonds.',
  },
  sponsored: {
    title: 'Les structures que vous parrainez',
    intro: 'Vos parrainages Hackers publics en cours, et les propositions qui attendent votre réponse.',
    empty: 'Vous ne parrainez aucune structure pour l’instant.',
  },
} satisfies Record<string, { title: string | [string, string]; intro?: string; empty: string }>;

/**
 * A section of the person's own records (`texts[key]`): each row a line `[label, detail]` that links to
 * its record page in `entity`; a title given as [one, several] follows the total, or `several`.
 */
function recordsSection<R extends { id: string }>(
  key: keyof typeof texts,
  entity: string,
  found: { rows: R[]; total: number },
  describe: (r: R) => [string, string | null],
  { several = found.total > 1, ...extra }: Partial<Pick<WorkspaceSection, 'empty' | 'more'>> & { several?: boolean } = {},
): WorkspaceSection {
  const t: { title: string | [string, string]; intro?: string; empty: string } = texts[key];
  return {
    key,
    group: 'yours',
    title: typeof t.title === 'string' ? t.title : t.title[several ? 1 : 0],
    intro: t.intro ?? null,
    empty: t.empty,
    more: null,
    ...extra,
    items: found.rows.map((r) => {
      const [label, detail] = describe(r);
      return { id: r.id, label, detail, href: recordPage(entity, r.id), at: null };
    }),
    total: found.total,
  };
}

const joined = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(' · ');

/** A project's line: its stage, its commune and, where several collectives are shown, its collective. */
const projectLine =
  (withCollective: boolean) =>
  (p: { title: string; stage: string; commune_name: string | null; collective_name: string | null }): [string, string] => [
    p.title,
    joined(projectStageLabels[p.stage as ProjectStage] ?? p.stage, p.commune_name, withCollective && p.collective_name),
  ];

const coordinatorSections: SectionProvider = async (db, a) => {
  if (!has(a, 'coordinator')) return [];
  const ids = scopeOf(a, 'coordinator');
  const collectives = await q.collectivesByIds(db, ids, SHOWN);
  const projects = await q.projectsOf(db, { collectives: ids }, SHOWN);
  const only = collectives.rows.length === 1 ? collectives.rows[0] : undefined;
  return [
    recordsSection('collectives', 'collectives', collectives, (c) => [c.name, joined(c.territory_label, plural(c.projects, 'projet'))]),
    recordsSection('collective-projects', 'projects', projects, projectLine(collectives.total > 1), {
      // The title speaks of the collectives, not of the projects listed.
      several: collectives.total > 1,
      more: only ? { label: `Voir les ${plural(projects.total, 'projet')} du collectif`, href: `/projets?collective=${only.id}` } : null,
    }),
  ];
};

/** Holders, investors and operators answer for organisations: theirs, once. */
const organisationSection: SectionProvider = async (db, a) => {
  if (!has(a, 'holder') && !has(a, 'investor') && !has(a, 'operator')) return [];
  const orgs = await q.organisationsByIds(db, scopeOf(a, 'holder', 'investor', 'operator'));
  return [
    recordsSection('organisations', 'organisations', orgs, (o) => [
      o.name,
      joined(organisationKindLabels[o.kind as OrganisationKind] ?? o.kind, o.commune_name),
    ]),
  ];
};

const holderSections: SectionProvider = async (db, a) => {
  if (!has(a, 'holder')) return [];
  const orgs = scopeOf(a, 'holder');
  const more = orgs.length === 1 ? { label: 'Voir aussi les projets dont votre structure est partenaire', href: `/projets?organisation=${orgs[0]}` } : null;
  return [recordsSection('projects', 'projects', await q.projectsOf(db, { leadOrganisations: orgs }, SHOWN), projectLine(true), { more })];
};

const investorSections: SectionProvider = async (db, a) => {
  if (!has(a, 'investor')) return [];
  const orgs = scopeOf(a, 'investor');
  const funds = await q.fundsManagedBy(db, orgs, SHOWN);
  const more = orgs.length === 1 ? { label: `Voir les ${plural(funds.total, 'fonds', 'fonds')} dans l’annuaire`, href: `/fonds?manager=${orgs[0]}` } : null;
  return [
    recordsSection(
      'funds',
      'funds',
      funds,
      (f) => [f.name, joined(`${euros.format(f.amount_mobilisable_eur)} mobilisables`, f.french_impact && 'Label French Impact')],
      {
        more,
      },
    ),
  ];
};

/** Civil servants: the structures they sponsor or are asked to sponsor (Hackers Publics). */
const sponsorSections: SectionProvider = async (db, a) => {
  if (!has(a, 'public_sponsor')) return [];
  const sponsored = await q.structuresSponsoredBy(db, a.personId);
  // Without a person record, nobody can be found as a sponsor: say how to fix that rather than "none".
  const empty = a.personId
    ? undefined
    : 'Votre compte n’est relié à aucune fiche de personne\u202f: l’équipe nationale peut la relier depuis la page des comptes.';
  return [
    recordsSection(
      'sponsored',
      'organisations',
      sponsored,
      (s) => [s.organisation_name, s.status === 'active' ? 'Parrainage en cours' : 'Proposition à laquelle répondre'],
      empty ? { empty } : {},
    ),
  ];
};

/**
 * « Mes événements »: the events the person is registered to (as themself, or their project or
 * fund), upcoming first; a conference's line leads to their agenda there, with the number of
 * meetings once the organiser has published the agendas.
 */
const eventSections: SectionProvider = async (db, a) => {
  const by = { personId: a.personId, holderOf: scopeOf(a, 'holder'), investorOf: scopeOf(a, 'investor') };
  if (!by.personId && by.holderOf.length === 0 && by.investorOf.length === 0) return [];
  const found = await q.registrationsOf(db, by, new Date(), SHOWN);
  // Only for whoever is registered somewhere: the events page is one click away for everyone else.
  if (found.total === 0) return [];
  return [
    {
      key: 'events',
      group: 'awaiting',
      title: 'Mes événements',
      intro: 'Les événements où vous, votre projet ou votre fonds êtes inscrits, les prochains d’abord, avec votre agenda de rendez-vous.',
      empty: 'Aucune inscription pour l’instant : les événements du réseau sont sur la page Événements.',
      items: found.rows.map((r) => {
        const conference = r.kind === 'conference' && (r.role === 'project' || r.role === 'investor');
        const agenda = conference ? (r.published_at ? `agenda publié, ${plural(r.meetings, 'rendez-vous', 'rendez-vous')}` : 'agenda pas encore publié') : null;
        return {
          id: r.id,
          label: r.title,
          detail: joined(
            `${registrationRoleLabels[r.role as RegistrationRole] ?? r.role}${r.project_title ? ` (${r.project_title})` : r.fund_name ? ` (${r.fund_name})` : ''}`,
            agenda,
          ),
          href: conference ? `/evenements/${r.event_id}/conference` : `/evenements/${r.event_id}`,
          at: r.starts_at.toISOString(),
        };
      }),
      total: found.total,
      more: { label: 'Voir tous les événements', href: '/evenements' },
    },
  ];
};

const ACTIONS: Record<string, string> = { create: 'Création', update: 'Modification', delete: 'Suppression', import: 'Import' };
const ENTITIES: Record<string, string> = {
  projects: 'projet',
  collectives: 'collectif',
  organisations: 'structure',
  people: 'personne',
  funds: 'fonds',
  pioneers: 'Pionnier',
  'sector-programmes': 'filière',
  themes: 'thématique',
  accounts: 'compte',
};

const nationalTeamSections: SectionProvider = async (db, a) => {
  if (!has(a, 'admin')) return [];
  const changes = await q.latestChanges(db, 15);
  return [
    {
      key: 'changes',
      group: 'network',
      title: 'Les dernières modifications du réseau',
      intro: 'Qui a écrit quoi, les plus récentes d’abord (le journal d’audit).',
      empty: 'Aucune modification enregistrée pour l’instant.',
      items: changes.rows.map((c) => {
        const what = ENTITIES[c.entity] ?? c.entity;
        const who = c.actor_kind === 'system' ? 'la ligne de commande' : (c.actor_name ?? 'un compte supprimé');
        return {
          id: String(c.id),
          label: c.record_label ?? `${what[0]?.toUpperCase()}${what.slice(1)} ${c.record_id}`,
          detail: `${ACTIONS[c.action] ?? c.action} (${what}) par ${who}`,
          href: c.action === 'delete' ? null : recordPage(c.entity, c.record_id),
          at: c.at.toISOString(),
        };
      }),
      total: changes.total,
      more: null,
    },
  ];
};

/** In the order they are shown; a programme appends its provider. */
const providers: SectionProvider[] = [
  nationalTeamSections,
  eventSections,
  coordinatorSections,
  holderSections,
  investorSections,
  sponsorSections,
  organisationSection,
];

/** « Mon espace »: what the signed-in person is responsible for, and what waits for them. */
export async function getWorkspace(db: Database, actor: Actor): Promise<Workspace> {
  if (actor.kind === 'anonymous') throw unauthorized();
  if (actor.kind !== 'account') throw forbidden('«\u202fMon espace\u202f» est celui d’une personne connectée.');
  const sections = (await Promise.all(providers.map((p) => p(db, actor)))).flat();
  return { name: await accountName(db, actor.accountId), sections };
}
