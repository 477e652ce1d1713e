import type { z } from 'zod';
import {
  eventKindLabels,
  eventProgrammeLabels,
  instrumentLabels,
  organisationKindLabels,
  projectStageLabels,
  projectStatusLabels,
  registrationRoleLabels,
  registrationStatusLabels,
  roleLabels,
  sectorMemberRoleLabels,
  territoryKindLabels,
} from '../vocabulary';
import { type FieldLabel, labelAt, m } from './labels';

/** `params.rule` of the control-character check (see `line()` in common.ts). */
export const CONTROL_CHARACTER_RULE = 'control-character';

/** What a person reads for each vocabulary value, instead of its code. */
const valueLabels: Record<string, string> = {
  ...organisationKindLabels,
  ...projectStageLabels,
  ...instrumentLabels,
  ...projectStatusLabels,
  ...eventKindLabels,
  ...eventProgrammeLabels,
  ...registrationRoleLabels,
  ...registrationStatusLabels,
  ...roleLabels,
  ...sectorMemberRoleLabels,
  ...territoryKindLabels,
};
export const labelOfValue = (v: unknown) => valueLabels[String(v)] ?? String(v);

/** « de » before the label: « du collectif », « des structures », « de la structure ». */
const of = (l: FieldLabel) => (l.the.startsWith('le ') ? `du ${l.the.slice(3)}` : l.the.startsWith('les ') ? `des ${l.the.slice(4)}` : `de ${l.the}`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** 2020 stays 2020 (a year); 10 000 and beyond are grouped by thousands. */
const number = (n: number | bigint) => (Math.abs(Number(n)) < 10_000 ? String(n) : Number(n).toLocaleString('fr-FR'));
const typeNames: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'oui ou non (true ou false)',
  array: 'une liste',
  object: 'un objet',
  date: 'une date',
};

type Issue = z.core.$ZodRawIssue;

/**
 * The subject of a message: the field's label, or for an item of a list the
 * item's label with its position (« la thématique n° 2 »).
 */
function subjectOf(path: ReadonlyArray<PropertyKey>): FieldLabel {
  const label = labelAt(path);
  const key = path.filter((p) => typeof p === 'string').at(-1);
  const fallback = key === undefined ? m('contenu de la requête') : m(`champ « ${String(key)} »`);
  const field = label ?? fallback;
  const index = path.at(-1);
  if (typeof index === 'number') {
    const item = field.item ?? m('élément');
    return { ...item, the: `${item.the} n° ${index + 1}`, plural: false };
  }
  const innerIndex = [...path].reverse().find((p) => typeof p === 'number');
  if (typeof innerIndex === 'number') return { ...field, the: `${field.the} (n° ${innerIndex + 1})` };
  return field;
}

/**
 * Every validation message in plain French, naming the field and saying what
 * to do: the one error map of every shared schema (installed with `z.config`
 * in common.ts), so the API, the import reports and the command line all read
 * the same sentences. A schema's own message (a cross-field rule) still wins.
 */
export function frenchMessage(iss: Issue): string {
  const path = iss.path ?? [];
  const field = subjectOf(path);
  const The = capital(field.the);
  const is = field.plural ? 'sont' : 'est';
  const must = field.plural ? 'doivent' : 'doit';
  const has = field.plural ? 'ont' : 'a';
  switch (iss.code) {
    case 'invalid_type': {
      if (path.length === 0 && iss.expected === 'object') return 'Envoyez un objet JSON (entre accolades) avec les champs attendus.';
      if (iss.input === undefined || iss.input === null) return `${The} ${is} obligatoire${field.plural ? 's' : ''}.`;
      return `${The} ${must} être ${typeNames[iss.expected] ?? 'd’un autre type'}.`;
    }
    case 'too_small': {
      const min = iss.minimum;
      if (iss.origin === 'string')
        return Number(min) <= 1 ? `${The} ${is} obligatoire${field.plural ? 's' : ''}.` : `${The} ${must} comporter au moins ${number(min)} caractères.`;
      if (iss.origin === 'array' || iss.origin === 'set') return `Indiquez au moins ${number(min)} élément${Number(min) > 1 ? 's' : ''} pour ${field.the}.`;
      if (Number(min) === 0 && iss.inclusive) return `${The} ${must} valoir 0 ou plus (pas de nombre négatif).`;
      return iss.inclusive ? `${The} ${must} valoir au moins ${number(min)}.` : `${The} ${must} valoir plus de ${number(min)}.`;
    }
    case 'too_big': {
      const max = iss.maximum;
      if (iss.origin === 'string') return `${The} ${must} comporter au plus ${number(max)} caractères.`;
      if (iss.origin === 'array' || iss.origin === 'set') return `Indiquez au plus ${number(max)} élément${Number(max) > 1 ? 's' : ''} pour ${field.the}.`;
      return iss.inclusive ? `${The} ${must} valoir au plus ${number(max)}.` : `${The} ${must} valoir moins de ${number(max)}.`;
    }
    case 'invalid_value':
      return iss.values.length === 1
        ? `${The} ${must} valoir ${labelOfValue(iss.values[0])}.`
        : `Choisissez ${field.a} parmi : ${iss.values.map(labelOfValue).join(', ')}.`;
    case 'invalid_format':
      switch (iss.format) {
        case 'email':
          return `Indiquez une adresse e-mail complète, par exemple nom@domaine.fr.`;
        case 'uuid':
        case 'guid':
          return `Indiquez ${field.plural ? 'les identifiants' : 'l’identifiant'} (UUID) ${of(field)}.`;
        case 'date':
          return `${The} ${must} être une date écrite AAAA-MM-JJ (par exemple 2020-07-14).`;
        default:
          return `${The} n’${has} pas la forme attendue : corrigez ${field.plural ? 'les valeurs' : 'la valeur'}.`;
      }
    case 'not_multiple_of':
      return `${The} ${must} être un multiple de ${number(Number(iss.divisor))}.`;
    case 'unrecognized_keys':
      return iss.keys.length > 1 ? `Champs inconnus : ${iss.keys.join(', ')}. Retirez-les.` : `Champ inconnu : ${iss.keys[0]}. Retirez-le.`;
    case 'custom':
      if ((iss.params as { rule?: string } | undefined)?.rule === CONTROL_CHARACTER_RULE)
        return `${The} contien${field.plural ? 'nent' : 't'} un caractère invisible non autorisé (caractère nul ou de contrôle) : retirez-le.`;
      return `${The} ${field.plural ? 'ne sont pas valables' : 'n’est pas valable'} : corrigez ${field.plural ? 'les valeurs' : 'la valeur'}.`;
    default:
      return `${The} n’${has} pas une valeur acceptée : corrigez ${field.plural ? 'les valeurs' : 'la valeur'}.`;
  }
}
