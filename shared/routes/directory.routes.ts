import type { z } from 'zod';
import { auditEntry, historyQuery } from '../schemas/audit';
import { idParams, listResponse } from '../schemas/common';
import { collective, collectiveInput, collectiveListQuery, collectivePatch } from '../schemas/collective';
import { fund, fundInput, fundListQuery, fundPatch } from '../schemas/fund';
import { organisation, organisationInput, organisationListQuery, organisationPatch } from '../schemas/organisation';
import { person, personInput, personListQuery, personPatch } from '../schemas/person';
import { pioneer, pioneerInput, pioneerListQuery, pioneerPatch } from '../schemas/pioneer';
import { project, projectInput, projectListQuery, projectPatch } from '../schemas/project';
import { sectorProgramme, sectorProgrammeInput, sectorProgrammeListQuery, sectorProgrammePatch } from '../schemas/sector-programme';
import { route } from './contract';

export const exportTypes = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

/**
 * The six routes every directory resource has: list (or export with
 * `?format=csv|xlsx|json`), read, create, change (partial), delete, and the
 * record's history (national team).
 */
function directoryRoutes<P extends string, I extends z.ZodType, C extends z.ZodType, U extends z.ZodType, Q extends z.ZodType>(
  path: P,
  tag: string,
  s: { item: I; create: C; patch: U; listQuery: Q },
) {
  const base = `/api/${path}` as const;
  const one = `/api/${path}/:id` as const;
  return {
    list: route({
      method: 'GET',
      path: base,
      access: 'open',
      tag,
      summary: 'Lister (ou exporter avec format=csv|xlsx|json)',
      query: s.listQuery,
      response: listResponse(s.item),
      produces: exportTypes,
    }),
    get: route({ method: 'GET', path: one, access: 'open', tag, summary: 'Lire', params: idParams, response: s.item }),
    create: route({ method: 'POST', path: base, access: 'writer', tag, summary: 'Créer', body: s.create, response: s.item, status: 201 }),
    update: route({
      method: 'PATCH',
      path: one,
      access: 'writer',
      tag,
      summary: 'Modifier (champs partiels)',
      params: idParams,
      body: s.patch,
      response: s.item,
    }),
    remove: route({ method: 'DELETE', path: one, access: 'writer', tag, summary: 'Supprimer', params: idParams, status: 204 }),
    history: route({
      method: 'GET',
      path: `/api/${path}/:id/history` as const,
      access: 'admin',
      tag: 'Audit',
      summary: `Historique d'un enregistrement (${tag}), paginé`,
      params: idParams,
      query: historyQuery,
      response: listResponse(auditEntry),
    }),
  };
}

/** The directory's seven resources, in the order the API documentation lists them. */
export const directoryRoutesByResource = {
  collectives: directoryRoutes('collectives', 'Collectifs', {
    item: collective,
    create: collectiveInput,
    patch: collectivePatch,
    listQuery: collectiveListQuery,
  }),
  projects: directoryRoutes('projects', 'Projets', { item: project, create: projectInput, patch: projectPatch, listQuery: projectListQuery }),
  organisations: directoryRoutes('organisations', 'Structures', {
    item: organisation,
    create: organisationInput,
    patch: organisationPatch,
    listQuery: organisationListQuery,
  }),
  people: directoryRoutes('people', 'Personnes', { item: person, create: personInput, patch: personPatch, listQuery: personListQuery }),
  funds: directoryRoutes('funds', 'Fonds', { item: fund, create: fundInput, patch: fundPatch, listQuery: fundListQuery }),
  pioneers: directoryRoutes('pioneers', 'Pionniers', { item: pioneer, create: pioneerInput, patch: pioneerPatch, listQuery: pioneerListQuery }),
  'sector-programmes': directoryRoutes('sector-programmes', 'Filières', {
    item: sectorProgramme,
    create: sectorProgrammeInput,
    patch: sectorProgrammePatch,
    listQuery: sectorProgrammeListQuery,
  }),
};

export type DirectoryPath = keyof typeof directoryRoutesByResource;
export const directoryPaths = Object.keys(directoryRoutesByResource) as DirectoryPath[];
