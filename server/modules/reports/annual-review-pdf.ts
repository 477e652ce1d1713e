import PDFDocument from 'pdfkit';

export interface ReviewFigure {
  code: string;
  label: string;
  value: string;
  definition: string;
}

export interface ReviewContent {
  year: number;
  sentence: string;
  /** Where the figures come from, in words (« Chiffres figés le … » or « calculés en direct »). */
  source: string;
  sections: Array<{ title: string; figures: ReviewFigure[] }>;
}

/**
 * Helvetica (a standard PDF font, WinAnsi encoding) covers French letters and
 * « » ’ but not the narrow no-break space: it becomes a no-break space, so that
 * « 4 000 » and « : » keep their spacing without a missing glyph.
 */
export const pdfText = (s: string) => s.replace(/\u202F/g, '\u00A0');

/**
 * The annual review as a PDF: a cover line, a table of contents, one section
 * per programme with its key figures (each with a footnote number), and the
 * definitions of the figures in an appendix. Pure: content in, bytes out.
 *
 * @example const pdf = await renderAnnualReview({ year: 2020, sentence: '…', source: '…', sections: [] })
 */
export function renderAnnualReview(c: ReviewContent, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress: opts.compress ?? true, info: { Title: `Rapport annuel ${c.year}`, Author: 'Essaim' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const blue = '#000091';
  doc
    .font('Helvetica-Bold')
    .fontSize(24)
    .fillColor(blue)
    .text(pdfText(`Rapport annuel ${c.year}`));
  doc.moveDown(0.5).font('Helvetica').fontSize(12).fillColor('black').text(pdfText(c.sentence));
  doc.moveDown(0.5).fontSize(9).fillColor('#555').text(pdfText(c.source));
  doc.moveDown(1).font('Helvetica-Bold').fontSize(14).fillColor(blue).text('Sommaire');
  doc.font('Helvetica').fontSize(11).fillColor('black');
  for (const [i, s] of c.sections.entries()) doc.text(pdfText(`${i + 1}. ${s.title}`));
  doc.text(pdfText(`${c.sections.length + 1}. Définitions des chiffres`));
  let note = 0;
  const notes: ReviewFigure[] = [];
  for (const s of c.sections) {
    doc.moveDown(1.2).font('Helvetica-Bold').fontSize(15).fillColor(blue).text(pdfText(s.title));
    doc.moveDown(0.3).fillColor('black');
    for (const f of s.figures) {
      note += 1;
      notes.push(f);
      doc
        .font('Helvetica-Bold')
        .fontSize(12)
        .text(pdfText(`${f.value} `), { continued: true });
      doc.font('Helvetica').text(pdfText(`${f.label} (${note})`));
    }
  }
  doc.addPage().font('Helvetica-Bold').fontSize(15).fillColor(blue).text('Définitions des chiffres');
  doc.moveDown(0.5).fillColor('black');
  notes.forEach((f, i) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(pdfText(`(${i + 1}) ${f.label}`));
    doc.font('Helvetica').fontSize(9).text(pdfText(f.definition));
    doc.moveDown(0.4);
  });
  doc.end();
  return done;
}
