import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text';
import { onPostgres, testApp } from '../../test/test-db';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ jobs: { work: true, pollingIntervalSeconds: 0.5 } }, { demo: true });
}, 180_000);
afterAll(() => t.close());

/** Ask for the PDF until it is made: 202 with Retry-After meanwhile. */
async function fetchPdf(url: string) {
  let first: { statusCode: number; headers: Record<string, unknown> } | undefined;
  for (let i = 0; i < 60; i++) {
    const r = await t.anonymous.inject({ url });
    first ??= r;
    if (r.statusCode === 200) return { first, pdf: r.rawPayload, type: r.headers['content-type'] };
    expect(r.statusCode, r.body).toBe(202);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error('Le PDF n’a pas été fabriqué à temps');
}

describe(`the annual review in PDF (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('is made by a job (202 with Retry-After meanwhile) and shows every figure of the 2020 review with its definitions', async () => {
    const { first, pdf, type } = await fetchPdf('/api/reports/annual/2020.pdf');
    expect(first.statusCode).toBe(202);
    expect(type).toBe('application/pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const figure of [
      /Rapport annuel 2020/,
      /27 Collectifs territoriaux labellisés/,
      /400 Projets territoriaux à impact/,
      /2 Filières d’excellence/,
      /22 Pionniers French Impact/,
      /1\d\d Entreprises championnes accompagnées/,
      /× 2(,\d+)? Croissance des bénéficiaires/,
      /25 Fonds sous bannière French Impact/,
      /6\d\d \d{3} \d{3} € Montants mobilisables/,
      /45 Accompagnateurs formés/,
      /360 Rencontres projet–financeur tenues/,
      /100 Hackers publics/,
      /2\d Administrations engagées/,
      /4 000 SIAE engagées/,
      /2 Hackathons/,
      /\d+ Participants aux hackathons/,
      /2 Rencontres #ESSrelance/,
      /Définitions des chiffres/,
      /Sommaire/,
      // Examples featured by the national team, a testimonial given with consent, the map, the perspectives.
      /MatériO\.TEC 73 \(Chambéry\) Réduire les déchets du bâtiment/,
      /VoisiWATT \(Valence\)/,
      /Acta Vista \(Marseille\) Acteur phare de l’inclusion par le patrimoine/,
      /Plateau Urbain \(Paris\)/,
      /Toit à Moi/,
      /« Nous avons vocation à essaimer au plan national.*» — Cyprien Fonvielle, directeur général, Acta Vista/,
      /Carte des collectifs et des projets/,
      /Départements siège d’un collectif \(\d+\) : .*Savoie \(73\)/,
      /Perspectives 2021 Réaffirmer notre ambition d’organiser une « logistique du dernier kilomètre »/,
    ])
      expect(text).toMatch(figure);
    // Each figure carries its definition in the appendix.
    expect(text).toMatch(/\(1\) Collectifs territoriaux labellisés Nombre de collectifs/);
    // A testimonial without its author's consent is never printed; the font is embedded, no glyph is missing.
    expect(text).not.toMatch(/Julien Marchand/);
    expect(text).not.toContain('\uFFFD');
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('is kept, then made again from the snapshot once the year is frozen', async () => {
    const again = await t.anonymous.inject({ url: '/api/reports/annual/2020.pdf' });
    expect(again.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/indicators/snapshots', payload: { year: 2020 } })).statusCode).toBe(201);
    const { first, pdf } = await fetchPdf('/api/reports/annual/2020.pdf');
    expect(first.statusCode).toBe(202);
    expect(pdfText(pdf).replace(/\s+/g, ' ')).toMatch(/Chiffres figés le/);
    expect((await t.anonymous.inject({ url: '/api/reports/annual/1990.pdf' })).statusCode).toBe(400);
  });
});

describe(`the annual review's own content (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('shows the featured examples, the testimonials given with consent, the perspectives and the map to everyone', async () => {
    const r = await t.anonymous.inject({ url: '/api/annual-reviews/2020' });
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json();
    expect(c.examples.map((e: { title: string }) => e.title)).toEqual(['MatériO.TEC 73', 'VoisiWATT', 'Acta Vista', 'Plateau Urbain', 'Toit à Moi']);
    expect(c.testimonials).toHaveLength(1);
    expect(c.testimonials[0]).toMatchObject({ authorName: 'Cyprien Fonvielle', organisationName: 'Acta Vista', consentGivenOn: null });
    expect(c.perspectives).toMatch(/^Réaffirmer notre ambition/);
    const savoie = c.map.find((a: { code: string }) => a.code === '73');
    expect(savoie.collectives).toBeGreaterThanOrEqual(1);
    expect(savoie.projects).toBeGreaterThanOrEqual(1);
    // Snapshot taken above: the map counts the frozen collectives, 27 in all.
    expect(c.map.reduce((n: number, a: { collectives: number }) => n + a.collectives, 0)).toBe(27);
  });

  it('never publishes a testimonial without its author’s consent', async () => {
    const body = { quote: 'Un beau projet.', authorName: 'Léa Martin', programme: 'collectives', year: 2020 };
    expect((await t.anonymous.inject({ method: 'POST', url: '/api/testimonials', payload: body })).statusCode).toBe(401);
    const refused = await t.app.inject({ method: 'POST', url: '/api/testimonials', payload: { ...body, featured: true } });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().error.details)).toMatch(/consentement/);
    const created = await t.app.inject({ method: 'POST', url: '/api/testimonials', payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const publish = await t.app.inject({ method: 'PATCH', url: `/api/testimonials/${id}`, payload: { featured: true } });
    expect(publish.statusCode).toBe(400);
    expect(publish.json().error.code).toBe('consent_required');
    const names = async (as: typeof t.app) =>
      (await as.inject({ url: '/api/testimonials?year=2020' })).json().items.map((x: { authorName: string }) => x.authorName);
    expect(await names(t.anonymous)).not.toContain('Léa Martin');
    expect(await names(t.app)).toEqual(expect.arrayContaining(['Léa Martin', 'Julien Marchand', 'Cyprien Fonvielle']));
    const consent = await t.app.inject({ method: 'PATCH', url: `/api/testimonials/${id}`, payload: { featured: true, consentGivenOn: '2021-01-05' } });
    expect(consent.statusCode, consent.body).toBe(204);
    expect(await names(t.anonymous)).toContain('Léa Martin');
    expect(await names(t.anonymous)).not.toContain('Julien Marchand');
  });

  it('lets only the national team write the perspectives, and the PDF is made again with them', async () => {
    const url = '/api/annual-reviews/2020/perspectives';
    expect((await t.anonymous.inject({ method: 'PUT', url, payload: { body: 'x' } })).statusCode).toBe(401);
    const put = await t.app.inject({ method: 'PUT', url, payload: { body: 'Ouvrir la filière « bien vieillir ».\n\nDeux rencontres par mois.' } });
    expect(put.statusCode, put.body).toBe(200);
    const { first, pdf } = await fetchPdf('/api/reports/annual/2020.pdf');
    expect(first.statusCode).toBe(202);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toMatch(/Perspectives 2021 Ouvrir la filière « bien vieillir ». Deux rencontres par mois./);
    expect(text).toMatch(/Léa Martin/);
  });

  it('features a record the national team picks, and refuses one that does not exist', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/annual-reviews/2020/featured',
      payload: { programme: 'collectives', recordKind: 'project', recordId: '00000000-0000-4000-8000-000000000000', summary: 'x' },
    });
    expect(missing.statusCode).toBe(400);
    const before = (await t.anonymous.inject({ url: '/api/annual-reviews/2020' })).json().examples;
    const last = before.at(-1);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/annual-reviews/2020/featured/${last.id}` })).statusCode).toBe(204);
    expect((await t.anonymous.inject({ url: '/api/annual-reviews/2020' })).json().examples).toHaveLength(before.length - 1);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/annual-reviews/2020/featured',
      payload: { programme: last.programme, recordKind: last.recordKind, recordId: last.recordId, summary: last.summary, position: 4 },
    });
    expect(again.statusCode, again.body).toBe(201);
  });
});

describe(`the Pionniers' growth, year by year (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('gives each year’s beneficiaries, growth and champions; 2019 → 2020 doubles', async () => {
    const series = async (code: string) => {
      const r = await t.anonymous.inject({ url: `/api/indicators/${code}/series?from=2018&to=2020` });
      expect(r.statusCode, r.body).toBe(200);
      return Object.fromEntries(r.json().points.map((p: { year: number; value: number | null }) => [p.year, p.value]));
    };
    const b = await series('pioneerBeneficiaries');
    const g = await series('pioneerBeneficiariesGrowth');
    const c = await series('champions');
    expect(b[2020]).toBeGreaterThan(b[2019]);
    expect(g[2020]).toBeGreaterThanOrEqual(1.95);
    expect(g[2020]).toBeLessThan(2.5);
    expect(c[2020]).toBeGreaterThanOrEqual(100);
    expect(c[2019]).toBeLessThanOrEqual(c[2020]);
    // Each point is the indicator read for that year.
    expect((await t.anonymous.inject({ url: '/api/indicators/pioneerBeneficiaries?year=2019' })).json().value).toBe(b[2019]);
    expect((await t.anonymous.inject({ url: '/api/indicators/champions/series?from=2020&to=2010' })).statusCode).toBe(400);
  });
});
