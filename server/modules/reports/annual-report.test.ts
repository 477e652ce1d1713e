import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, testApp } from '../../test/test-db';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ jobs: { work: true, pollingIntervalSeconds: 0.5 } }, { demo: true });
}, 180_000);
afterAll(() => t.close());

const WIN_ANSI: Record<number, string> = { 146: '’', 150: '–', 151: '—', 128: '€', 160: ' ' };

/** The text a PDF shows: every string its content streams draw (pdfkit writes them as hex in TJ arrays). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const bytes = Buffer.from(m[1] as string, 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(tj[1] as string).matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      out.push([...Buffer.from(hex, 'hex')].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join(''));
    }
  }
  return out.join('\n');
}

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
      /2 Rencontres #ESSrelance/,
      /Définitions des chiffres/,
      /Sommaire/,
    ])
      expect(text).toMatch(figure);
    // Each figure carries its definition in the appendix.
    expect(text).toMatch(/\(1\) Collectifs territoriaux labellisés Nombre de collectifs/);
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
