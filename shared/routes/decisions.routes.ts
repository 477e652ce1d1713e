import { idParams, listResponse } from '../schemas/common';
import {
  ballotInput,
  decision,
  decisionAction,
  decisionActionFields,
  decisionActionParams,
  decisionActionPatch,
  decisionInput,
  decisionListQuery,
  decisionPatch,
  decisionSummary,
  memberAccount,
  memberInput,
  memberParams,
} from '../schemas/decision';
import { z } from '../schemas/common';
import { route } from './contract';

const tag = 'Décisions collectives';

/**
 * Collective decisions: a proposal put to a vote inside a collective (its
 * members and coordinators vote) or network-wide (the coordinators of the
 * collectives vote); its result counted at closing; its follow-up actions.
 * Visitors read the decisions a collective published. Voting is open to any
 * account (`signed-in`): whether it may vote on this poll is the service's call.
 */
export const decisionRoutes = {
  list: route({
    method: 'GET',
    path: '/api/decisions',
    access: 'open',
    tag,
    summary: 'Lister les décisions visibles (collective, status, mine, q)',
    query: decisionListQuery,
    response: listResponse(decisionSummary),
  }),
  get: route({
    method: 'GET',
    path: '/api/decisions/:id',
    access: 'open',
    tag,
    summary: 'Lire une décision, son scrutin et son résultat',
    params: idParams,
    response: decision,
  }),
  create: route({
    method: 'POST',
    path: '/api/decisions',
    access: 'writer',
    tag,
    summary: 'Soumettre une décision au vote (coordination du collectif, ou équipe nationale)',
    body: decisionInput,
    response: decision,
    status: 201,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/decisions/:id',
    access: 'writer',
    tag,
    summary: 'Modifier une décision : le scrutin avant le premier vote, la décision prise à tout moment',
    params: idParams,
    body: decisionPatch,
    response: decision,
  }),
  vote: route({
    method: 'POST',
    path: '/api/decisions/:id/votes',
    access: 'signed-in',
    tag,
    summary: 'Voter, ou changer son vote jusqu’à la clôture (les membres du collectif)',
    params: idParams,
    body: ballotInput,
    response: decision,
  }),
  close: route({
    method: 'POST',
    path: '/api/decisions/:id/close',
    access: 'writer',
    tag,
    summary: 'Clore le scrutin avant l’heure et compter les voix',
    params: idParams,
    response: decision,
  }),
  addAction: route({
    method: 'POST',
    path: '/api/decisions/:id/actions',
    access: 'writer',
    tag,
    summary: 'Ajouter une action de suivi à la décision prise',
    params: idParams,
    body: decisionActionFields,
    response: decisionAction,
    status: 201,
  }),
  updateAction: route({
    method: 'PATCH',
    path: '/api/decisions/:id/actions/:actionId',
    access: 'writer',
    tag,
    summary: 'Modifier une action de suivi (responsable, échéance, avancement, état)',
    params: decisionActionParams,
    body: decisionActionPatch,
    response: decisionAction,
  }),
  members: route({
    method: 'GET',
    path: '/api/collectives/:id/members',
    access: 'writer',
    tag,
    summary: 'Les votants d’un collectif : ses membres et sa coordination',
    params: idParams,
    response: z.object({ items: z.array(memberAccount) }),
  }),
  addMember: route({
    method: 'POST',
    path: '/api/collectives/:id/members',
    access: 'writer',
    tag,
    summary: 'Donner le rôle de membre du collectif à un compte (par son adresse e-mail)',
    params: idParams,
    body: memberInput,
    response: memberAccount,
    status: 201,
  }),
  removeMember: route({
    method: 'DELETE',
    path: '/api/collectives/:id/members/:accountId',
    access: 'writer',
    tag,
    summary: 'Retirer le rôle de membre du collectif à un compte',
    params: memberParams,
    status: 204,
  }),
};
