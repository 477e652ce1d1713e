import { describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text';
import { type ReviewContent, renderAnnualReview } from './annual-review-pdf';

const content: ReviewContent = {
  year: 2020,
  sentence: 'En 2020, le réseau compte 27 collectifs\u202F; «\u202Fça marche\u202F»\u202F!',
  source: 'Chiffres figés le 4 janvier 2021 par l’équipe nationale.',
  sections: [
    {
      id: 'collectives',
      title: 'Collectifs territoriaux et projets à impact',
      figures: [{ code: 'collectives', label: 'Collectifs territoriaux labellisés', value: '27', definition: 'Nombre de collectifs labellisés.' }],
      examples: [{ title: 'MatériO.TEC 73', place: 'Chambéry', summary: 'Réemploi des matériaux de construction.' }],
      testimonials: [{ quote: 'Une aventure humaine.', author: 'Cyprien Fonvielle', role: 'directeur d’Acta Vista' }],
    },
    {
      id: 'impact-finance',
      title: 'Finance à impact',
      figures: [
        { code: 'fundsMobilisableEur', label: 'Montants mobilisables des fonds', value: '612\u202F000\u202F000\u00A0€', definition: 'Somme des montants.' },
      ],
      examples: [],
      testimonials: [],
    },
  ],
  map: [
    { code: '73', name: 'Savoie', collectives: 1, projects: 12 },
    { code: '2A', name: 'Corse-du-Sud', collectives: 0, projects: 1 },
  ],
  perspectives: 'En 2021, la filière «\u202Fbien vieillir\u202F».\n\nDeuxième paragraphe.',
};

describe('the annual review PDF', () => {
  it('embeds its font (no standard font) and its text can be read back, French letters and signs included', async () => {
    const pdf = await renderAnnualReview(content, { compress: true });
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile[23]? \d+ 0 R/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Marianne-Regular/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    const text = pdfText(pdf).replace(/[ \n\t]+/g, ' ');
    expect(text).not.toContain('\uFFFD');
    for (const s of [
      'Rapport annuel 2020',
      '«\u00A0ça marche\u00A0»\u00A0!',
      '27 Collectifs territoriaux labellisés (1)',
      '612\u00A0000\u00A0000\u00A0€ Montants mobilisables des fonds (2)',
      'MatériO.TEC 73 (Chambéry)',
      '«\u00A0Une aventure humaine.\u00A0»',
      '— Cyprien Fonvielle, directeur d’Acta Vista',
      'Savoie (73)',
      'Perspectives 2021',
      'Deuxième paragraphe.',
      '(1) Collectifs territoriaux labellisés Nombre de collectifs labellisés.',
    ])
      expect(text).toContain(s);
  });

  it('numbers its pages and gives each entry of the table of contents the page it starts on', async () => {
    const text = pdfText(await renderAnnualReview(content));
    const total = Number(text.match(/page 1 sur (\d+)/)?.[1]);
    expect(total).toBeGreaterThanOrEqual(4);
    for (let i = 1; i <= total; i++) expect(text).toContain(`page ${i} sur ${total}`);
    // Map, perspectives and definitions each open a page: the last three entries point at the last three pages.
    const lines = text.split('\n');
    const toc = lines.slice(lines.indexOf('Sommaire'));
    expect(toc).toContain(String(total));
    expect(toc).toContain(String(total - 1));
    expect(toc).toContain(String(total - 2));
  });

  it('says when the perspectives are not written yet', async () => {
    const text = pdfText(await renderAnnualReview({ ...content, perspectives: null, map: [] })).replace(/[ \n\t]+/g, ' ');
    expect(text).toContain('L’équipe nationale n’a pas encore rédigé les perspectives');
  });
});
