import { eventKinds, eventProgrammes, participantSectors, registrationRoles, registrationStatuses } from '../vocabulary';
import { communeCode, isoDate, listQueryBase, multilineText, territoryFilter, trimmed, url, uuid, z } from './common';

const instant = z.iso.datetime({
  offset: true,
  error: 'Indiquez une date et une heure complètes, avec le fuseau (par exemple 2020-11-03T09:00:00+01:00).',
});

export const PLACE_OR_LINK = 'Indiquez un lieu (adresse et commune) ou un lien de connexion : l’un des deux est obligatoire.';

export const eventPlace = z.strictObject({ address: trimmed(500), communeCode });

export const eventFields = z.strictObject({
  kind: z.enum(eventKinds),
  programme: z.enum(eventProgrammes),
  title: trimmed(300),
  description: multilineText(20000).optional(),
  startsAt: instant,
  endsAt: instant,
  place: eventPlace.nullable().optional(),
  onlineUrl: url.nullable().optional(),
  /** Null: the national team organises it. */
  organiserOrganisationId: uuid.nullable().optional(),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  registrationOpen: z.boolean().optional(),
  public: z.boolean().optional(),
});

/** An event as created (or as a patch merged over the stored one): a place or a link, and an end after its start. */
export const eventInput = eventFields.superRefine((e, ctx) => {
  if (!e.place && !e.onlineUrl) ctx.addIssue({ code: 'custom', path: ['place'], message: PLACE_OR_LINK });
  if (e.startsAt && e.endsAt && Date.parse(e.endsAt) <= Date.parse(e.startsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'La fin doit venir après le début : vérifiez les dates et les heures.' });
});
export type EventInput = z.output<typeof eventInput>;
export const eventPatch = eventFields.partial();

export const eventActions = ['update', 'delete', 'register', 'manage'] as const;

export const event = z.object({
  id: uuid,
  kind: z.enum(eventKinds),
  programme: z.enum(eventProgrammes),
  title: z.string(),
  description: z.string(),
  /** ISO 8601 instants (UTC); the interface shows them in Europe/Paris. */
  startsAt: z.string(),
  endsAt: z.string(),
  place: z
    .object({
      address: z.string(),
      communeCode: z.string(),
      communeName: z.string(),
      departementCode: z.string().nullable(),
      regionCode: z.string().nullable(),
    })
    .nullable(),
  onlineUrl: z.string().nullable(),
  organiserOrganisationId: z.string().nullable(),
  /** « Équipe nationale » when the national team organises it. */
  organiserName: z.string(),
  capacity: z.number().nullable(),
  registrationOpen: z.boolean(),
  public: z.boolean(),
  /** Registrations not cancelled: how many take part (never who meets whom). */
  registeredCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * What the caller may do: `update`, `delete` the event; `register` (themself,
   * their project or their fund); `manage` (every registration: register anyone, check in).
   */
  actions: z.array(z.enum(eventActions)),
});
export type Event = z.output<typeof event>;

export const eventListQuery = z.strictObject({
  q: listQueryBase.q,
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  programme: z.enum(eventProgrammes).optional(),
  kind: z.enum(eventKinds).optional(),
  /** Events that end on or after this day (Europe/Paris). */
  from: isoDate.optional(),
  /** Events that start on or before this day (Europe/Paris). */
  to: isoDate.optional(),
  territory: territoryFilter.optional(),
  sort: z.enum(['startsAt', '-startsAt']).optional(),
});
export type EventListQuery = z.output<typeof eventListQuery>;

export const registrationIdParams = z.strictObject({ id: uuid, rid: uuid });

export const registrationFields = z.strictObject({
  /** The person who comes (by default, the signed-in person). */
  personId: uuid.nullable().optional(),
  /** The organisation that comes (for a project: its lead organisation; for a fund: its manager; set from them when left out). */
  organisationId: uuid.nullable().optional(),
  role: z.enum(registrationRoles),
  projectId: uuid.nullable().optional(),
  fundId: uuid.nullable().optional(),
  status: z.enum(registrationStatuses).optional(),
  maxMeetings: z.number().int().min(1).max(100).nullable().optional(),
  /** The collective the person or structure comes for (a workshop counts its attendance per collective). */
  collectiveId: uuid.nullable().optional(),
  /** A hackathon participant's sector: public, associative, business, student, other. */
  sector: z.enum(participantSectors).nullable().optional(),
});

/** A registration: a project comes with its project, an investor with their fund, nobody else with either. */
export const registrationInput = registrationFields.superRefine((r, ctx) => {
  if (r.role === 'project' && !r.projectId) ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'Choisissez le projet inscrit.' });
  if (r.role === 'investor' && !r.fundId) ctx.addIssue({ code: 'custom', path: ['fundId'], message: 'Choisissez le fonds inscrit.' });
  if (r.role !== 'project' && r.projectId)
    ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'Un projet ne s’inscrit qu’avec le rôle « Projet » : retirez-le ou changez de rôle.' });
  if (r.role !== 'investor' && r.fundId)
    ctx.addIssue({ code: 'custom', path: ['fundId'], message: 'Un fonds ne s’inscrit qu’avec le rôle « Financeur » : retirez-le ou changez de rôle.' });
});
export type RegistrationInput = z.output<typeof registrationInput>;
export const registrationPatch = registrationFields.partial();

export const registrationActions = ['update', 'cancel', 'checkIn'] as const;

export const registration = z.object({
  id: uuid,
  eventId: uuid,
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  role: z.enum(registrationRoles),
  projectId: z.string().nullable(),
  projectTitle: z.string().nullable(),
  fundId: z.string().nullable(),
  fundName: z.string().nullable(),
  status: z.enum(registrationStatuses),
  maxMeetings: z.number().nullable(),
  /** Its conference meetings recorded as missed (`no_show`): no-shows counted per participant. */
  meetingNoShows: z.number().int(),
  collectiveId: z.string().nullable(),
  sector: z.enum(participantSectors).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** `update` (role, who, meetings), `cancel`, `checkIn` (attended / no-show: the organiser). */
  actions: z.array(z.enum(registrationActions)),
});
export type Registration = z.output<typeof registration>;

export const registrationListQuery = z.strictObject({
  role: z.enum(registrationRoles).optional(),
  status: z.enum(registrationStatuses).optional(),
});

export const registrationList = z.object({
  items: z.array(registration),
  total: z.number().int(),
  /** True when the caller sees every registration (the organiser), false when only their own. */
  all: z.boolean(),
});
