import type { z } from 'zod';

/**
 * Who may call a route, checked by the server before the body is even read
 * (server/http/request-actor.ts) and by the authorisation matrix test:
 * - `open`: anyone, visitors included (reads, and callbacks a browser follows);
 * - `public-write`: sign-in routes, which visitors may write to;
 * - `signed-in`: any account (visitors 401);
 * - `writer`: a role that may write something (visitors 401, read-only roles 403);
 *   the service then decides record by record;
 * - `admin`: the national team (visitors 401, every other role 403).
 */
export const accessLevels = ['open', 'public-write', 'signed-in', 'writer', 'admin'] as const;
export type Access = (typeof accessLevels)[number];

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One route of the API, as server, web client, OpenAPI document and tests see
 * it. `path` uses `:name` for parameters (`/api/themes/:code`).
 *
 * The success answer is `response` (JSON) with `status` (200 by default);
 * a route without `response` answers with no JSON body: 204, a redirection
 * (303) or a file (`produces`).
 */
export interface RouteDef {
  method: Method;
  path: `/api/${string}`;
  access: Access;
  /** The OpenAPI tag (French name of the resource). */
  tag: string;
  /** One French line for the documentation. */
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** `multipart`: the body is a file upload (a form), not JSON. */
  bodyKind?: 'json' | 'multipart';
  response?: z.ZodType;
  /** The other answer of a route whose work may be long: `202` with this body (e.g. `{ jobId }`), the work then runs as a job. */
  accepted?: z.ZodType;
  status?: 200 | 201 | 202 | 204 | 303;
  /** Content types of a file answer (exports, calendars), besides JSON. */
  produces?: readonly string[];
  /** Error statuses the route documents beyond those its access and shape imply (e.g. 429, 503). */
  errors?: readonly number[];
}

/** Declare a route, keeping its literal types for the server and the client. */
export const route = <const D extends RouteDef>(d: D): D => d;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What the server's handler receives (validated, defaults applied). */
export type ParamsOf<D extends RouteDef> = Out<D['params']>;
export type QueryOf<D extends RouteDef> = Out<D['query']>;
export type BodyOf<D extends RouteDef> = Out<D['body']>;
/** What the server's handler returns (before the response schema serialises it). */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler of a route without a JSON answer returns nothing (`async () => { … }`)
export type ReplyOf<D extends RouteDef> = D['response'] extends z.ZodType ? z.input<D['response']> : void;
/** What a client receives: the success body, or the 202 body of a route that may hand its work to a job. */
export type ResponseOf<D extends RouteDef> = Out<D['response']> | (D extends { accepted: infer A extends z.ZodType } ? z.output<A> : never);

/** What a client sends: each part the route declares, as its schema accepts it. */
export type CallArgs<D extends RouteDef> = (D['params'] extends z.ZodType ? { params: In<D['params']> } : { params?: undefined }) &
  (D['query'] extends z.ZodType ? { query?: In<D['query']> } : { query?: undefined }) &
  (D['body'] extends z.ZodType ? { body: In<D['body']> } : { body?: undefined });

/** The path with its parameters filled in (each one URL-encoded). */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null || v === '') throw new Error(`Paramètre manquant dans ${path} : ${name}`);
    return encodeURIComponent(String(v));
  });
}

/** A query string from an object: arrays repeat their key, undefined and null are left out. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    for (const one of Array.isArray(v) ? v : [v]) search.append(k, String(one));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** The URL of one call: path, filled parameters and query (for links to files, calendars and exports). */
export const urlOf = (def: Pick<RouteDef, 'path'>, args: { params?: unknown; query?: unknown }): string =>
  fillPath(def.path, args.params as Record<string, unknown> | undefined) + queryString(args.query as Record<string, unknown> | undefined);

/** `GET /api/themes/{code}`: how the OpenAPI document and the matrix test name a route. */
export const routeKey = (def: Pick<RouteDef, 'method' | 'path'>) => `${def.method} ${def.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
