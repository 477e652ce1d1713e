import { z } from 'zod';
import { isoDate, multilineText, optionalText, trimmed, uuid } from './common';
import { indicatorProgrammes } from './indicators';

/** The records the national team may feature as examples in a year's review. */
export const featuredRecordKinds = ['project', 'organisation', 'collective'] as const;

export const reviewExample = z.object({
  id: z.string(),
  programme: z.enum(indicatorProgrammes),
  recordKind: z.enum(featuredRecordKinds),
  recordId: z.string(),
  title: z.string(),
  place: z.string().nullable(),
  summary: z.string(),
});

export const testimonial = z.object({
  id: z.string(),
  quote: z.string(),
  authorName: z.string(),
  authorRole: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  projectId: z.string().nullable(),
  projectTitle: z.string().nullable(),
  collectiveId: z.string().nullable(),
  collectiveName: z.string().nullable(),
  programme: z.enum(indicatorProgrammes),
  year: z.number().int(),
  /** Only the national team sees the consent's record; a published testimonial always has one. */
  consentGivenOn: z.string().nullable(),
  featured: z.boolean(),
});
export type Testimonial = z.infer<typeof testimonial>;

export const reviewMapArea = z.object({ code: z.string(), name: z.string(), collectives: z.number().int(), projects: z.number().int() });

export const annualReviewContent = z.object({
  year: z.number().int(),
  examples: z.array(reviewExample),
  testimonials: z.array(testimonial),
  perspectives: z.string().nullable(),
  map: z.array(reviewMapArea),
});
export type AnnualReviewContent = z.infer<typeof annualReviewContent>;

export const perspectivesBody = z.strictObject({ body: multilineText(20_000) });

export const featureBody = z.strictObject({
  programme: z.enum(indicatorProgrammes, { error: 'Choisissez le programme de la section où paraît l’exemple.' }),
  recordKind: z.enum(featuredRecordKinds),
  recordId: uuid,
  summary: multilineText(2000).refine((s) => s.trim().length > 0, { error: 'Le résumé de l’exemple est obligatoire.' }),
  position: z.number().int().min(0).max(100).default(0),
});

export const testimonialBody = z
  .strictObject({
    quote: multilineText(4000).refine((s) => s.trim().length > 0, { error: 'La citation est obligatoire.' }),
    authorName: trimmed(200),
    authorRole: optionalText(200).nullable().default(null),
    personId: uuid.nullable().default(null),
    organisationId: uuid.nullable().default(null),
    projectId: uuid.nullable().default(null),
    collectiveId: uuid.nullable().default(null),
    programme: z.enum(indicatorProgrammes),
    year: z.number().int().min(2000).max(2100),
    consentGivenOn: isoDate.nullable().default(null),
    consentNote: optionalText(500).nullable().default(null),
    featured: z.boolean().default(false),
  })
  .refine((t) => !t.featured || t.consentGivenOn !== null, {
    error: 'Un témoignage ne paraît qu’avec le consentement de son auteur\u202F: indiquez la date de son accord.',
    path: ['consentGivenOn'],
  });

export const testimonialPatch = z
  .strictObject({ featured: z.boolean().optional(), consentGivenOn: isoDate.nullable().optional(), consentNote: optionalText(500).nullable().optional() })
  .refine((p) => Object.keys(p).length > 0, { error: 'Rien à modifier.' });

export const testimonialList = z.object({ items: z.array(testimonial) });
