/**
 * Events, the core every programme builds on. Besides the HTTP use cases
 * (`eventService`), this module offers the building blocks that programme
 * modules (bilateral conferences, operator meetings, workshops…) reuse, so
 * that they never read an event's rules again:
 *
 * - `eventById(db, actor, id)`: the event as the actor may see it (404 otherwise), with `organiser` for them;
 * - `registrationById(db, actor, event, rid)`: one registration of that event the actor may see (404 otherwise);
 * - `isOrganiser(actor, event)`, `ownsRegistration(actor, registration)` (event-policy.ts): who runs it, whose it is;
 * - `eventRecord`, `registrationRecord`: API records with their `actions` for the caller;
 * - `icsCalendar` (ical.ts): calendar files.
 *
 * @example
 * const event = await eventById(db, actor, eventId);
 * if (!event.organiser) throw forbidden();
 */
import type { z } from 'zod';
import {
  type EventInput,
  type EventListQuery,
  type eventPatch,
  type eventFields,
  eventInput,
  type RegistrationInput,
  type registrationListQuery,
  type registrationPatch,
  registrationInput,
} from '../../../shared/schemas/event';
import type { Event, Registration } from '../../../shared/schemas/event';
import {
  type EventKind,
  type EventProgramme,
  eventKindLabels,
  type ParticipantSector,
  type RegistrationRole,
  type RegistrationStatus,
  registrationRoleLabels,
  registrationStatusLabels,
} from '../../../shared/vocabulary';
import { formatParisSpan } from '../../../shared/paris-time';
import { eventPage } from '../../../shared/web-routes';
import type { Database, Executor } from '../../db/connection';
import { COUNT_CAP } from '../../db/sql-helpers';
import { RANK_LIMIT } from '../../db/sql-helpers-order';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { actionsOn, authorize, can } from '../../policies/authorize';
import { parseOrThrow } from '../../validation';
import { recordWrite } from '../audit/audit-service';
import { notify } from '../notifications/notify';
import { territoryExists } from '../directory/reference-queries';
import { eventPolicy, type EventLinks, isOrganiser, mayRegisterAs, type RegistrationLinks, registrationPolicy } from './event-policy';
import * as q from './event-queries';
import { icsCalendar } from './ical';
import * as r from './registration-queries';

export { isOrganiser, ownsRegistration } from './event-policy';

/** A stored event with its links as the policies read them. */
export type LoadedEvent = q.EventRow & EventLinks & { organiser: boolean };
/** A stored registration with its links as the policies read them. */
export type LoadedRegistration = r.RegistrationRow & RegistrationLinks;

const NATIONAL_TEAM = 'Équipe nationale';

function linksOf(row: q.EventRow): EventLinks {
  return { organiserOrganisationId: row.organiser_organisation_id, public: row.public, registrationOpen: row.registration_open };
}

const registrationLinks = (row: r.RegistrationRow): RegistrationLinks => ({
  role: row.role as RegistrationRole,
  personId: row.person_id,
  organisationId: row.organisation_id,
});

/** An event as the actor may see it; `forUpdate` locks it (registrations counted against its capacity). 404 when absent or hidden. */
export async function eventById(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<LoadedEvent> {
  const [row] = await q.eventRows(db, [id], forUpdate);
  // A hidden event is as absent as one that never existed.
  if (!row || !eventPolicy.read(actor, linksOf(row))) throw notFound('Événement', id);
  return { ...row, ...linksOf(row), organiser: isOrganiser(actor, linksOf(row)) };
}

/** One registration of this event the actor may see (its own, or any for the organiser); 404 otherwise. */
export async function registrationById(db: Executor, actor: Actor, event: LoadedEvent, rid: string): Promise<LoadedRegistration> {
  const [row] = await r.registrationRows(db, event.id, { ids: [rid] });
  if (!row || !registrationPolicy.read(actor, { event, registration: registrationLinks(row) })) throw notFound('Inscription', rid);
  return { ...row, ...registrationLinks(row) };
}

/** The API record of an event, with what the caller may do with it. */
export function eventRecord(actor: Actor, row: q.EventRow): Event {
  const links = linksOf(row);
  return {
    id: row.id,
    kind: row.kind as EventKind,
    programme: row.programme as EventProgramme,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    place:
      row.commune_code && row.address
        ? {
            address: row.address,
            communeCode: row.commune_code,
            communeName: row.commune_name ?? row.commune_code,
            departementCode: row.departement_code,
            regionCode: row.region_code,
          }
        : null,
    onlineUrl: row.online_url,
    organiserOrganisationId: row.organiser_organisation_id,
    organiserName: row.organiser_name ?? NATIONAL_TEAM,
    capacity: row.capacity,
    registrationOpen: row.registration_open,
    public: row.public,
    registeredCount: row.registered_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    actions: actionsOn(actor, ['update', 'delete', 'register', 'manage'], eventPolicy, links),
  };
}

/** The API record of a registration, with what the caller may do with it. */
export function registrationRecord(actor: Actor, event: EventLinks, row: r.RegistrationRow): Registration {
  const resource = { event, registration: registrationLinks(row) };
  return {
    id: row.id,
    eventId: row.event_id,
    personId: row.person_id,
    personName: row.person_name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    role: row.role as RegistrationRole,
    projectId: row.project_id,
    projectTitle: row.project_title,
    fundId: row.fund_id,
    fundName: row.fund_name,
    status: row.status as RegistrationStatus,
    maxMeetings: row.max_meetings,
    meetingNoShows: row.meeting_no_shows,
    collectiveId: row.collective_id,
    sector: row.sector as ParticipantSector | null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    actions: actionsOn(actor, ['update', 'cancel', 'checkIn'], registrationPolicy, resource),
  };
}

/** The writable fields of a stored event, as a patch is merged over them. */
function storedEvent(row: q.EventRow): z.input<typeof eventFields> {
  return {
    kind: row.kind as EventKind,
    programme: row.programme as EventProgramme,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    place: row.address && row.commune_code ? { address: row.address, communeCode: row.commune_code } : null,
    onlineUrl: row.online_url,
    organiserOrganisationId: row.organiser_organisation_id,
    capacity: row.capacity,
    registrationOpen: row.registration_open,
    public: row.public,
  };
}

const fullMessage = (capacity: number) =>
  `Cet événement est complet : ${capacity === 1 ? 'la place est prise' : `les ${capacity} places sont prises`}. Contactez l’organisateur s’il peut en ouvrir d’autres.`;

/** A project registers in the name of its lead structure, a fund in its manager's. */
const registeredRecords = [
  {
    field: 'projectId',
    table: 'projects',
    unknown: 'Projet inconnu',
    ownerless: 'Ce projet n’a pas de structure porteuse : renseignez-la dans sa fiche avant de l’inscrire.',
    otherOwner: 'Un projet s’inscrit au nom de sa structure porteuse : retirez la structure ou choisissez celle-ci.',
  },
  {
    field: 'fundId',
    table: 'funds',
    unknown: 'Fonds inconnu',
    ownerless: 'Ce fonds n’a pas de société de gestion : renseignez-la dans sa fiche avant de l’inscrire.',
    otherOwner: 'Un fonds s’inscrit au nom de sa société de gestion : retirez la structure ou choisissez celle-ci.',
  },
] as const;

const WHO_CHANGE = 'Seul l’organisateur change le rôle ou ce qui est inscrit : annulez cette inscription et inscrivez-vous à nouveau.';

const live = (status: string) => status !== 'cancelled';

/** The account's scopes as a participant: whose registrations it sees as its own. */
function ownershipOf(actor: Actor): r.Ownership {
  if (actor.kind !== 'account') return { personId: null, holderOf: [], investorOf: [] };
  const scopes = (role: string) => actor.roles.filter((x) => x.role === role).flatMap((x) => x.scope ?? []);
  return { personId: actor.personId, holderOf: scopes('holder'), investorOf: scopes('investor') };
}

type RegistrationPatch = z.output<typeof registrationPatch>;

/**
 * Tell those a registration concerns that the organiser registered them or
 * changed its status (not the actor themself, who knows): in the caller's transaction.
 */
async function tellRegistrant(tx: Executor, actor: Actor, event: LoadedEvent, values: r.RegistrationValues, what: 'registered' | 'status') {
  const self = actor.kind === 'account' ? actor.accountId : null;
  const accountIds = (await r.accountsOfRegistration(tx, values)).filter((id) => id !== self);
  if (accountIds.length === 0) return;
  const role = registrationRoleLabels[values.role as RegistrationRole].toLowerCase();
  await notify(tx, {
    accountIds,
    category: 'events',
    title:
      what === 'registered'
        ? `Inscription à « ${event.title} » (${role})`
        : `Inscription à « ${event.title} » : ${registrationStatusLabels[values.status as RegistrationStatus].toLowerCase()}`,
    body: `${formatParisSpan(event.starts_at, event.ends_at)}. L’organisateur a ${what === 'registered' ? 'enregistré cette inscription' : 'mis à jour cette inscription'}.`,
    link: eventPage(event.id),
  });
}

export function eventService(db: Database, opts: { publicUrl?: string; now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());
  /** Who registers, resolved and checked: a project's structure is its lead, a fund's its manager; the references exist. */
  async function resolveWho(tx: Executor, actor: Actor, event: LoadedEvent, input: RegistrationInput, given: { personId: boolean; newcomer: boolean }) {
    const personRole = input.role === 'attendee' || input.role === 'advisor' || input.role === 'speaker' || input.role === 'judge';
    const self = actor.kind === 'account' ? actor.personId : null;
    let personId = input.personId ?? null;
    // By default one registers oneself; the organiser registering a structure alone (a speaker, an operator) names no person.
    if (!given.personId && (!event.organiser || (personRole && !input.organisationId))) personId = self;
    let organisationId = input.organisationId ?? null;
    const details: Array<{ path: string; message: string }> = [];
    for (const link of registeredRecords) {
      const id = input[link.field];
      if (!id) continue;
      const found = await r.ownerOf(tx, link.table, id);
      if (!found) details.push({ path: link.field, message: `${link.unknown} : ${id}` });
      else if (!found.owner) details.push({ path: link.field, message: link.ownerless });
      else if (organisationId && organisationId !== found.owner) details.push({ path: 'organisationId', message: link.otherOwner });
      else organisationId = found.owner;
    }
    const person = personId ? await r.personFacts(tx, personId) : undefined;
    if (personId && !person) details.push({ path: 'personId', message: `Personne inconnue : ${personId}` });
    if (input.organisationId && !input.projectId && !input.fundId && !(await r.organisationExists(tx, input.organisationId)))
      details.push({ path: 'organisationId', message: `Structure inconnue : ${input.organisationId}` });
    if (details.length) throw invalid('Inscription invalide.', details);
    if (!personId && !organisationId) {
      const message = event.organiser
        ? 'Indiquez qui s’inscrit : une personne ou une structure.'
        : 'Votre compte n’est lié à aucune fiche de personne de l’annuaire : demandez à l’équipe nationale de l’y relier pour vous inscrire.';
      throw invalid(message, [{ path: 'personId', message }]);
    }
    if (
      given.newcomer &&
      !event.organiser &&
      !mayRegisterAs(actor, {
        role: input.role,
        personId,
        organisationId,
        personIsAdvisor: Boolean(person?.is_advisor),
        personOrganisationId: person?.organisation_id ?? null,
      })
    )
      throw forbidden(refusalOf(input.role));
    return {
      person_id: personId,
      organisation_id: organisationId,
      role: input.role,
      project_id: input.projectId ?? null,
      fund_id: input.fundId ?? null,
      status: input.status ?? 'registered',
      max_meetings: input.maxMeetings ?? null,
      collective_id: input.collectiveId ?? null,
      sector: input.sector ?? null,
    } satisfies r.RegistrationValues;
  }

  /** A live registration must be unique and fit in the event's capacity (the event row is locked). */
  async function checkPlace(tx: Executor, event: LoadedEvent, values: r.RegistrationValues, except?: string) {
    if (!live(values.status)) return;
    if (await r.duplicateRegistration(tx, event.id, values, except))
      throw conflict('already_registered', `Cette inscription existe déjà (${registrationRoleLabels[values.role as RegistrationRole]}) : modifiez-la plutôt.`);
    if (event.capacity !== null && (await r.countTakenPlaces(tx, event.id, except)) >= event.capacity)
      throw conflict('event_full', fullMessage(event.capacity));
  }

  /** What a participant (not the organiser) may do by themself with a registration. */
  function checkParticipantChange(event: LoadedEvent, before: r.RegistrationRow, after: r.RegistrationValues) {
    if (event.organiser) return;
    if (after.status === 'attended' || after.status === 'no_show') {
      if (after.status !== before.status) throw forbidden('Seul l’organisateur enregistre les présences.');
    }
    const who: Array<keyof r.RegistrationValues> = ['person_id', 'organisation_id', 'role', 'project_id', 'fund_id'];
    if (who.some((k) => after[k] !== before[k])) throw forbidden(WHO_CHANGE);
    if (!live(before.status) && live(after.status)) {
      if (!event.registration_open) throw conflict('registration_closed', 'Les inscriptions à cet événement sont closes.');
      if (event.ends_at.getTime() <= now().getTime()) throw conflict('event_over', 'Cet événement est terminé : on ne s’y inscrit plus.');
    }
  }

  async function get(actor: Actor, id: string) {
    return eventRecord(actor, await eventById(db, actor, id));
  }

  return {
    async list(actor: Actor, query: EventListQuery) {
      if (query.territory && !(await territoryExists(db, query.territory)))
        throw invalid('Territoire inconnu.', [{ path: 'territory', message: `Aucun territoire ${query.territory.kind}:${query.territory.code}` }]);
      if (query.from && query.to && query.to < query.from)
        throw invalid('La date de fin précède la date de début.', [{ path: 'to', message: 'Choisissez une date de fin après la date de début.' }]);
      const filters = { ...query, publicOnly: actor.kind === 'anonymous' };
      const counted = await q.countEvents(db, filters);
      const ids = await q.listEventIds(db, filters, query.pageSize, { rank: counted <= RANK_LIMIT });
      const rows = new Map((await q.eventRows(db, ids)).map((row) => [row.id, row]));
      const items = ids.flatMap((id) => {
        const row = rows.get(id);
        return row ? [eventRecord(actor, row)] : [];
      });
      return { items, total: Math.min(counted, COUNT_CAP), totalExact: counted <= COUNT_CAP, page: query.page, pageSize: query.pageSize };
    },

    get,

    async create(actor: Actor, input: EventInput) {
      authorize(
        actor,
        'create',
        { policy: eventPolicy, record: { organiserOrganisationId: input.organiserOrganisationId ?? null } },
        {
          forbidden: input.organiserOrganisationId
            ? 'Vous ne pouvez créer un événement qu’au nom d’une structure pour laquelle vous agissez.'
            : 'Seule l’équipe nationale organise un événement en son nom : choisissez votre structure comme organisatrice.',
        },
      );
      const id = await db.transaction().execute(async (tx) => {
        const missing = await q.missingEventReferences(tx, input);
        if (missing.length) throw invalid('Événement invalide.', missing);
        const newId = await q.insertEvent(tx, input);
        await recordWrite(tx, actor, [{ action: 'create', entity: 'events', recordId: newId, after: input }]);
        return newId;
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, patch: z.output<typeof eventPatch>) {
      await db.transaction().execute(async (tx) => {
        const current = await eventById(tx, actor, id, true);
        authorize(actor, 'update', { policy: eventPolicy, record: current }, { forbidden: 'Seul l’organisateur modifie cet événement.' });
        const before = storedEvent(current);
        const input = parseOrThrow(eventInput, { ...before, ...patch }, 'Événement invalide.');
        // Handing the event to another structure needs the right to organise for it too.
        authorize(
          actor,
          'create',
          { policy: eventPolicy, record: { organiserOrganisationId: input.organiserOrganisationId ?? null } },
          {
            forbidden: 'Vous ne pouvez confier l’événement qu’à une structure pour laquelle vous agissez.',
          },
        );
        const missing = await q.missingEventReferences(tx, input);
        if (missing.length) throw invalid('Événement invalide.', missing);
        if (input.capacity != null && input.capacity < current.registered_count)
          throw conflict(
            'capacity_below_registrations',
            `La capacité ne peut pas être inférieure au nombre d’inscrits (${current.registered_count}) : annulez d’abord des inscriptions.`,
            [{ path: 'capacity', message: `Au moins ${current.registered_count}` }],
          );
        await q.updateEvent(tx, id, input);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'events', recordId: id, before, after: input }]);
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string) {
      await db.transaction().execute(async (tx) => {
        const current = await eventById(tx, actor, id, true);
        authorize(actor, 'delete', { policy: eventPolicy, record: current }, { forbidden: 'Seul l’organisateur supprime cet événement.' });
        await q.deleteEvent(tx, id);
        await recordWrite(tx, actor, [{ action: 'delete', entity: 'events', recordId: id, before: storedEvent(current) }]);
      });
    },

    /** The event as an iCalendar file: one VEVENT whose UID never changes. */
    async calendar(actor: Actor, id: string) {
      const e = await eventById(db, actor, id);
      const where = e.address ? `${e.address}, ${e.commune_name ?? e.commune_code}` : (e.online_url ?? undefined);
      const description = [e.description, e.online_url ? `Lien de connexion : ${e.online_url}` : ''].filter(Boolean).join('\n\n');
      const body = icsCalendar({ name: e.title }, [
        {
          uid: `event-${e.id}@essaim`,
          stamp: e.updated_at,
          lastModified: e.updated_at,
          start: e.starts_at,
          end: e.ends_at,
          summary: `${eventKindLabels[e.kind as EventKind]} : ${e.title}`,
          description,
          location: where,
          url: opts.publicUrl ? `${opts.publicUrl}${eventPage(e.id)}` : undefined,
          status: 'CONFIRMED',
        },
      ]);
      return { filename: `evenement-${e.id}.ics`, body };
    },

    async registrations(actor: Actor, id: string, f: z.output<typeof registrationListQuery>) {
      const event = await eventById(db, actor, id);
      const all = can(actor, 'manage', { policy: eventPolicy, record: event });
      const rows = await r.registrationRows(db, id, { ...f, ownedBy: all ? undefined : ownershipOf(actor) });
      return { items: rows.map((row) => registrationRecord(actor, event, row)), total: rows.length, all };
    },

    async register(actor: Actor, id: string, input: RegistrationInput) {
      const rid = await db.transaction().execute(async (tx) => {
        const event = await eventById(tx, actor, id, true);
        if (!event.organiser) {
          if (!event.registration_open) throw conflict('registration_closed', 'Les inscriptions à cet événement sont closes.');
          if (event.ends_at.getTime() <= now().getTime()) throw conflict('event_over', 'Cet événement est terminé : on ne s’y inscrit plus.');
          if (input.status && input.status !== 'registered') throw forbidden('Seul l’organisateur enregistre les présences.');
        }
        authorize(actor, 'register', { policy: eventPolicy, record: event });
        const values = await resolveWho(tx, actor, event, input, { personId: input.personId !== undefined, newcomer: true });
        await checkPlace(tx, event, values);
        const [newId] = (await r.insertRegistrations(tx, id, [values])) as [string];
        if (event.organiser) await tellRegistrant(tx, actor, event, values, 'registered');
        await recordWrite(tx, actor, [{ action: 'create', entity: 'registrations', recordId: newId, after: { eventId: id, ...values } }]);
        return newId;
      });
      const event = await eventById(db, actor, id);
      return registrationRecord(actor, event, await registrationById(db, actor, event, rid));
    },

    async updateRegistration(actor: Actor, id: string, rid: string, patch: RegistrationPatch) {
      await db.transaction().execute(async (tx) => {
        const event = await eventById(tx, actor, id, true);
        const before = await registrationById(tx, actor, event, rid);
        authorize(actor, 'update', { policy: registrationPolicy, record: { event, registration: before } });
        // A participant changes their registration's status and meetings cap, never what it registers (refused before the shape is read).
        const stored: Record<string, unknown> = {
          personId: before.person_id,
          organisationId: before.organisation_id,
          role: before.role,
          projectId: before.project_id,
          fundId: before.fund_id,
        };
        if (!event.organiser && Object.keys(stored).some((k) => k in patch && patch[k as keyof RegistrationPatch] !== stored[k])) throw forbidden(WHO_CHANGE);
        const merged = parseOrThrow(
          registrationInput,
          {
            personId: before.person_id,
            organisationId: before.role === 'project' || before.role === 'investor' ? undefined : before.organisation_id,
            role: before.role,
            projectId: before.project_id,
            fundId: before.fund_id,
            status: before.status,
            maxMeetings: before.max_meetings,
            collectiveId: before.collective_id,
            sector: before.sector,
            ...patch,
          },
          'Inscription invalide.',
        );
        const values = await resolveWho(tx, actor, event, merged, { personId: true, newcomer: false });
        checkParticipantChange(event, before, values);
        await checkPlace(tx, event, values, rid);
        await r.updateRegistration(tx, rid, values);
        // A cancellation by the organiser is told; attendance, marked during the event, is not.
        if (event.organiser && values.status === 'cancelled' && before.status !== 'cancelled') await tellRegistrant(tx, actor, event, values, 'status');
        await recordWrite(tx, actor, [{ action: 'update', entity: 'registrations', recordId: rid, before, after: { eventId: id, ...values } }]);
      });
      const event = await eventById(db, actor, id);
      return registrationRecord(actor, event, await registrationById(db, actor, event, rid));
    },
  };
}

function refusalOf(role: RegistrationRole) {
  switch (role) {
    case 'project':
      return 'Vous ne pouvez inscrire qu’un projet dont votre structure est porteuse.';
    case 'investor':
      return 'Vous ne pouvez inscrire qu’un fonds que votre structure gère.';
    case 'advisor':
      return 'Seuls les accompagnateurs formés à l’Impact Finance s’inscrivent comme accompagnateurs.';
    case 'speaker':
      return 'Les intervenants sont inscrits par l’organisateur.';
    case 'judge':
      return 'Les jurés sont inscrits par l’organisateur.';
    default:
      return 'Vous ne pouvez inscrire que vous-même : l’organisateur inscrit les autres personnes.';
  }
}
