import { z } from 'zod';
import { route } from './contract';

const tag = 'Données ouvertes';

/** The formats each dataset is published in. */
export const openDataFormats = ['csv', 'json', 'xlsx'] as const;
export type OpenDataFormat = (typeof openDataFormats)[number];

/** The datasets, in the order the catalogue lists them. */
export const openDatasets = ['collectives', 'projects', 'organisations', 'events', 'measures', 'indicators'] as const;
export type OpenDataset = (typeof openDatasets)[number];

const licence = z.object({ name: z.string(), title: z.string(), path: z.string() });

/** One dataset of the catalogue: what it holds, under which licence, and where to download it. */
export const openDatasetEntry = z.object({
  name: z.enum(openDatasets),
  title: z.string(),
  description: z.string(),
  licence,
  /** One download link per format, and the data dictionary (Table Schema). */
  links: z.object({ csv: z.string(), json: z.string(), xlsx: z.string(), schema: z.string() }),
  fieldCount: z.number().int(),
});
export type OpenDatasetEntry = z.output<typeof openDatasetEntry>;

export const openDataCatalogue = z.object({ licence, datasets: z.array(openDatasetEntry) });

/** A Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/). */
export const tableSchema = z.object({
  fields: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      type: z.string(),
      description: z.string(),
      trueValues: z.array(z.string()).optional(),
      falseValues: z.array(z.string()).optional(),
    }),
  ),
  primaryKey: z.array(z.string()),
  missingValues: z.array(z.string()),
});
export type TableSchema = z.output<typeof tableSchema>;

const datasetParams = z.object({ dataset: z.string().max(60) });

/**
 * Open data: the public records of the network (never personal data), each
 * dataset as CSV, JSON or XLSX with its data dictionary, under the Licence
 * Ouverte 2.0 (Etalab).
 */
export const openDataRoutes = {
  catalogue: route({
    method: 'GET',
    path: '/api/open-data',
    access: 'open',
    tag,
    summary: 'Catalogue des jeux de données ouverts : description, licence, liens de téléchargement',
    response: openDataCatalogue,
  }),
  schema: route({
    method: 'GET',
    path: '/api/open-data/:dataset/schema.json',
    access: 'open',
    tag,
    summary: 'Dictionnaire des données d’un jeu (Table Schema Frictionless)',
    params: datasetParams,
    response: tableSchema,
  }),
  file: route({
    method: 'GET',
    path: '/api/open-data/:file',
    access: 'open',
    tag,
    summary: 'Un jeu de données dans un format : {dataset}.csv, {dataset}.json ou {dataset}.xlsx',
    params: z.object({ file: z.string().max(80) }),
    produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  }),
};
