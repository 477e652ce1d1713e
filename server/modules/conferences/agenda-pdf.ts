import PDFDocument from 'pdfkit';
import { formatParisDay, formatParisSpan, formatParisTime, parisDay } from '../../../shared/paris-time';
import { pdfText } from '../reports/annual-review-pdf';

export interface AgendaPdfMeeting {
  startsAt: Date;
  endsAt: Date;
  table: number | null;
  /** The other side: their project or fund. */
  withLabel: string;
  cancelled: boolean;
  videoUrl: string | null;
  /** Why they were matched, in French (may be empty). */
  reasons: string[];
}

export interface AgendaPdfContent {
  eventTitle: string;
  eventStartsAt: Date;
  eventEndsAt: Date;
  place: string | null;
  participant: string;
  published: boolean;
  meetings: AgendaPdfMeeting[];
}

const BLUE = '#000091';

function pdfBytes(title: string, write: (doc: PDFKit.PDFDocument) => void, compress: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress, info: { Title: pdfText(title), Author: 'Essaim' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  write(doc);
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, title: string, lines: string[]) {
  doc.font('Helvetica-Bold').fontSize(18).fillColor(BLUE).text(pdfText(title));
  doc.font('Helvetica').fontSize(10).fillColor('#333');
  for (const l of lines) doc.text(pdfText(l));
  doc.moveDown(0.8).fillColor('black');
}

/**
 * A participant's printable agenda: the conference, then each meeting in
 * time order grouped by day (time, table, who, why they were matched), a
 * cancelled meeting struck through and marked as such. Pure: content in,
 * bytes out (Helvetica, as the annual review).
 *
 * @example const pdf = await renderAgendaPdf({ eventTitle: 'Rencontres de Grenoble', …, meetings: [] })
 */
export function renderAgendaPdf(c: AgendaPdfContent, opts: { compress?: boolean } = {}): Promise<Buffer> {
  return pdfBytes(
    `Agenda — ${c.participant}`,
    (doc) => {
      heading(doc, c.eventTitle, [formatParisSpan(c.eventStartsAt, c.eventEndsAt), ...(c.place ? [c.place] : []), `Agenda de ${c.participant}`]);
      if (!c.published) {
        doc.font('Helvetica-Oblique').fontSize(11).text(pdfText('Les agendas ne sont pas encore publiés : les horaires peuvent encore changer.'));
        doc.moveDown(0.5);
      }
      if (c.meetings.length === 0) {
        doc.font('Helvetica').fontSize(12).text('Aucun rendez-vous planifié.');
        return;
      }
      const sorted = [...c.meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      let day = '';
      for (const m of sorted) {
        if (parisDay(m.startsAt) !== day) {
          day = parisDay(m.startsAt);
          doc
            .moveDown(0.4)
            .font('Helvetica-Bold')
            .fontSize(13)
            .fillColor(BLUE)
            .text(pdfText(formatParisDay(m.startsAt)))
            .fillColor('black');
        }
        const when = `${formatParisTime(m.startsAt)}–${formatParisTime(m.endsAt)}`;
        const where = m.table ? `table ${m.table}` : m.videoUrl ? 'en visio' : '';
        doc
          .moveDown(0.3)
          .font('Helvetica-Bold')
          .fontSize(11)
          .text(pdfText(`${when}${where ? ` · ${where}` : ''} · ${m.withLabel}${m.cancelled ? ' (annulé)' : ''}`), { strike: m.cancelled });
        doc.font('Helvetica').fontSize(9).fillColor('#333');
        if (m.videoUrl) doc.text(pdfText(`Visio : ${m.videoUrl}`));
        for (const r of m.reasons) doc.text(pdfText(`• ${r}`), { indent: 12 });
        doc.fillColor('black');
      }
    },
    opts.compress ?? true,
  );
}

export interface TablePlanContent {
  eventTitle: string;
  slots: Array<{ startsAt: Date; endsAt: Date; tables: number; meetings: Array<{ table: number | null; a: string; b: string }> }>;
}

/**
 * The organiser's table plan: one section per slot (its time, then each
 * table with the two sides that meet there), a slot starting a new page
 * when it does not fit. Pure: content in, bytes out.
 */
export function renderTablePlanPdf(c: TablePlanContent, opts: { compress?: boolean } = {}): Promise<Buffer> {
  return pdfBytes(
    `Plan des tables — ${c.eventTitle}`,
    (doc) => {
      heading(doc, c.eventTitle, ['Plan des tables par créneau']);
      for (const s of c.slots) {
        const rows = [...s.meetings].sort((x, y) => (x.table ?? 0) - (y.table ?? 0));
        if (doc.y + 40 + rows.length * 14 > doc.page.height - doc.page.margins.bottom && doc.y > 150) doc.addPage();
        doc
          .moveDown(0.5)
          .font('Helvetica-Bold')
          .fontSize(12)
          .fillColor(BLUE)
          .text(pdfText(`${formatParisDay(s.startsAt)}, ${formatParisTime(s.startsAt)}–${formatParisTime(s.endsAt)} (${rows.length} sur ${s.tables} tables)`))
          .fillColor('black');
        doc.font('Helvetica').fontSize(10);
        if (rows.length === 0) doc.text('Aucun rendez-vous.');
        for (const m of rows) doc.text(pdfText(`Table ${m.table ?? '—'} : ${m.a} — ${m.b}`));
      }
    },
    opts.compress ?? true,
  );
}
