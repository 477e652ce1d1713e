import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, seriousViolations, shoot, signIn, startPlatform } from './harness';

/**
 * The last pieces of Impact Finance and Hackers Publics in Chromium: a
 * holder's « Mes événements » leading to their agenda and its printable PDF,
 * the organiser's heat map and table plan, a sponsor editing their profile.
 * Each page is audited (axe) and, with ESSAIM_SHOTS=<folder>, photographed
 * at 1280 and 375 px wide.
 */
let platform: Awaited<ReturnType<typeof startPlatform>>;
beforeAll(async () => {
  if (hasBrowser) platform = await startPlatform();
}, 240_000);
afterAll(async () => platform?.close());

type Page = Awaited<ReturnType<typeof platform.page>>;

/** Wait for a page's data (no « Chargement » left), note its serious accessibility faults, photograph it when asked. */
async function audit(page: Page, found: string[], shot?: string) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text
  await page.waitForFunction(() => !document.body.innerText.includes('Chargement'), undefined, { timeout: 15_000 });
  for (const v of await seriousViolations(page)) found.push(`${new URL(page.url()).pathname} → ${v}`);
  if (shot) await shoot(page, shot);
}

describe.skipIf(!hasBrowser)('Impact Finance and Hackers Publics, last pieces, in Chromium', () => {
  it('leads a holder from « Mes événements » to their agenda at Grenoble and its printable PDF', async () => {
    const found: string[] = [];
    const holder = await platform.page();
    await signIn(holder, 'porteur.voisiwatt@essaim.test');
    await holder.goto('/mon-espace');
    await audit(holder, found, 'mon-espace-porteur');
    const events = holder.getByRole('region', { name: /^Mes événements/ });
    await events.getByRole('link', { name: 'Conférence Impact Finance de Grenoble' }).click();
    await holder.getByRole('heading', { name: 'Mon agenda' }).first().waitFor();
    await audit(holder, found, 'conference-participant');
    const pdfLink = holder.getByRole('link', { name: 'Agenda imprimable (PDF)' }).first();
    const href = (await pdfLink.getAttribute('href')) as string;
    const pdf = await holder.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(found).toEqual([]);
    expect(holder.errors).toEqual([]);
  }, 180_000);

  it('shows the organiser the heat map by slot and the printable table plan', async () => {
    const found: string[] = [];
    const team = await platform.page();
    await signIn(team, 'equipe@essaim.test');
    const eventId = (await (await team.request.get('/api/events?q=grenoble&pageSize=1')).json()).items[0].id as string;
    await team.goto(`/evenements/${eventId}/conference`);
    const heat = team.getByRole('region', { name: /Disponibilités et rendez-vous par créneau/ });
    await heat.waitFor();
    await audit(team, found, 'conference-organiser');
    // Every slot of the day is a row, with its figures written out.
    const slots = (await (await team.request.get(`/api/events/${eventId}/slots/load`)).json()) as Array<{ booked: number; participants: number }>;
    expect(await heat.getByRole('row').count()).toBe(slots.length + 1);
    const first = slots[0] as { booked: number; participants: number };
    expect(await heat.getByRole('row').nth(1).getByRole('cell').nth(2).textContent()).toBe(`${first.booked} sur ${first.participants}`);
    const plan = await team.request.get(`/api/events/${eventId}/table-plan.pdf`);
    expect(plan.headers()['content-type']).toBe('application/pdf');
    expect(await team.getByRole('link', { name: 'Plan des tables imprimable (PDF)' }).isVisible()).toBe(true);
    expect(found).toEqual([]);
    expect(team.errors).toEqual([]);
  }, 180_000);

  it('lets a sponsor edit their profile from their space; the pairing reads the new capacity', async () => {
    const found: string[] = [];
    const sponsor = await platform.page();
    await signIn(sponsor, 'hacker.public@essaim.test');
    await sponsor.goto('/hackers-publics/mon-espace');
    await audit(sponsor, found);
    await sponsor.getByRole('link', { name: 'Modifier mon profil' }).click();
    await sponsor.getByRole('heading', { level: 1, name: /^Profil de hacker public de / }).waitFor();
    await audit(sponsor, found, 'profil-hacker-public');
    const capacity = sponsor.getByLabel(/^Capacité/);
    const before = Number(await capacity.inputValue());
    const next = before === 3 ? 2 : before + 1;
    await capacity.fill(String(next));
    const numerique = sponsor.getByLabel('Numérique');
    const had = await numerique.isChecked();
    await numerique.setChecked(!had, { force: true });
    await sponsor.getByLabel('Fonction, grade (facultatif)').fill('Cheffe de bureau');
    await sponsor.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await sponsor.getByText('Profil enregistré.').waitFor();
    const me = await (await sponsor.request.get('/api/auth/me')).json();
    const profile = await (await sponsor.request.get(`/api/people/${me.personId}/sponsor`)).json();
    expect(profile.capacity).toBe(next);
    expect(profile.grade).toBe('Cheffe de bureau');
    expect(profile.expertise.includes('numerique')).toBe(!had);
    // A capacity out of 1–3 is refused with the API's French message, next to the field.
    await capacity.fill('4');
    await sponsor.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await sponsor.getByText('La capacité va de 1 à 3 structures à la fois.').first().waitFor();
    expect(found).toEqual([]);
    expect(sponsor.errors).toEqual([]);
  }, 180_000);
});
