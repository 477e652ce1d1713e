import {
  notificationList,
  notificationListQuery,
  notificationPreferences,
  notificationPreferencesInput,
  unsubscribeQuery,
  unsubscribeResult,
} from '../schemas/notification';
import { idParams } from '../schemas/common';
import { route } from './contract';

const tag = 'Notifications';

/** The signed-in account's notifications (the bell, /notifications) and its e-mail preferences. */
export const notificationRoutes = {
  list: route({
    method: 'GET',
    path: '/api/notifications',
    access: 'signed-in',
    tag,
    summary: 'Mes notifications, les plus récentes d’abord (unread=true : non lues)',
    query: notificationListQuery,
    response: notificationList,
  }),
  read: route({
    method: 'POST',
    path: '/api/notifications/:id/read',
    access: 'signed-in',
    tag,
    summary: 'Marquer une notification comme lue',
    params: idParams,
    status: 204,
  }),
  readAll: route({ method: 'POST', path: '/api/notifications/read-all', access: 'signed-in', tag, summary: 'Tout marquer comme lu', status: 204 }),
  preferences: route({
    method: 'GET',
    path: '/api/notifications/preferences',
    access: 'signed-in',
    tag,
    summary: 'Mes préférences d’envoi par e-mail, par catégorie',
    response: notificationPreferences,
  }),
  setPreferences: route({
    method: 'PUT',
    path: '/api/notifications/preferences',
    access: 'signed-in',
    tag,
    summary: 'Changer mes préférences (aussitôt, récapitulatif quotidien, jamais)',
    body: notificationPreferencesInput,
    response: notificationPreferences,
  }),
  unsubscribe: route({
    method: 'POST',
    path: '/api/notifications/unsubscribe',
    access: 'public-write',
    tag,
    summary: 'Se désabonner d’une catégorie en un clic, depuis un e-mail (jeton signé, sans session ; RFC 8058)',
    query: unsubscribeQuery,
    response: unsubscribeResult,
  }),
};
