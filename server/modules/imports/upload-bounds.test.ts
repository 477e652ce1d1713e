import { monitorEventLoopDelay } from 'node:perf_hooks';
import { crc32, createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/test-db';
import { importLimits } from './import-limits';
import { readTable } from './read-table';
import { cell, workbookParts, zipBytes } from './test-zip';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

function multipart(filename: string, content: Uint8Array) {
  const boundary = '----essaimbounds';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** `prefix`, then `megabytes` of spaces, then `suffix`, deflated chunk by chunk (the test never holds the expanded text). */
async function deflatedFiller(prefix: string, megabytes: number, suffix: string) {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => z.on('end', resolve));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await new Promise((resolve) => z.once('drain', resolve));
  };
  await write(Buffer.from(prefix));
  const mb = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i++) await write(mb);
  await write(Buffer.from(suffix));
  z.end();
  await done;
  return { bytes: Buffer.concat(out), size, crc };
}

/** Sends the file to the import, sampling the process's memory and the event loop's delay meanwhile. */
async function upload(bytes: Uint8Array, filename = 'classeur.xlsx') {
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  // A timer every 20 ms: the longest gap between its ticks is how long the main thread was held.
  let lastTick = performance.now();
  let longestGap = 0;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    longestGap = Math.max(longestGap, performance.now() - lastTick);
    lastTick = performance.now();
  }, 20);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const res = await t.app.inject({ method: 'POST', url: '/api/import/organisations?dryRun=true', ...multipart(filename, bytes) });
  const ms = performance.now() - started;
  loop.disable();
  clearInterval(sampler);
  longestGap = Math.max(longestGap, performance.now() - lastTick);
  console.log(
    `import: ${res.statusCode} en ${ms.toFixed(0)} ms, mémoire +${((rssPeak - rssBefore) / 1024 / 1024).toFixed(0)} Mo, boucle ${(loop.max / 1e6).toFixed(0)} ms au plus, fil principal tenu ${longestGap.toFixed(0)} ms au plus`,
  );
  return { res, ms, rssGrowthMb: (rssPeak - rssBefore) / 1024 / 1024, loopMaxMs: Math.max(loop.max / 1e6, longestGap) };
}

const header = `<sheetData><row r="1">${cell('A1', 'Nom')}</row>`;

describe('an XLSX upload that expands', () => {
  it('refuses a sheet declared as A1:XFD1048576 (the 1.6 KB file that killed the server) before reading its cells', async () => {
    const sheet = `<dimension ref="A1:XFD1048576"/>${header}<row r="1048576">${cell('XFD1048576', 'x')}</row></sheetData>`;
    const bytes = zipBytes(workbookParts(sheet));
    expect(bytes.length).toBeLessThan(2048);
    const { res, rssGrowthMb } = await upload(bytes);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'too_many_columns' });
    expect(res.json().error.message).toMatch(/Au plus 200 colonnes par import \(16384 dans le fichier\)/);
    expect(rssGrowthMb).toBeLessThan(300);
  });

  it('refuses the same cells without a declared dimension, row by row as they stream', async () => {
    const far = zipBytes(workbookParts(`${header}<row r="1048576">${cell('A1048576', 'x')}</row></sheetData>`));
    const wide = zipBytes(workbookParts(`${header}<row r="2">${cell('XFD2', 'x')}</row></sheetData>`));
    const [a, b] = [await upload(far), await upload(wide)];
    expect(a.res.json().error).toMatchObject({ code: 'too_many_rows', message: expect.stringMatching(/ligne 1\s048\s576/) });
    expect(b.res.json().error).toMatchObject({ code: 'too_many_columns' });
  });

  it('refuses a 1 MB archive that expands to 1 GB from its directory, without inflating it', async () => {
    const bomb = await deflatedFiller(`<?xml version="1.0"?><worksheet>${header}`, 1024, '</sheetData></worksheet>');
    const parts = workbookParts('', { deflated: bomb });
    const bytes = zipBytes(parts);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const { res, rssGrowthMb } = await upload(bytes);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('file_too_large');
    expect(res.json().error.message).toMatch(
      /^Fichier trop volumineux une fois décompressé\u202f: xl\/worksheets\/sheet1\.xml ferait 1 Go \(au plus 200 Mo par partie\)/,
    );
    expect(rssGrowthMb).toBeLessThan(100);
  });

  it('stops inflating a part that lies about its size, and answers other requests meanwhile', async () => {
    const bomb = await deflatedFiller(`<?xml version="1.0"?><worksheet>${header}`, 300, '</sheetData></worksheet>');
    const bytes = zipBytes(workbookParts('', { deflated: bomb, declaredSize: 10_000 }));
    const pending = upload(bytes);
    const other = await t.app.inject({ url: '/api/themes' });
    expect(other.statusCode).toBe(200);
    const { res, rssGrowthMb } = await pending;
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'file_too_large',
      message: expect.stringMatching(/^Fichier trop volumineux une fois décompressé\u202f: xl\/worksheets\/sheet1\.xml dépasse la taille qu’il déclare/),
    });
    expect(rssGrowthMb).toBeLessThan(300);
  });

  it('refuses an archive of too many files, from its directory', async () => {
    const many = Array.from({ length: importLimits.maxZipEntries + 1 }, (_, i) => ({ name: `x/${i}.xml`, data: '<a/>' }));
    const { res } = await upload(zipBytes([...workbookParts(`${header}</sheetData>`), ...many]));
    expect(res.json().error).toMatchObject({ code: 'file_too_large', message: expect.stringMatching(/1\s004 fichiers dans l’archive \(au plus 1\s000\)/) });
  });

  it('reads a large legal workbook off the main thread: the event loop stays free', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `<row r="${i + 2}">${cell(`A${i + 2}`, `Structure ${i}`)}${cell(`B${i + 2}`, 'Couleur')}</row>`).join(
      '',
    );
    const bytes = zipBytes(workbookParts(`<sheetData><row r="1">${cell('A1', 'Nom')}${cell('B1', 'Couleur')}</row>${rows}</sheetData>`));
    const pending = upload(bytes);
    const other = t.app.inject({ url: '/api/themes' });
    let otherFirst = false;
    await Promise.race([other.then(() => (otherFirst = true)), pending]);
    const { res, loopMaxMs } = await pending;
    // The file is read in full (30,000 rows), then refused for its unknown column.
    expect(res.json().error).toMatchObject({
      code: 'import_rejected',
      details: [{ path: 'colonne 2', message: expect.stringMatching(/Colonne inconnue «\sCouleur\s»/) }],
    });
    // Another request was answered while the workbook was read: the loop was free (no clock in the assertion, DESIGN §4.8).
    expect(otherFirst).toBe(true);
    console.log(`XLSX de 30 000 lignes : délai maximal de la boucle d'événements ${loopMaxMs.toFixed(0)} ms`);
  });

  it('stops a read that takes too long', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['Nom']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(readTable(bytes, 'a.xlsx', { ...importLimits, xlsxTimeoutMs: 1 })).rejects.toMatchObject({ code: 'import_timeout' });
  });
});

describe('a CSV upload that expands', () => {
  const csv = (s: string) => new TextEncoder().encode(s);
  it('refuses a line of separators, too many columns, rows or characters in a cell, before holding the table', async () => {
    await expect(readTable(csv(`Nom\n${';'.repeat(5_000_000)}\n`))).rejects.toMatchObject({ code: 'line_too_long' });
    await expect(readTable(csv(`${Array.from({ length: 201 }, (_, i) => `c${i}`).join(';')}\n`))).rejects.toMatchObject({ code: 'too_many_columns' });
    await expect(readTable(csv(`Nom\n${'a\n'.repeat(importLimits.maxRows + 1)}`))).rejects.toMatchObject({ code: 'too_many_rows' });
    await expect(readTable(csv(`Nom\n"${'a\n'.repeat(20_000)}"\n`))).rejects.toMatchObject({ code: 'cell_too_long' });
    await expect(readTable(csv('Nom;Description\nA;b\n'))).resolves.toMatchObject({ rows: [{ line: 2, cells: ['A', 'b'] }] });
  });

  it('reads a large CSV a piece at a time: the event loop stays free, and no character is cut between two pieces', async () => {
    // 90,000 rows (about 9 MB), each with a character written as two UTF-16 units, so some fall across pieces.
    const rows = Array.from({ length: 90_000 }, (_, i) => `Structure ${i} 🌱;${'x'.repeat(80)}`).join('\n');
    let longestGap = 0;
    let last = performance.now();
    // Each turn of the event loop during the read: a parse of the whole file at once allows none.
    let turns = 0;
    let reading = true;
    const turn = () => {
      turns++;
      longestGap = Math.max(longestGap, performance.now() - last);
      last = performance.now();
      if (reading) setImmediate(turn);
    };
    setImmediate(turn);
    const table = await readTable(csv(`Nom;Description\n${rows}\n`));
    reading = false;
    expect(table.rows).toHaveLength(90_000);
    expect(table.rows.every((r, i) => r.cells[0] === `Structure ${i} 🌱`)).toBe(true);
    // The loop turned between pieces (no clock in the assertion, DESIGN §4.8: the machine is shared).
    expect(turns).toBeGreaterThan(10);
    console.log(`CSV de 90 000 lignes : ${turns} tours de la boucle d'événements pendant la lecture, plus long blocage ${longestGap.toFixed(0)} ms`);
  });
});
