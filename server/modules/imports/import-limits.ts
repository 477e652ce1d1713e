/**
 * Bounds on an uploaded file, checked before and while it is read, so a small
 * file that expands (a zip bomb, a sheet declared as A1:XFD1048576, a CSV of
 * separators) is refused with a 400 instead of exhausting the server.
 */
export interface ImportLimits {
  /** Data rows (the header row not counted). */
  maxRows: number;
  maxColumns: number;
  /** Cells in the whole table (rows × columns as written). */
  maxCells: number;
  /** Characters in one cell (Excel's own limit). */
  maxCellChars: number;
  /** Characters in one line of a CSV file. */
  maxLineChars: number;
  /** Files inside an XLSX archive (a workbook has about ten). */
  maxZipEntries: number;
  /** Uncompressed bytes of one part of an XLSX archive, and of all of them. */
  maxPartBytes: number;
  maxUnzippedBytes: number;
  /** Reading an XLSX file runs in a worker thread, stopped past this time or heap. */
  xlsxTimeoutMs: number;
  xlsxHeapMb: number;
}

export const importLimits: ImportLimits = {
  maxRows: 100_000,
  maxColumns: 200,
  maxCells: 5_000_000,
  maxCellChars: 32_767,
  maxLineChars: 200_000,
  maxZipEntries: 1_000,
  maxPartBytes: 200 * 1024 * 1024,
  maxUnzippedBytes: 250 * 1024 * 1024,
  xlsxTimeoutMs: 60_000,
  xlsxHeapMb: 512,
};

/** A limit the file goes past: the code and the French message of the 400. */
export class LimitExceeded extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** "1 Go", "250 Mo", "12 ko" — sizes as a person reads them. */
export function frenchSize(bytes: number): string {
  const units: Array<[number, string]> = [
    [1024 ** 3, 'Go'],
    [1024 ** 2, 'Mo'],
    [1024, 'ko'],
  ];
  for (const [size, unit] of units) if (bytes >= size) return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(bytes / size)} ${unit}`;
  return `${bytes} octets`;
}

export const tooLargeUnzipped = (what: string) =>
  new LimitExceeded('file_too_large', `Fichier trop volumineux une fois décompressé : ${what}. Découpez-le en plusieurs fichiers.`);

export const tooManyRows = (limits: ImportLimits, seen: string) =>
  new LimitExceeded('too_many_rows', `Au plus ${new Intl.NumberFormat('fr-FR').format(limits.maxRows)} lignes par import (${seen}). Découpez le fichier.`);

export const tooManyColumns = (limits: ImportLimits, seen: number) =>
  new LimitExceeded('too_many_columns', `Au plus ${limits.maxColumns} colonnes par import (${seen} dans le fichier). Supprimez les colonnes en trop.`);
