import { importParams, importQuery, importResult } from '../schemas/import';
import { route } from './contract';

export const importRoutes = {
  import: route({
    method: 'POST',
    path: '/api/import/:entity',
    access: 'admin',
    tag: 'Import',
    summary:
      "Importer un fichier CSV ou XLSX (multipart, champ « file »), tout ou rien : une ligne avec l'« Identifiant » d'une fiche la modifie, une ligne sans la crée ; dryRun=true valide et compte sans rien écrire",
    bodyKind: 'multipart',
    params: importParams,
    query: importQuery,
    response: importResult,
    errors: [413, 415],
  }),
};
