import { describe, expect, it } from 'vitest';
import { parisDay } from '../../shared/paris-time';
import { eventService } from '../../server/modules/events/event-service';
import { systemActor } from '../../server/policies/actor';
import { demoPlatform, hasBrowser, seriousViolations, signIn, shoot } from './harness';

const demo = demoPlatform();

describe.skipIf(!hasBrowser)('bilateral conference in Chromium', () => {
  it('a holder and an investor go from registration to their agenda, through the organiser’s schedule', async () => {
    // A conference a month from now, organised by the national team.
    const day = parisDay(new Date(Date.now() + 30 * 86_400_000));
    const event = await eventService(demo.platform.db).create(systemActor, {
      kind: 'conference',
      programme: 'impact-finance',
      title: 'Rencontres Impact Finance de Valence',
      startsAt: `${day}T09:00:00+01:00`,
      endsAt: `${day}T17:30:00+01:00`,
      place: { address: 'Hôtel de ville, 1 place de la Liberté', communeCode: '26362' },
    });

    // The organiser opens the slots.
    const organiser = await demo.platform.page();
    await signIn(organiser, 'equipe@essaim.test');
    await organiser.goto(`/evenements/${event.id}/conference`);
    await organiser.getByRole('heading', { level: 2, name: 'Console de l’organisateur' }).waitFor();
    await organiser.getByLabel('Date').fill(day);
    await organiser.getByLabel('Début (heure de Paris)').fill('09:00');
    await organiser.getByLabel('Fin (heure de Paris)').fill('11:00');
    await organiser.getByLabel('Nombre de tables').fill('4');
    await organiser.getByRole('button', { name: 'Générer les créneaux' }).click();
    await organiser.getByText(/^3 créneaux/).waitFor();

    // The holder registers VoisiWATT, the investor their fund, from the event's page.
    const holder = await demo.platform.page();
    await signIn(holder, 'porteur.voisiwatt@essaim.test');
    await holder.goto(`/evenements/${event.id}`);
    await holder.getByRole('radio', { name: /Mon projet «\s?VoisiWATT\s?»/ }).check();
    await holder.getByRole('button', { name: 'S’inscrire', exact: true }).click();
    await holder.getByText(/Inscription enregistrée/).waitFor();
    const investor = await demo.platform.page();
    await signIn(investor, 'financeur@essaim.test');
    await investor.goto(`/evenements/${event.id}`);
    // The DSFR label covers the radio: a person clicks the label.
    await investor.locator('label', { hasText: /France Active Investissement — Fonds territoires/ }).click();
    await investor.getByRole('button', { name: 'S’inscrire', exact: true }).click();
    await investor.getByText(/Inscription enregistrée/).waitFor();

    // The holder reads why to meet the fund, and asks for a meeting.
    await holder.getByRole('link', { name: /Rendez-vous d’affaires/ }).click();
    await holder.getByRole('heading', { level: 2, name: /Mon espace — VoisiWATT/ }).waitFor();
    const fund = holder.getByRole('listitem').filter({ hasText: /France Active Investissement — Fonds territoires — score/ });
    await fund.getByText(/score \d+ sur 1\s000/).waitFor();
    expect(await fund.getByRole('listitem').count()).toBeGreaterThan(0);
    await fund.getByRole('button', { name: /Demander un rendez-vous/ }).click();
    await holder.getByText(/Envoyée à France Active Investissement — Fonds territoires\s: En attente de réponse/).waitFor();
    expect(await seriousViolations(holder)).toEqual([]);

    // The investor accepts.
    await investor.goto(`/evenements/${event.id}/conference`);
    await investor.getByText(/Reçue de VoisiWATT\s: En attente de réponse/).waitFor();
    await investor.getByRole('button', { name: 'Accepter' }).click();
    await investor.getByText(/Reçue de VoisiWATT\s: Acceptée/).waitFor();
    expect(await seriousViolations(investor)).toEqual([]);

    // The organiser plans (with the proof) and publishes.
    await organiser.reload();
    await organiser.getByRole('button', { name: 'Planifier', exact: true }).click();
    await organiser.getByText('1 rendez-vous planifié sur un maximum démontré de 1').waitFor();
    await organiser.getByRole('cell', { name: /VoisiWATT — France Active Investissement/ }).waitFor();
    await organiser.getByRole('button', { name: 'Publier les agendas' }).click();
    await organiser.getByText(/Agendas publiés\s: \d+ comptes prévenus/).waitFor();
    expect(await seriousViolations(organiser)).toEqual([]);
    await shoot(organiser, 'console-organisateur');

    // Each side finds the meeting in their agenda, with the calendar file and the subscription link.
    for (const [page, other, name] of [
      [holder, 'France Active Investissement — Fonds territoires', 'espace-porteur'],
      [investor, 'VoisiWATT', 'espace-financeur'],
    ] as const) {
      await page.reload();
      await page.getByRole('heading', { level: 3, name: 'Mon agenda' }).waitFor();
      await page.getByText(new RegExp(`table 1, avec ${other}`)).waitFor();
      await page.getByRole('link', { name: 'Télécharger l’agenda (.ics)' }).waitFor();
      const feed = await page.getByLabel(/Lien d’abonnement/).inputValue();
      const ics = await fetch(feed.replace(/^http:\/\/[^/]+/, demo.platform.url));
      expect(ics.status).toBe(200);
      expect(await ics.text()).toContain('BEGIN:VEVENT');
      expect(await seriousViolations(page)).toEqual([]);
      await shoot(page, name);
    }
    const notes = await holder.evaluate(async () => (await fetch('/api/notifications')).json());
    expect(notes.items.map((n: { title: string }) => n.title).join('\n')).toMatch(/Votre agenda de «\s?Rencontres Impact Finance de Valence\s?» est publié/);

    // The leads board of the national team.
    await organiser.goto('/financement/pistes');
    await organiser.getByRole('heading', { level: 1, name: 'Pistes d’investissement' }).waitFor();
    await organiser.getByRole('cell', { name: 'Investi' }).first().waitFor();
    expect(await seriousViolations(organiser)).toEqual([]);
    await shoot(organiser, 'pistes');
    for (const p of [organiser, holder, investor]) expect(p.errors).toEqual([]);
  }, 120_000);
});
