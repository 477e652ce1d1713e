import { formatParisTime } from '../../../../shared/paris-time';

/** Days of a conference in Paris time, without the year (« mardi 3 novembre »). */
const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' });

export const formatTime = (iso: string | null) => (iso ? formatParisTime(iso) : '—');
export const formatDay = (iso: string | null) => (iso ? day.format(new Date(iso)) : '—');
/** « mardi 3 novembre, 09:00–09:30 » */
export const formatSlot = (startsAt: string | null, endsAt: string | null) =>
  startsAt ? `${formatDay(startsAt)}, ${formatTime(startsAt)}–${formatTime(endsAt)}` : 'Pas encore placé';
