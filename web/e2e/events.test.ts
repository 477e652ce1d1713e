import { describe, expect, it } from 'vitest';
import { parisDay } from '../../shared/paris-time';
import { demoPlatform, hasBrowser, seriousViolations, shoot, signIn } from './harness';

const demo = demoPlatform();

// A journey runs beside other browser suites on a shared two-core machine: minutes, not the 30 s of a unit test.
describe.skipIf(!hasBrowser)('events in Chromium', { timeout: 120_000 }, () => {
  it('an organiser creates an event, a holder registers their project, the organiser marks attendance', async () => {
    const organiser = await demo.platform.page();
    await signIn(organiser, 'equipe@essaim.test');
    await organiser.goto('/evenements');
    await organiser.getByRole('link', { name: 'Nouvel événement' }).click();
    await organiser.getByRole('heading', { level: 1, name: 'Nouvel événement' }).waitFor();
    // Saved without a place nor a link: the form says what to add.
    await organiser.getByLabel('Type *').selectOption('conference');
    await organiser.getByLabel('Programme *').selectOption('impact-finance');
    await organiser.getByLabel('Titre *').fill('Conférence Impact Finance de Valence');
    const day = parisDay(new Date(Date.now() + 30 * 86_400_000));
    await organiser.getByLabel('Jour de début *').fill(day);
    await organiser.getByLabel('Heure de début *').fill('09:00');
    await organiser.getByLabel('Heure de fin *').fill('17:30');
    await organiser.getByRole('button', { name: 'Enregistrer' }).click();
    await organiser.getByText('L’événement n’est pas enregistré').waitFor();
    expect(await organiser.getByRole('link', { name: /^Lieu\s: Indiquez un lieu/ }).count()).toBe(1);
    expect(await seriousViolations(organiser)).toEqual([]);

    await organiser.getByLabel('Adresse').fill('Hôtel de ville, 1 place de la Liberté');
    await organiser.getByRole('combobox', { name: /Commune/ }).fill('Valence');
    await organiser.getByRole('option', { name: 'Valence (commune, 26)', exact: true }).click();
    await organiser.getByLabel('Capacité (nombre de places)').fill('40');
    await organiser.getByRole('button', { name: 'Enregistrer' }).click();
    await organiser.getByRole('heading', { level: 1, name: 'Conférence Impact Finance de Valence' }).waitFor();
    await organiser.getByText('Événement enregistré').waitFor();
    const eventUrl = organiser.url();
    const id = eventUrl.split('/').at(-1) as string;
    await organiser.getByText('0 inscrit sur 40 places').waitFor();

    // The holder registers VoisiWATT from the public page.
    const holder = await demo.platform.page();
    await signIn(holder, 'porteur.voisiwatt@essaim.test');
    await holder.goto(`/evenements/${id}`);
    await holder.getByRole('heading', { level: 2, name: 'Mes inscriptions' }).waitFor();
    await holder.getByRole('radio', { name: /Mon projet «\s?VoisiWATT\s?»/ }).check();
    await holder.getByLabel('Nombre maximum de rendez-vous (facultatif)').fill('5');
    await holder.getByRole('button', { name: 'S’inscrire', exact: true }).click();
    await holder.getByText(/Inscription enregistrée/).waitFor();
    await holder.getByText('VoisiWATT — Projet, inscrit (jusqu’à 5 rendez-vous)').waitFor();
    await holder.getByText('1 inscrit sur 40 places').waitFor();
    expect(await seriousViolations(holder)).toEqual([]);
    await shoot(holder, 'evenement-porteur');

    // The organiser checks them in.
    await organiser.reload();
    await organiser.getByRole('heading', { level: 2, name: 'Liste d’émargement' }).waitFor();
    const row = organiser.getByRole('row').filter({ hasText: 'VoisiWATT' });
    await row.getByRole('cell', { name: 'Inscrit', exact: true }).waitFor();
    await row.getByRole('button', { name: /^Présent/ }).click();
    await row.getByRole('cell', { name: 'Présent', exact: true }).waitFor();
    await organiser.getByText('1 inscription, 1 présence enregistrée').waitFor();
    expect(await row.getByRole('button', { name: /^Présent/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await seriousViolations(organiser)).toEqual([]);
    await shoot(organiser, 'evenement-organisateur');

    // A visitor sees how many registered, never who.
    const visitor = await demo.platform.page();
    await visitor.goto(`/evenements/${id}`);
    await visitor.getByText('1 inscrit sur 40 places').waitFor();
    expect(await visitor.getByText('VoisiWATT').count()).toBe(0);
    const registrations = await (await fetch(`${demo.platform.url}/api/events/${id}/registrations`)).json();
    expect(registrations.error.code).toBe('unauthorized');
    for (const p of [organiser, holder, visitor]) expect(p.errors).toEqual([]);
  }, 90_000);

  it('shows the 2020 conferences in the month calendar', async () => {
    const page = await demo.platform.page();
    await page.goto('/evenements?vue=calendrier&mois=2020-11');
    await page.getByRole('table', { name: 'Calendrier de novembre 2020' }).waitFor();
    await page.getByRole('link', { name: /Conférence Impact Finance de Grenoble/ }).waitFor();
    await page.getByRole('button', { name: 'décembre 2020' }).click();
    await page.getByRole('table', { name: 'Calendrier de décembre 2020' }).waitFor();
    await page.getByRole('link', { name: /Atelier sur la gouvernance/ }).waitFor();
    // The #ESSrelance meetings are the network's: not shown to visitors.
    expect(await page.getByRole('link', { name: /ESSrelance/ }).count()).toBe(0);
    expect(page.errors).toEqual([]);
  });
});
