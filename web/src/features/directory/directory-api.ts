import type { z } from 'zod';
import type { ResponseOf } from '../../../../shared/routes/contract';
import { type DirectoryPath, directoryRoutesByResource } from '../../../../shared/routes/directory.routes';

type Routes = typeof directoryRoutesByResource;

/** A record of a directory resource, as its `GET /api/<resource>/:id` answers it. */
export type DirectoryRecord<A extends DirectoryPath> = ResponseOf<Routes[A]['get']>;
/** What creating a record of the resource accepts (its form's fields). */
export type CreateInput<A extends DirectoryPath> = z.input<Routes[A]['create']['body']>;
/** The query parameters its list accepts (its page's filters). */
export type ListQueryInput<A extends DirectoryPath> = z.input<Routes[A]['list']['query']>;
/** A form field's name: a field of the resource's creation schema, so that renaming one breaks the web build. */
export type FieldName<A extends DirectoryPath> = Extract<keyof CreateInput<A>, string>;
/** A list filter's name: a query parameter of the resource's list. */
export type FilterName<A extends DirectoryPath> = Extract<keyof ListQueryInput<A>, string>;

/** Any record, for the pages every resource shares (lists, records, forms). */
export type AnyRecord = Record<string, unknown> & { id: string; actions?: string[] };

/** The routes of one resource (shared/routes/directory.routes.ts). */
export const routesOf = <A extends DirectoryPath>(api: A): Routes[A] => directoryRoutesByResource[api];

/**
 * A list query read from a page's URL (strings, as typed): the shared pages
 * pass it through and the API's schema checks it.
 */
export const urlQuery = (q: Record<string, string | number>) => q as ListQueryInput<DirectoryPath>;
