import { crc32, deflateRawSync } from 'node:zlib';

/** One file of a test archive; `declaredSize` lets a test lie about its uncompressed size. */
export interface ZipPart {
  name: string;
  data: string | Buffer;
  /** Already deflated data (a bomb built chunk by chunk), with its true uncompressed size. */
  deflated?: { bytes: Buffer; size: number; crc: number };
  declaredSize?: number;
}

/**
 * What a file's local header and its central directory entry both say, from
 * « version needed » to the name's length (at 4 in the one, 6 in the other).
 */
function writeEntryFields(b: Buffer, at: number, e: { crc: number; packed: number; size: number; nameLength: number }) {
  b.writeUInt16LE(20, at);
  b.writeUInt16LE(0x0800, at + 2); // names in UTF-8
  b.writeUInt16LE(8, at + 4); // deflate
  b.writeUInt32LE(e.crc >>> 0, at + 10);
  b.writeUInt32LE(e.packed, at + 14);
  b.writeUInt32LE(e.size, at + 18);
  b.writeUInt16LE(e.nameLength, at + 22);
}

/** The bytes of a ZIP archive (deflate), built in the test so no binary is committed. */
export function zipBytes(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
    const packed = p.deflated?.bytes ?? deflateRawSync(raw);
    const crc = p.deflated?.crc ?? crc32(raw);
    const size = p.declaredSize ?? p.deflated?.size ?? raw.length;
    const entry = { crc, packed: packed.length, size, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, entry);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeEntryFields(central, 6, entry);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A minimal workbook around one sheet's XML (its `<sheetData>` and what precedes it). */
export function workbookParts(sheetBody: string, sheet: Partial<ZipPart> = {}): ZipPart[] {
  return [
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuille" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}>${sheetBody}</worksheet>`, ...sheet },
  ];
}

/** An inline-string cell. */
export const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
