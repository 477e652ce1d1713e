/**
 * SIREN/SIRET checks. Both numbers carry a Luhn key, except La Poste's
 * establishments (SIREN 356 000 000), whose SIRET digits add up to a multiple
 * of 5 instead. `isValidSiret("35600000000048")` → true (a La Poste office).
 */
const LA_POSTE_SIREN = '356000000';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiren(siren: string): boolean {
  return /^[0-9]{9}$/.test(siren) && luhnValid(siren);
}

export function isValidSiret(siret: string): boolean {
  if (!/^[0-9]{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== `${LA_POSTE_SIREN}00048`) {
    let sum = 0;
    for (const c of siret) sum += c.charCodeAt(0) - 48;
    return sum % 5 === 0;
  }
  return luhnValid(siret);
}

/** Spaces and dots people type inside the numbers are dropped. */
export function normaliseSirenSiret(value: string): string {
  return value.replace(/[\s.\u00a0-]/g, '');
}

/** Complete a 9- or 13-digit prefix with its Luhn key (used to generate demo data). */
export function withLuhnKey(prefix: string): string {
  for (let k = 0; k <= 9; k++) {
    const candidate = `${prefix}${k}`;
    if (luhnValid(candidate)) return candidate;
  }
  throw new Error('unreachable');
}
