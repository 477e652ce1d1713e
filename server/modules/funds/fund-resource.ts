import { type FundListQuery, fund, fundInput, fundListQuery, fundPatch } from '../../../shared/schemas/fund';
import { defineResource } from '../directory/directory-resource';
import { fundService } from './fund-service';
import { fundPolicy } from './fund-policy';

export const fundResource = defineResource<ReturnType<typeof fund.parse>, FundListQuery>({
  path: 'funds',
  tag: 'Fonds',
  item: fund,
  create: fundInput,
  patch: fundPatch,
  listQuery: fundListQuery,
  csv: [
    { header: 'Nom', value: (f) => f.name },
    { header: 'Société de gestion', value: (f) => f.managerName },
    { header: 'Bannière French Impact', value: (f) => f.frenchImpact },
    { header: 'Montant mobilisable (€)', value: (f) => f.amountMobilisableEur },
    { header: 'Ticket minimum (€)', value: (f) => f.ticketMinEur },
    { header: 'Ticket maximum (€)', value: (f) => f.ticketMaxEur },
    { header: 'Thèmes', value: (f) => f.themes },
    { header: 'Territoires', value: (f) => f.territories.map((t) => `${t.kind}:${t.code}`) },
    { header: 'Stades', value: (f) => f.stages },
    { header: 'Instruments', value: (f) => f.instruments },
    { header: 'Identifiant', value: (f) => f.id },
  ],
  service: fundService,
  policy: fundPolicy,
});
