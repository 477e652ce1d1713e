import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';
import { invalid } from '../../errors';

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...fr.dictionary },
  graphs: common.adjacencyGraphs,
  translations: fr.translations,
});

/** argon2id with the library's defaults (OWASP: m=19 MiB, t=2, p=1). */
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(stored: string | null, password: string) {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the account does not exist keeps the
// answer time the same, so timing does not tell which e-mails have accounts.
let decoy: Promise<string> | undefined;
export async function burnVerification(password: string) {
  decoy ??= hash('essaim-decoy-password');
  await verifyPassword(await decoy, password);
}

/** Refuse weak passwords (zxcvbn score below 3, French dictionaries), saying why in French. */
export function assertStrongPassword(password: string, userInputs: string[] = []) {
  if (password.length < 10) throw invalid('Mot de passe trop court.', [{ path: 'password', message: 'Au moins 10 caractères' }], 'weak_password');
  const r = zxcvbn.check(password, userInputs);
  if (r.score < 3) {
    const hint = [r.feedback.warning, ...r.feedback.suggestions].filter(Boolean).join(' ');
    throw invalid('Mot de passe trop faible.', [{ path: 'password', message: hint || 'Choisissez un mot de passe moins prévisible.' }], 'weak_password');
  }
}
