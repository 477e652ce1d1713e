import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { typo } from '../../shared/text';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

/** Every source file of the web application (tests aside). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [join(dir, e.name)] : [],
  );
}

/**
 * The French texts of a file: string and template pieces and JSX text holding
 * a letter and a space (or a guillemet), with their escapes read as the
 * characters they stand for. Code between backquotes or in `<code>` is left to
 * `typo`'s own protections.
 */
function frenchTexts(file: string): Array<{ line: number; text: string }> {
  const src = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Array<{ line: number; text: string }> = [];
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
    if (ts.isJsxElement(n) && n.openingElement.tagName.getText(sf) === 'code') return;
    let raw: string | undefined;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) raw = src.slice(n.getStart(sf) + 1, n.getEnd() - 1);
    else if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n))
      raw = src.slice(n.getStart(sf) + 1, n.getEnd() - (ts.isTemplateTail(n) ? 1 : 2));
    else if (ts.isJsxText(n)) raw = n.getText(sf);
    if (raw !== undefined && ((/\p{L}/u.test(raw) && / /.test(raw)) || /[«»]/.test(raw))) {
      const text = raw.replace(/\\u202[fF]|&#8239;/g, NNBSP).replace(/\\u00[aA]0|&#160;/g, NBSP);
      out.push({ line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text });
    }
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

describe('texts of the web application', () => {
  it('follow French typography (narrow no-break spaces before « : ; ! ? » and inside « », curly apostrophes)', () => {
    const root = join(__dirname);
    const wrong = sources(root).flatMap((file) =>
      frenchTexts(file)
        .filter(({ text }) => typo(text) !== text)
        .map(({ line, text }) => `${file.slice(root.length + 1)}:${line} « ${text.trim().slice(0, 80)} »`),
    );
    expect(wrong, 'write these texts as shared/text.ts typo() would').toEqual([]);
  });
});
