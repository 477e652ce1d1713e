import type { Testimonial } from '../../../shared/schemas/annual-review';
import { PROGRAMME_TITLES, formatIndicatorValue, yearSentence } from '../../../shared/indicator-format';
import type { Database, Executor } from '../../db/connection';
import { countedVersion } from '../../db/snapshot-queries';
import type { Actor } from '../../policies/actor';
import { authorize } from '../../policies/authorize';
import { indicatorPolicy } from '../indicators/indicator-policy';
import { findSnapshot } from '../indicators/indicator-queries';
import { indicatorRegistry } from '../indicators/indicator-registry';
import { yearValues } from '../indicators/indicator-service';
import type { JobQueue } from '../jobs/job-queue';
import { type ReviewContent, renderAnnualReview } from './annual-review-pdf';
import { reviewContentVersion } from './review-queries';
import { reviewContent } from './review-service';
import { claimAnnualReport, findAnnualReport, setAnnualReportJob, storeAnnualReport } from './report-queries';

export const ANNUAL_REPORT_JOB = 'reports.annual';
/** How long a client waits before asking again for a PDF being made. */
export const RETRY_AFTER_SECONDS = 3;

/**
 * What the review is made from: the year's snapshot when there is one, else
 * the live data at its current version; and the version of its own content
 * (examples, testimonials, perspectives), so that an edit makes it again.
 */
async function sourceOf(db: Executor, year: number) {
  const snapshot = await findSnapshot(db, year, false);
  const figures = snapshot ? `snapshot:${snapshot.takenAt.toISOString()}` : `live:${(await countedVersion(db)) ?? '0'}`;
  return `${figures}|${await reviewContentVersion(db, year)}`;
}

/** The review's content for a year: the snapshot's values when there is one (and says so), else live values. */
export async function annualReviewContent(db: Executor, year: number): Promise<ReviewContent> {
  const snapshot = await findSnapshot(db, year, false);
  const values = snapshot ? Object.fromEntries(snapshot.values.map((v) => [v.code, v.value])) : await yearValues(db, year);
  const extras = await reviewContent(db, year, snapshot !== null);
  const paris = (d: Date) => d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
  return {
    year,
    sentence: yearSentence(year, indicatorRegistry, values),
    source: snapshot
      ? `Chiffres figés le ${paris(snapshot.takenAt)} par l’équipe nationale.`
      : `Aucun instantané pour ${year}\u202F: chiffres calculés en direct à partir des données actuelles.`,
    sections: (Object.keys(PROGRAMME_TITLES) as Array<keyof typeof PROGRAMME_TITLES>).map((p) => ({
      id: p,
      title: PROGRAMME_TITLES[p],
      examples: extras.examples.filter((e) => e.programme === p).map((e) => ({ title: e.title, place: e.place, summary: e.summary })),
      testimonials: extras.testimonials.filter((t) => t.programme === p).map(testimonialLine),
      figures: indicatorRegistry
        .filter((d) => d.programme === p)
        .map((d) => ({
          code: d.code,
          label: d.label,
          value: formatIndicatorValue(d, values[d.code]),
          definition: `${d.definition} Date retenue\u202F: ${d.dateUsed}.`,
        })),
    })),
    map: extras.map,
    perspectives: extras.perspectives,
  };
}

/** A testimonial as the review prints it: the quote, its author, and their role at the organisation, project or collective. */
function testimonialLine(t: Testimonial) {
  const where = t.organisationName ?? t.projectTitle ?? t.collectiveName;
  const role = [t.authorRole, where].filter(Boolean).join(', ');
  return { quote: t.quote, author: t.authorName, role: role || null };
}

/**
 * The annual review's PDF: ready, or being made by a job (the answer says
 * when to ask again). It is made once per source and kept until the year's
 * snapshot (or, without one, the counted data) changes.
 */
export async function annualReportPdf(db: Database, actor: Actor, year: number, jobs: Pick<JobQueue, 'enqueue'>) {
  authorize(actor, 'read', { policy: indicatorPolicy });
  const source = await sourceOf(db, year);
  const found = await findAnnualReport(db, year, source);
  if (found?.status === 'ready' && found.pdf) return { pdf: found.pdf };
  if (found?.job_id) return { jobId: found.job_id, retryAfter: RETRY_AFTER_SECONDS };
  return db.transaction().execute(async (tx) => {
    if (!(await claimAnnualReport(tx, year, source))) {
      const again = await findAnnualReport(tx, year, source);
      return { jobId: again?.job_id ?? '', retryAfter: RETRY_AFTER_SECONDS };
    }
    const jobId = await jobs.enqueue(ANNUAL_REPORT_JOB, { year, source }, { in: tx });
    await setAnnualReportJob(tx, year, source, jobId);
    return { jobId, retryAfter: RETRY_AFTER_SECONDS };
  });
}

/** Make a year's PDF for a source and keep it (the job's work). */
export async function makeAnnualReport(db: Database, year: number, source: string, report: (done: number) => Promise<void>) {
  const content = await annualReviewContent(db, year);
  await report(1);
  const pdf = await renderAnnualReview(content);
  await report(2);
  await storeAnnualReport(db, year, source, pdf);
  return { bytes: pdf.length };
}
