import { z } from 'zod';
import { importParams, importQuery, importResult } from '../schemas/import';
import { route } from './contract';

export const importRoutes = {
  import: route({
    method: 'POST',
    path: '/api/import/:entity',
    access: 'admin',
    tag: 'Import',
    summary:
      "Importer un fichier CSV ou XLSX (multipart, champ « file »), tout ou rien : une ligne avec l'« Identifiant » d'une fiche la modifie, une ligne sans la crée ; dryRun=true valide et compte sans rien écrire ; au-delà de 1 000 lignes, l'import est confié à une tâche (202, jobId)",
    bodyKind: 'multipart',
    params: importParams,
    query: importQuery,
    response: importResult,
    accepted: z.object({ jobId: z.uuid() }),
    errors: [413, 415],
  }),
};
