import {
  challenge,
  challengeDashboard,
  challengeInput,
  challengeList,
  challengeListQuery,
  challengePatch,
  dashboardQuery,
  enrolmentInput,
  enrolmentQuery,
  enrolmentResult,
  progressImportResult,
  progressInput,
  structureChallenges,
  structureProgress,
  structureProgressParams,
} from '../schemas/challenge';
import { idParams } from '../schemas/common';
import { route } from './contract';
import { exportTypes } from './directory.routes';

const tag = 'Défis';

/**
 * Challenges (issue 16). A challenge's page and its aggregate figures are
 * public (`open`: the 2020 review published them; no structure is named); the
 * list of structures stuck at a step, and each structure's progress, only to
 * the structure's people, the challenge's partners and the national team,
 * which the service decides. The national team creates challenges and
 * enrols in bulk; a structure's holders enrol it and record its progress.
 */
export const challengeRoutes = {
  list: route({
    method: 'GET',
    path: '/api/challenges',
    access: 'open',
    tag,
    summary: 'Les défis',
    query: challengeListQuery,
    response: challengeList,
  }),
  create: route({
    method: 'POST',
    path: '/api/challenges',
    access: 'admin',
    tag,
    summary: 'Créer un défi : partenaires, population cible, étapes (mesure et cible), dates',
    body: challengeInput,
    response: challenge,
    status: 201,
  }),
  get: route({ method: 'GET', path: '/api/challenges/:id', access: 'open', tag, summary: 'Un défi', params: idParams, response: challenge }),
  update: route({
    method: 'PATCH',
    path: '/api/challenges/:id',
    access: 'admin',
    tag,
    summary: 'Modifier un défi (les étapes sont remplacées ; une étape garde ses relevés tant que sa position reste)',
    params: idParams,
    body: challengePatch,
    response: challenge,
  }),
  enrol: route({
    method: 'POST',
    path: '/api/challenges/:id/enrolments',
    access: 'writer',
    tag,
    summary:
      'Inscrire une structure (ses membres ou l’équipe nationale), ou toutes les structures de l’annuaire qu’un filtre choisit (région, département, type de SIAE ; équipe nationale) ; dryRun=true compte sans inscrire',
    params: idParams,
    query: enrolmentQuery,
    body: enrolmentInput,
    response: enrolmentResult,
  }),
  importEnrolments: route({
    method: 'POST',
    path: '/api/challenges/:id/enrolments/import',
    access: 'admin',
    tag,
    summary:
      'Inscrire des structures par un fichier CSV ou XLSX à colonne « SIRET » (multipart, champ « file »), tout ou rien ; dryRun=true valide sans inscrire',
    bodyKind: 'multipart',
    params: idParams,
    query: enrolmentQuery,
    response: enrolmentResult,
    errors: [413, 415],
  }),
  recordProgress: route({
    method: 'POST',
    path: '/api/challenges/:id/progress',
    access: 'writer',
    tag,
    summary: 'Relever l’avancement d’une structure à une étape (valeur, date, lien vers une preuve)',
    params: idParams,
    body: progressInput,
    response: structureProgress,
    status: 201,
  }),
  importProgress: route({
    method: 'POST',
    path: '/api/challenges/:id/progress/import',
    access: 'admin',
    tag,
    summary:
      'Importer des relevés (CSV ou XLSX : SIRET, Étape — numéro ou libellé —, Valeur, Date, Preuve), tout ou rien avec le rapport des lignes ; dryRun=true valide sans écrire',
    bodyKind: 'multipart',
    params: idParams,
    query: enrolmentQuery,
    response: progressImportResult,
    errors: [413, 415],
  }),
  structureProgress: route({
    method: 'GET',
    path: '/api/challenges/:id/structures/:organisationId',
    access: 'signed-in',
    tag,
    summary: 'L’avancement d’une structure dans un défi (ses membres, les partenaires du défi, l’équipe nationale)',
    params: structureProgressParams,
    response: structureProgress,
  }),
  organisationChallenges: route({
    method: 'GET',
    path: '/api/organisations/:id/challenges',
    access: 'open',
    tag,
    summary: 'Les défis d’une structure et son avancement, pour qui peut le voir (ses membres, les partenaires, l’équipe nationale ; liste vide sinon)',
    params: idParams,
    response: structureChallenges,
  }),
  dashboard: route({
    method: 'GET',
    path: '/api/challenges/:id/dashboard',
    access: 'open',
    tag,
    summary:
      'Le tableau de bord d’un défi : inscrits, actifs sur 30 jours, entonnoir des étapes, régions, départements, types de SIAE, structures bloquées depuis plus de 60 jours (nommées pour les partenaires et l’équipe nationale), tendance par semaine ; export CSV ou XLSX',
    params: idParams,
    query: dashboardQuery,
    response: challengeDashboard,
    produces: exportTypes,
  }),
};
