import type { z } from 'zod';
import type { AnnualReviewContent, featureBody, perspectivesBody, Testimonial, testimonialBody, testimonialPatch } from '../../../shared/schemas/annual-review';
import type { IndicatorDefinition } from '../../../shared/schemas/indicators';
import type { Database, Executor } from '../../db/connection';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { authorize, can } from '../../policies/authorize';
import { appendAudit } from '../audit/audit-queries';
import { yearPeriod } from '../indicators/engines/period';
import { findSnapshot, indicatorRecordsByDepartement, snapshotRecordIds } from '../indicators/indicator-queries';
import { indicatorByCode } from '../indicators/indicator-registry';
import { reviewPolicy } from './review-policy';
import {
  deleteFeatured,
  featuredExamples,
  featuredRecordExists,
  findPerspectives,
  findTestimonialConsent,
  insertFeatured,
  insertTestimonial,
  listTestimonials,
  type TestimonialRow,
  updateTestimonial,
  upsertPerspectives,
} from './review-queries';

type Programme = IndicatorDefinition['programme'];
const actorId = (actor: Actor) => (actor.kind === 'account' ? actor.accountId : null);

function testimonialOut(t: TestimonialRow, withConsent: boolean): Testimonial {
  return {
    id: t.id,
    quote: t.quote,
    authorName: t.author_name,
    authorRole: t.author_role,
    organisationId: t.organisation_id,
    organisationName: t.organisation_name,
    projectId: t.project_id,
    projectTitle: t.project_title,
    collectiveId: t.collective_id,
    collectiveName: t.collective_name,
    programme: t.programme as Programme,
    year: t.year,
    consentGivenOn: withConsent ? t.consent_given_on : null,
    featured: t.featured,
  };
}

/**
 * Collectives and projects per département for the year: the snapshot's
 * records when the year is frozen (so the map does not move either), else
 * those of the live data at the end of the year.
 */
export async function reviewMap(db: Executor, year: number, frozen: boolean) {
  const p = yearPeriod(year);
  const count = async (code: 'collectives' | 'projects') => {
    const def = indicatorByCode.get(code) as IndicatorDefinition;
    const ids = frozen ? await snapshotRecordIds(db, year, code) : null;
    return indicatorRecordsByDepartement(db, def, p, ids);
  };
  const [collectives, projects] = [await count('collectives'), await count('projects')];
  const areas = new Map<string, AnnualReviewContent['map'][number]>();
  const area = (code: string, name: string) => {
    const a = areas.get(code) ?? { code, name, collectives: 0, projects: 0 };
    areas.set(code, a);
    return a;
  };
  for (const c of collectives) area(c.code, c.name).collectives = c.records;
  for (const pr of projects) area(pr.code, pr.name).projects = pr.records;
  return [...areas.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** A year's review content beside its figures: featured examples, published testimonials, perspectives, map. */
export async function readReviewContent(db: Executor, actor: Actor, year: number): Promise<AnnualReviewContent> {
  authorize(actor, 'read', { policy: reviewPolicy });
  return reviewContent(db, year, (await findSnapshot(db, year, false)) !== null, can(actor, 'readUnpublished', { policy: reviewPolicy }));
}

/** The same, for the PDF's job (no actor: it shows what everyone may read). */
export async function reviewContent(db: Executor, year: number, frozen: boolean, withConsent = false): Promise<AnnualReviewContent> {
  const [examples, testimonials, perspectives, map] = [
    await featuredExamples(db, year),
    await listTestimonials(db, { year, published: true }),
    await findPerspectives(db, year),
    await reviewMap(db, year, frozen),
  ];
  return {
    year,
    examples: examples.map((e) => ({
      id: e.id,
      programme: e.programme as Programme,
      recordKind: e.record_kind as AnnualReviewContent['examples'][number]['recordKind'],
      recordId: e.record_id,
      title: e.title,
      place: e.place,
      summary: e.summary,
    })),
    testimonials: testimonials.map((t) => testimonialOut(t, withConsent)),
    perspectives: perspectives?.body ?? null,
    map,
  };
}

export async function writePerspectives(db: Database, actor: Actor, year: number, body: z.infer<typeof perspectivesBody>) {
  authorize(actor, 'edit', { policy: reviewPolicy }, { forbidden: 'Seule l’équipe nationale rédige les perspectives du rapport annuel.' });
  await db.transaction().execute(async (tx) => {
    await upsertPerspectives(tx, year, body.body, actorId(actor));
    await appendAudit(tx, [
      { actorKind: actor.kind, actorId: actorId(actor), action: 'update', entity: 'review-perspectives', recordId: String(year), after: body },
    ]);
  });
  return { year, perspectives: body.body || null };
}

export async function featureRecord(db: Database, actor: Actor, year: number, body: z.infer<typeof featureBody>) {
  authorize(actor, 'edit', { policy: reviewPolicy }, { forbidden: 'Seule l’équipe nationale choisit les exemples du rapport annuel.' });
  if (!(await featuredRecordExists(db, body.recordKind, body.recordId)))
    throw invalid('L’enregistrement à mettre en avant n’existe pas.', [{ path: 'recordId', message: 'Enregistrement introuvable.' }], 'unknown_record');
  const id = await db.transaction().execute(async (tx) => {
    const id = await insertFeatured(tx, { year, ...body });
    await appendAudit(tx, [{ actorKind: actor.kind, actorId: actorId(actor), action: 'create', entity: 'review-featured', recordId: id, after: body }]);
    return id;
  });
  return { id };
}

export async function unfeatureRecord(db: Database, actor: Actor, year: number, id: string) {
  authorize(actor, 'edit', { policy: reviewPolicy }, { forbidden: 'Seule l’équipe nationale choisit les exemples du rapport annuel.' });
  await db.transaction().execute(async (tx) => {
    if (!(await deleteFeatured(tx, year, id))) throw notFound('Exemple du rapport', id);
    await appendAudit(tx, [{ actorKind: actor.kind, actorId: actorId(actor), action: 'delete', entity: 'review-featured', recordId: id }]);
  });
}

/** Testimonials: the published ones for everyone, all of them (with their consent) for the national team. */
export async function testimonials(db: Executor, actor: Actor, year: number | undefined) {
  authorize(actor, 'read', { policy: reviewPolicy });
  const all = can(actor, 'readUnpublished', { policy: reviewPolicy });
  const rows = await listTestimonials(db, { year, published: !all });
  return { items: rows.map((t) => testimonialOut(t, all)) };
}

export async function addTestimonial(db: Database, actor: Actor, body: z.infer<typeof testimonialBody>) {
  authorize(actor, 'edit', { policy: reviewPolicy }, { forbidden: 'Seule l’équipe nationale enregistre les témoignages.' });
  const id = await db.transaction().execute(async (tx) => {
    const id = await insertTestimonial(tx, body);
    await appendAudit(tx, [{ actorKind: actor.kind, actorId: actorId(actor), action: 'create', entity: 'testimonials', recordId: id, after: body }]);
    return id;
  });
  return { id };
}

/** Publish or withdraw a testimonial, or record its author's consent: never published without it. */
export async function changeTestimonial(db: Database, actor: Actor, id: string, patch: z.infer<typeof testimonialPatch>) {
  authorize(actor, 'edit', { policy: reviewPolicy }, { forbidden: 'Seule l’équipe nationale modifie les témoignages.' });
  await db.transaction().execute(async (tx) => {
    const found = await findTestimonialConsent(tx, id);
    if (!found) throw notFound('Témoignage', id);
    const featured = patch.featured ?? found.featured;
    const consent = patch.consentGivenOn !== undefined ? patch.consentGivenOn : found.consent_given_on;
    if (featured && !consent)
      throw invalid(
        'Un témoignage ne paraît qu’avec le consentement de son auteur\u202F: indiquez la date de son accord.',
        [{ path: 'consentGivenOn', message: 'Consentement de l’auteur requis.' }],
        'consent_required',
      );
    await updateTestimonial(tx, id, patch);
    await appendAudit(tx, [{ actorKind: actor.kind, actorId: actorId(actor), action: 'update', entity: 'testimonials', recordId: id, after: patch }]);
  });
}
