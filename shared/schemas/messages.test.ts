import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { instruments, organisationKinds, projectStages, projectStatuses, roleNames, sectorMemberRoles, themes } from '../vocabulary';
import * as account from './account';
import * as audit from './audit';
import * as auth from './auth';
import * as collective from './collective';
import * as common from './common';
import * as fund from './fund';
import * as imports from './import';
import * as job from './job';
import * as notification from './notification';
import * as organisation from './organisation';
import * as person from './person';
import * as pioneer from './pioneer';
import * as project from './project';
import * as reference from './reference';
import * as sectorProgramme from './sector-programme';
import { labelAt } from './labels';

/** Every schema a client's input goes through, found by its name: a new one is checked without a line here. */
const modules = {
  account,
  audit,
  auth,
  collective,
  common,
  fund,
  imports,
  job,
  notification,
  organisation,
  person,
  pioneer,
  project,
  reference,
  sectorProgramme,
};
const inputSchemas = Object.values(modules).flatMap((mod) =>
  Object.entries(mod)
    .filter(([name, v]) => /(Input|Fields|Patch|Query|Params)$/.test(name) && typeof v === 'object' && v !== null && '_zod' in v)
    .map(([name, v]) => ({ name, schema: v as z.ZodType })),
);

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; element?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
/** The object (if any) a schema reads, through optional, nullable, default, pipes and lists. */
function objectIn(s: z.ZodType): Record<string, z.ZodType> | undefined {
  const d = defOf(s);
  if (d.type === 'object') return d.shape;
  for (const inner of [d.innerType, d.in, d.out, d.element]) {
    const o = inner && objectIn(inner);
    if (o) return o;
  }
  return undefined;
}
/** Every field path of a schema, nested objects included (`members.role`). */
function fieldPaths(s: z.ZodType, prefix: string[] = []): string[][] {
  return Object.entries(objectIn(s) ?? {}).flatMap(([k, v]) => [[...prefix, k], ...fieldPaths(v, [...prefix, k])]);
}

/** zod's own phrases (English and its French locale): none may reach a person. */
const defaultPhrases =
  /Entrée invalide|Option invalide|Trop (petit|grand)|attendu, |reçue? ?$|Chaîne de caractères invalide|Nombre invalide|non reconnue|Clé invalide|Valeur invalide|Invalid|expected|received|[<>]=|champ « /;
/** Vocabulary codes a person never reads (territory kinds are French words, their codes their labels' own words). */
const rawCodes = [
  ...organisationKinds,
  ...projectStages,
  ...instruments,
  ...projectStatuses,
  ...roleNames,
  ...sectorMemberRoles,
  ...themes.map((t) => t.code),
].filter(
  // Codes that are also French words people read (« l’administration de rattachement »).
  (c) => !['siae', 'administration', 'autonomie', 'logement', 'sport', 'relocalisation'].includes(c),
);
const rawCode = new RegExp(`(^|[^\\p{L}_-])(${rawCodes.join('|')})($|[^\\p{L}_-])`, 'u');

const wrong: unknown[] = [
  undefined,
  null,
  '',
  'zzz',
  'Nom\u0000',
  'x'.repeat(30_000),
  12345,
  -5,
  1.5,
  1e15,
  true,
  {},
  [],
  [null],
  ['zzz'],
  [{}],
  [{ year: 'x', count: -1, organisationId: 'x', role: 'zzz', scope: ['x'] }],
];

function messagesOf(schema: z.ZodType, value: unknown) {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
}

function expectPlainFrench(all: Array<{ path: string; message: string; code: string }>, where: string) {
  for (const { path, message, code } of all) {
    const what = `${where} ${path}: « ${message} »`;
    expect(message, what).not.toMatch(defaultPhrases);
    // An unknown field is named as the client wrote it.
    if (code !== 'unrecognized_keys') expect(message, what).not.toMatch(rawCode);
    expect(message, what).toMatch(/^[A-ZÀ-Ý«]/);
    expect(message, what).toMatch(/\.$/);
  }
}

describe('validation messages are plain French, per field, for every input schema', () => {
  it('finds the input schemas', () => {
    expect(inputSchemas.map((s) => s.name)).toEqual(
      expect.arrayContaining(['organisationFields', 'projectListQuery', 'loginInput', 'auditPageQuery', 'accountRolesInput']),
    );
  });

  it('every field of every input schema has a French label', () => {
    const missing = inputSchemas.flatMap(({ name, schema }) =>
      fieldPaths(schema)
        .filter((p) => !labelAt(p))
        .map((p) => `${name}: ${p.join('.')}`),
    );
    expect(missing, 'add these fields to shared/schemas/labels.ts').toEqual([]);
  });

  it('no message carries zod’s default phrases or a vocabulary code: each bad value in each field', () => {
    for (const { name, schema } of inputSchemas) {
      const paths = fieldPaths(schema);
      for (const value of wrong) {
        expectPlainFrench(messagesOf(schema, value), `${name} =${JSON.stringify(value)?.slice(0, 30)}`);
        for (const p of paths) {
          const body = p.reduceRight<unknown>((inner, k) => ({ [k]: inner }), value);
          expectPlainFrench(messagesOf(schema, body), `${name} ${p.join('.')}=${JSON.stringify(value)?.slice(0, 30)}`);
          // The same field inside a list (members[0].role…).
          const listed = p.reduceRight<unknown>((inner, k, i) => (i === p.length - 1 ? { [k]: inner } : { [k]: [inner] }), value);
          expectPlainFrench(messagesOf(schema, listed), `${name} ${p.join('.')} in a list`);
        }
      }
    }
  });

  it('no message carries zod’s default phrases or a vocabulary code: random inputs', () => {
    const keys = [...new Set(inputSchemas.flatMap(({ schema }) => fieldPaths(schema).map((p) => p.at(-1) as string)))];
    fc.assert(
      fc.property(fc.constantFrom(...inputSchemas), fc.dictionary(fc.constantFrom(...keys), fc.anything({ maxDepth: 2 })), ({ name, schema }, value) => {
        expectPlainFrench(messagesOf(schema, value), name);
      }),
      { numRuns: 500 },
    );
  });

  it('says what to do, naming the field and the choices in words', () => {
    const of = (s: z.ZodType, v: unknown) => Object.fromEntries(messagesOf(s, v).map((i) => [i.path, i.message]));
    expect(of(organisation.organisationInput, { name: null, kind: 'zzz', siret: '123' })).toEqual({
      name: 'Le nom est obligatoire.',
      kind: expect.stringMatching(/^Choisissez un type parmi : Structure de l.ESS, .*Grande entreprise/),
      siret: 'Le SIRET doit comporter 14 chiffres.',
    });
    expect(of(project.projectInput, { title: '  ', stage: 'zzz', fundingNeedEur: -1 })).toEqual({
      title: 'Le titre est obligatoire.',
      stage: "Choisissez une étape parmi : Idée, Lancement, Développement, Changement d'échelle.",
      fundingNeedEur: expect.stringMatching(/^Le besoin de financement \(en euros\) doit valoir 0 ou plus/),
    });
    expect(of(account.accountRolesInput, { roles: [{ role: 'zzz' }] })['roles.0.role']).toMatch(
      /^Choisissez un rôle parmi : Équipe nationale, Coordination de collectif/,
    );
    expect(of(person.personInput, { firstName: 'A', lastName: 'B', email: 'a@' }).email).toBe(
      'Indiquez une adresse e-mail complète, par exemple nom@domaine.fr.',
    );
  });
});
