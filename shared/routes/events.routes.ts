import { idParams, listResponse } from '../schemas/common';
import {
  event,
  eventInput,
  eventListQuery,
  eventPatch,
  registration,
  registrationIdParams,
  registrationInput,
  registrationList,
  registrationListQuery,
  registrationPatch,
} from '../schemas/event';
import { route } from './contract';

const tag = 'Événements';

/**
 * Events, the core every programme reuses (conferences, meetings, workshops,
 * hackathons, webinars): the event, its registrations and its calendar file.
 * Visitors read public events; the organiser (national team, or the accounts
 * of the organising structure) writes them.
 */
export const eventRoutes = {
  list: route({
    method: 'GET',
    path: '/api/events',
    access: 'open',
    tag,
    summary: 'Lister les événements (programme, kind, from, to, territory, q)',
    query: eventListQuery,
    response: listResponse(event),
  }),
  get: route({ method: 'GET', path: '/api/events/:id', access: 'open', tag, summary: 'Lire un événement', params: idParams, response: event }),
  create: route({
    method: 'POST',
    path: '/api/events',
    access: 'writer',
    tag,
    summary: 'Créer un événement (l’équipe nationale, ou pour sa structure)',
    body: eventInput,
    response: event,
    status: 201,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/events/:id',
    access: 'writer',
    tag,
    summary: 'Modifier un événement (champs partiels)',
    params: idParams,
    body: eventPatch,
    response: event,
  }),
  remove: route({ method: 'DELETE', path: '/api/events/:id', access: 'writer', tag, summary: 'Supprimer un événement', params: idParams, status: 204 }),
  calendar: route({
    method: 'GET',
    path: '/api/events/:id/calendar.ics',
    access: 'open',
    tag,
    summary: 'L’événement au format iCalendar (.ics)',
    params: idParams,
    produces: ['text/calendar'],
  }),
  registrations: route({
    method: 'GET',
    path: '/api/events/:id/registrations',
    access: 'signed-in',
    tag,
    summary: 'Inscriptions : toutes pour l’organisateur, les siennes pour un participant',
    params: idParams,
    query: registrationListQuery,
    response: registrationList,
  }),
  register: route({
    method: 'POST',
    path: '/api/events/:id/registrations',
    access: 'signed-in',
    tag,
    summary: 'S’inscrire, inscrire son projet ou son fonds (l’organisateur inscrit qui il veut)',
    params: idParams,
    body: registrationInput,
    response: registration,
    status: 201,
  }),
  updateRegistration: route({
    method: 'PATCH',
    path: '/api/events/:id/registrations/:rid',
    access: 'signed-in',
    tag,
    summary: 'Modifier une inscription : annuler, rendez-vous maximum ; présence (l’organisateur)',
    params: registrationIdParams,
    body: registrationPatch,
    response: registration,
  }),
};
