import {
  indicatorCodeParams,
  indicatorList,
  indicatorPeriodQuery,
  indicatorRecords,
  indicatorRecordsQuery,
  indicatorSnapshot,
  indicatorValue,
  snapshotBody,
  snapshotDiff,
  snapshotYearParams,
} from '../schemas/indicators';
import { route } from './contract';

const tag = 'Indicateurs';

export const indicatorRoutes = {
  list: route({
    method: 'GET',
    path: '/api/indicators',
    access: 'open',
    tag,
    summary: 'Les indicateurs : définition, unité, agrégation, ventilations',
    response: indicatorList,
  }),
  takeSnapshot: route({
    method: 'POST',
    path: '/api/indicators/snapshots',
    access: 'admin',
    tag,
    summary: 'Figer les indicateurs d’une année avec leur provenance (équipe nationale)',
    body: snapshotBody,
    response: indicatorSnapshot,
    status: 201,
  }),
  snapshot: route({
    method: 'GET',
    path: '/api/indicators/snapshots/:year',
    access: 'open',
    tag,
    summary: 'Les valeurs figées d’une année',
    params: snapshotYearParams,
    response: indicatorSnapshot,
  }),
  snapshotDiff: route({
    method: 'GET',
    path: '/api/indicators/snapshots/:year/diff',
    access: 'open',
    tag,
    summary: 'Écarts entre les valeurs figées d’une année et leur recalcul aujourd’hui',
    params: snapshotYearParams,
    response: snapshotDiff,
  }),
  get: route({
    method: 'GET',
    path: '/api/indicators/:code',
    access: 'open',
    tag,
    summary: 'Valeur d’un indicateur pour une année (year) ou une période (from, to), période précédente, cible ; by : ventilation',
    params: indicatorCodeParams,
    query: indicatorPeriodQuery,
    response: indicatorValue,
  }),
  records: route({
    method: 'GET',
    path: '/api/indicators/:code/records',
    access: 'open',
    tag,
    summary: 'Les enregistrements derrière la valeur (provenance)',
    params: indicatorCodeParams,
    query: indicatorRecordsQuery,
    response: indicatorRecords,
  }),
};
