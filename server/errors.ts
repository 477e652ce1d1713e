/**
 * Typed application errors. Each carries a stable English code (for clients and
 * scripts) and a French message (for people). One handler maps them to HTTP.
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthorized' | 'too_many' | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (message: string, details: ErrorDetail[] = [], code = 'invalid_input') => new AppError('invalid', code, message, details);

export const notFound = (what: string, id: string) => new AppError('not_found', 'not_found', `${what} introuvable : ${id}`);

export const conflict = (code: string, message: string, details: ErrorDetail[] = []) => new AppError('conflict', code, message, details);

export const forbidden = (message = 'Action non autorisée.') => new AppError('forbidden', 'forbidden', message);

export const unauthorized = (message = 'Connexion requise.', code = 'unauthorized') => new AppError('unauthorized', code, message);

export const unavailable = (code: string, message: string) => new AppError('unavailable', code, message);

/** A limit reached (429); the message says what to do meanwhile. */
export const tooMany = (code: string, message: string) => new AppError('too_many', code, message);

export const httpStatusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many: 429,
  unavailable: 503,
};
