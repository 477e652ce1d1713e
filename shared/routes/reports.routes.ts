import { z } from 'zod';
import { annualReviewContent, featureBody, perspectivesBody, testimonialBody, testimonialList, testimonialPatch } from '../schemas/annual-review';
import { idParams, uuid } from '../schemas/common';
import { snapshotYearParams } from '../schemas/indicators';
import { route } from './contract';

const tag = 'Rapports';

export const reportRoutes = {
  annualPdf: route({
    method: 'GET',
    path: '/api/reports/annual/:year.pdf',
    access: 'open',
    tag,
    summary: 'Le rapport annuel en PDF (202 avec Retry-After pendant sa fabrication, puis le PDF)',
    params: snapshotYearParams,
    produces: ['application/pdf'],
    accepted: z.object({ jobId: z.string(), retryAfterSeconds: z.number().int() }),
  }),
  annualContent: route({
    method: 'GET',
    path: '/api/annual-reviews/:year',
    access: 'open',
    tag,
    summary: 'Le contenu éditorial du rapport annuel : exemples mis en avant, témoignages publiés, perspectives, carte',
    params: snapshotYearParams,
    response: annualReviewContent,
  }),
  writePerspectives: route({
    method: 'PUT',
    path: '/api/annual-reviews/:year/perspectives',
    access: 'admin',
    tag,
    summary: 'Rédiger les perspectives de l’année suivante (équipe nationale)',
    params: snapshotYearParams,
    body: perspectivesBody,
    response: z.object({ year: z.number().int(), perspectives: z.string().nullable() }),
  }),
  feature: route({
    method: 'POST',
    path: '/api/annual-reviews/:year/featured',
    access: 'admin',
    tag,
    summary: 'Mettre en avant un projet, une structure ou un collectif dans le rapport (équipe nationale)',
    params: snapshotYearParams,
    body: featureBody,
    response: z.object({ id: z.string() }),
    status: 201,
  }),
  unfeature: route({
    method: 'DELETE',
    path: '/api/annual-reviews/:year/featured/:id',
    access: 'admin',
    tag,
    summary: 'Retirer un exemple du rapport (équipe nationale)',
    params: snapshotYearParams.extend({ id: uuid }),
    status: 204,
  }),
  testimonials: route({
    method: 'GET',
    path: '/api/testimonials',
    access: 'open',
    tag,
    summary: 'Les témoignages publiés (tous, avec leur consentement, pour l’équipe nationale)',
    query: z.strictObject({ year: snapshotYearParams.shape.year.optional() }),
    response: testimonialList,
  }),
  addTestimonial: route({
    method: 'POST',
    path: '/api/testimonials',
    access: 'admin',
    tag,
    summary: 'Enregistrer un témoignage et le consentement de son auteur (équipe nationale)',
    body: testimonialBody,
    response: z.object({ id: z.string() }),
    status: 201,
  }),
  changeTestimonial: route({
    method: 'PATCH',
    path: '/api/testimonials/:id',
    access: 'admin',
    tag,
    summary: 'Publier, retirer un témoignage ou enregistrer le consentement de son auteur (équipe nationale)',
    params: idParams,
    body: testimonialPatch,
    status: 204,
  }),
};
