import { sql } from 'kysely';
import type { Executor } from '../../db/connection';

export async function findAnnualReport(db: Executor, year: number, source: string) {
  const r = await sql<{ status: 'pending' | 'ready'; job_id: string | null; pdf: Buffer | null }>`
    select status, job_id, pdf from annual_reports where year = ${year} and source = ${source}`.execute(db);
  return r.rows[0];
}

/** Claim the making of a year's PDF for this source; false when another request already did. */
export async function claimAnnualReport(db: Executor, year: number, source: string) {
  const r = await sql`insert into annual_reports (year, source) values (${year}, ${source}) on conflict do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function setAnnualReportJob(db: Executor, year: number, source: string, jobId: string) {
  await sql`update annual_reports set job_id = ${jobId} where year = ${year} and source = ${source}`.execute(db);
}

/** Keep the PDF made for this source, and forget those of older sources of the same year. */
export async function storeAnnualReport(db: Executor, year: number, source: string, pdf: Buffer) {
  await sql`update annual_reports set status = 'ready', pdf = ${pdf} where year = ${year} and source = ${source}`.execute(db);
  await sql`delete from annual_reports where year = ${year} and source <> ${source} and status = 'ready'`.execute(db);
}
