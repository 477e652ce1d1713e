// Worker thread that reads one XLSX upload (see xlsx-read.ts): the sources are
// TypeScript, so tsx is registered here as the command line does in bin/essaim.js.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readXlsxRecords } = await import('./xlsx-read.ts');
const { LimitExceeded } = await import('./import-limits.ts');
try {
  const records = await readXlsxRecords(workerData.bytes, workerData.limits);
  parentPort.postMessage({ ok: true, records });
} catch (err) {
  const known = err instanceof LimitExceeded;
  parentPort.postMessage({ ok: false, code: known ? err.code : 'malformed_xlsx', message: known ? err.message : 'Classeur XLSX illisible.' });
}
