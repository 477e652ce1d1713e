/** Times of a conference, always shown in Paris time (the participants' and the venue's). */
const time = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' });

export const formatTime = (iso: string | null) => (iso ? time.format(new Date(iso)) : '—');
export const formatDay = (iso: string | null) => (iso ? day.format(new Date(iso)) : '—');
/** « mardi 3 novembre, 09:00–09:30 » */
export const formatSlot = (startsAt: string | null, endsAt: string | null) =>
  startsAt ? `${formatDay(startsAt)}, ${formatTime(startsAt)}–${formatTime(endsAt)}` : 'Pas encore placé';
