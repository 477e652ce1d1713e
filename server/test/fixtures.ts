import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { withLuhnKey } from '../../shared/siret';

let serial = 0;
/** A fresh valid SIRET for each call (SIREN 9xxxxxxx, never used by the demo). */
export function freshSiret() {
  serial += 1;
  return withLuhnKey(`${withLuhnKey(`9${String(serial).padStart(7, '0')}`)}0001`);
}

/** POST a body and expect it created; returns the created record. */
export async function create(app: FastifyInstance, path: string, body: Record<string, unknown>) {
  const r = await app.inject({ method: 'POST', url: `/api/${path}`, payload: body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as Record<string, unknown> & { id: string };
}

export const orgBody = (over: Record<string, unknown> = {}) => ({
  name: 'Ressourcerie du Lac',
  siret: freshSiret(),
  kind: 'ess_structure',
  ess: true,
  communeCode: '73065',
  ...over,
});

/** Poll `check` until it gives something (work done in the background: jobs, e-mails); fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Rien après ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A multipart body carrying one file (field « file »), as a browser uploads it. */
export function multipart(filename: string, content: Uint8Array, type = 'text/csv') {
  const boundary = '----essaimtest';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
