import { inflateSync } from 'node:zlib';

/** A PDF's objects: their dictionary text and (inflated) stream, by object number. */
function objects(pdf: Buffer) {
  const raw = pdf.toString('latin1');
  const out = new Map<number, { dict: string; stream: string | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] as string;
    const s = body.match(/^([\s\S]*?)stream\r?\n([\s\S]*?)\r?\nendstream/);
    let stream: string | null = null;
    if (s) {
      const bytes = Buffer.from(s[2] as string, 'latin1');
      try {
        stream = /FlateDecode/.test(s[1] as string) ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1');
      } catch {
        stream = bytes.toString('latin1');
      }
    }
    out.set(Number(m[1]), { dict: s ? (s[1] as string) : body, stream });
  }
  return out;
}

/** A ToUnicode CMap's glyph → text table (the `bfrange … [<…> <…>]` and `bfchar` forms pdfkit and others write). */
function toUnicode(cmap: string) {
  const map = new Map<number, string>();
  const text = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i < hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const m of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const start = Number.parseInt(m[1] as string, 16);
    for (const [i, e] of [...(m[3] as string).matchAll(/<([0-9a-fA-F\s]*)>/g)].entries()) map.set(start + i, text((e[1] as string).replace(/\s/g, '')));
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(Number.parseInt(m[1] as string, 16), text(m[2] as string));
  return map;
}

/**
 * The text a PDF shows, in drawing order, one line per text-showing operator:
 * enough to check what a generated document says. It reads the fonts' ToUnicode
 * tables (embedded fonts draw glyph numbers, not letters), so it also proves
 * that a reader can copy and search the text.
 */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const m of pdf.toString('latin1').matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objs.get(Number(m[2]));
    const ref = font?.dict.match(/\/ToUnicode (\d+) 0 R/);
    const cmap = ref ? objs.get(Number(ref[1]))?.stream : null;
    if (cmap) fonts.set(m[1] as string, toUnicode(cmap));
  }
  const out: string[] = [];
  for (const { stream } of objs.values()) {
    if (!stream || !/\bTf\b/.test(stream)) continue;
    let table: Map<number, string> | undefined;
    for (const op of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ/g)) {
      if (op[1]) {
        table = fonts.get(op[1]);
        continue;
      }
      const hex = [...(op[2] as string).matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      let s = '';
      for (let i = 0; i < hex.length; i += 4) s += table?.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
      out.push(s);
    }
  }
  return out.join('\n');
}
