import type { z } from 'zod';
import { type ErrorDetail, invalid } from './errors';

export function zodDetails(error: z.ZodError, prefix = ''): ErrorDetail[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

/** Parse with a shared schema, or throw a 400 that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, message = 'Données invalides.'): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(message, zodDetails(r.error));
  return r.data;
}

/** The writable fields of a stored record, so that a patch can be merged over them. */
export function writableFields<T extends Record<string, unknown>>(record: T, shape: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(shape)) if (k in record) out[k] = record[k];
  return out;
}
