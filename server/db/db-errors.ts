import { AppError, conflict, invalid } from '../errors';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
}

const constraintMessages: Record<string, string> = {
  organisations_siret_key: 'Une structure porte déjà ce SIRET.',
  people_email: 'Une personne porte déjà cette adresse e-mail.',
  collectives_name_key: 'Un collectif porte déjà ce nom.',
  funds_name_key: 'Un fonds porte déjà ce nom.',
  sector_programmes_name_key: 'Une filière porte déjà ce nom.',
  pioneers_organisation_id_key: 'Cette structure est déjà Pionnière.',
};

/**
 * Database errors that come from the client's data (a duplicate, a dangling
 * reference, a value a CHECK refuses) become typed errors; anything else stays
 * a server error. Services check first; this is the safety net.
 */
export function translateDbError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const e = err as PgError;
  if (!e || typeof e.code !== 'string') return undefined;
  switch (e.code) {
    case '23505':
      return conflict('duplicate', constraintMessages[e.constraint ?? ''] ?? 'Cet enregistrement existe déjà.');
    case '23001': // restrict_violation (ON DELETE RESTRICT)
    case '23503':
      return e.code === '23001' || e.detail?.includes('referenced from')
        ? conflict('still_referenced', 'Cet enregistrement est encore utilisé ailleurs : retirez d’abord ce qui y renvoie.')
        : invalid('Une référence pointe vers un enregistrement inexistant.', [], 'unknown_reference');
    case '23514':
    case '23502':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
      return invalid(`Valeur refusée par la base (${e.constraint ?? e.code}).`, [], 'constraint_violation');
    case '22021': // character_not_in_repertoire: a NUL byte in a text
    case '22P05': // untranslatable_character: a NUL (\u0000) in JSON
      return invalid('Le texte contient un caractère invisible non autorisé (caractère nul ou de contrôle) : retirez-le.', [], 'invalid_character');
    default:
      return undefined;
  }
}
