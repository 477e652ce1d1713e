import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreNeutralised, toCsv } from './csv';

/** What a spreadsheet would take for a formula when it opens the file. */
const evaluated = (cell: string) => /^[=+\-@\t\r]/.test(cell);
const plainNumber = /^[+-]?\d+([.,]\d+)?$/;

// Strings that look like what an attacker writes: formula starters, digits, operators, quotes.
const hostile = fc
  .array(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '1', '2', '0', '.', ',', ';', '"', "'", '|', 'A', 'cmd', 'HYPERLINK(', ')', ' ', 'é'), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));
const anyCell = fc.oneof(hostile, fc.string(), fc.integer().map(String), fc.double({ noNaN: true }).map(String));

describe('the formula guard on exports', () => {
  it('neutralises the known bypasses that start with a minus sign and a digit', () => {
    for (const attack of ["-2+3+cmd|' /C calc'!A0", '-1+HYPERLINK("https://evil.example","clic")', '+1-1', '-0x1', '@SUM(1)', '=1+1', '\t=1', '\r=1'])
      expect(neutraliseFormula(attack)).toBe(`'${attack}`);
    for (const number of ['-12', '-12,5', '+33', '0', '-0.25', '150000']) expect(neutraliseFormula(number)).toBe(number);
  });

  it('never lets a cell through that a spreadsheet would evaluate, unless it is a plain number', () => {
    fc.assert(
      fc.property(anyCell, (s) => {
        const out = neutraliseFormula(s);
        expect(!evaluated(out) || plainNumber.test(out)).toBe(true);
        // Only dangerous cells change, and the importer gets the original back.
        if (!/^'*[=+\-@\t\r]/.test(s)) expect(out).toBe(s);
        expect(restoreNeutralised(out)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes CSV that reads back cell for cell, each guarded', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const csv = toCsv(rows, [
          { header: 'A', value: (r) => r[0] },
          { header: 'B', value: (r) => r[1] },
        ]);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const back = parse(csv, { delimiter: ';', bom: true }) as string[][];
        expect(back).toEqual([['A', 'B'], ...rows.map((r) => r.map((c) => neutraliseFormula(c)))]);
        for (const cell of back.flat()) expect(!evaluated(cell) || plainNumber.test(cell)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
