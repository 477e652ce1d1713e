import type { z } from 'zod';
import type { TerritoryFilter } from '../../../shared/schemas/common';
import type { Database, Executor } from '../../db/connection';
import { COUNT_CAP } from '../../db/sql-helpers';
import { RANK_LIMIT, type RankOptions } from '../../db/sql-helpers-order';
import { type ErrorDetail, invalid, notFound, unauthorized } from '../../errors';
import { actionsOn, authorize } from '../../policies/authorize';
import { parseOrThrow, writableFields } from '../../validation';
import { recordWrite } from '../audit/audit-service';
import type { Actor } from '../../policies/actor';
import type { EntityPolicy } from './entity-policy';
import { territoryExists } from './reference-queries';
import { missingReferences, type Reference } from './references';

export interface ListQuery {
  page: number;
  pageSize: number;
  territory?: TerritoryFilter | undefined;
}

/** What a directory entity's queries file offers; the service composes them. */
export interface EntityStore<Out, In, Q extends ListQuery> {
  /** "Structure", "Projet"… for messages. */
  label: string;
  /** The input's schema and its writable fields, for writes through the API, the command line and imports alike. */
  schemas: EntitySchemas<In>;
  /** The resource's name in the audit log and the API path (`organisations`). */
  entity: string;
  count(db: Executor, q: Q): Promise<number>;
  listIds(db: Executor, q: Q, limit?: number, opts?: RankOptions): Promise<string[]>;
  getMany(db: Executor, ids: string[]): Promise<Out[]>;
  insert(db: Executor, items: In[]): Promise<string[]>;
  update(db: Executor, id: string, input: In): Promise<void>;
  remove(db: Executor, id: string): Promise<boolean>;
  /** Records the input points to, checked to exist before a write. */
  references(input: In): Reference[];
  /** The writable fields a stored record holds in another shape than the input's (territories as `kind:code`…); see `storedInput`. */
  toInput?(record: Out): Record<string, unknown>;
  /** Who may do what with these records (`project-policy.ts`…). */
  policy: EntityPolicy<Out | (In & { id: string }), In>;
  /** The records as this actor may see them (restricted fields shown as null), by the entity's policy. */
  redact?(db: Executor, actor: Actor, records: Out[]): Out[] | Promise<Out[]>;
  /** Refuse the list parameters (filters, sorts) that would reveal what this actor may not see. */
  checkQuery?(actor: Actor, q: Q): void;
  /** Further rules that need the database (duplicates…); `id` when updating. */
  check?(db: Executor, input: In, id?: string): Promise<ErrorDetail[]>;
}

/** A stored record as input: its writable fields (the keys of `shape`), with those `store.toInput` reshapes. */
export function storedInput<Out>(store: { toInput?(record: Out): Record<string, unknown> }, record: Out, shape: Record<string, unknown>) {
  return { ...writableFields(record as Record<string, unknown>, shape), ...store.toInput?.(record) };
}

export interface EntitySchemas<In> {
  /** The whole record with its cross-field rules. */
  input: z.ZodType<In>;
  /** The plain object behind it, whose keys are the writable fields. */
  fields: z.ZodObject;
}

export interface ListResult<Out> {
  items: Out[];
  total: number;
  /** False when there are more than COUNT_CAP matches: `total` is then the cap. */
  totalExact: boolean;
  page: number;
  pageSize: number;
}

/**
 * The use cases every directory entity shares: list, export, read, create,
 * update (a patch merged over the stored record, then validated whole),
 * delete. Each takes the actor first and authorises before it reads.
 */
export function directoryService<Out extends { id: string }, In, Q extends ListQuery>(db: Database, store: EntityStore<Out, In, Q>) {
  const { policy } = store;

  async function checkQuery(actor: Actor, q: Q) {
    store.checkQuery?.(actor, q);
    if (q.territory && !(await territoryExists(db, q.territory)))
      throw invalid('Territoire inconnu.', [{ path: 'territory', message: `Aucun territoire ${q.territory.kind}:${q.territory.code}` }]);
  }

  async function validate(tx: Executor, input: In, id?: string) {
    const details = [...(await missingReferences(tx, store.references(input))), ...((await store.check?.(tx, input, id)) ?? [])];
    if (details.length) throw invalid('Données invalides.', details);
  }

  /** Records as this actor may see them, each with the actions it allows them. */
  async function shown(actor: Actor, records: Out[]) {
    const visible = store.redact ? await store.redact(db, actor, records) : records;
    return visible.map((record, i) => ({ ...record, actions: actionsOn(actor, ['update', 'delete'], policy, records[i] as Out) }));
  }

  async function get(actor: Actor, id: string): Promise<Out> {
    authorize(actor, 'read', { policy });
    const [found] = await store.getMany(db, [id]);
    if (!found) throw notFound(store.label, id);
    return (await shown(actor, [found]))[0] as Out;
  }

  return {
    get,

    async list(actor: Actor, q: Q): Promise<ListResult<Out>> {
      authorize(actor, 'read', { policy });
      await checkQuery(actor, q);
      const counted = await store.count(db, q);
      const ids = await store.listIds(db, q, q.pageSize, { rank: counted <= RANK_LIMIT });
      const total = Math.min(counted, COUNT_CAP);
      return { items: await shown(actor, await store.getMany(db, ids)), total, totalExact: counted <= COUNT_CAP, page: q.page, pageSize: q.pageSize };
    },

    /** Every match, in list order, for exports. */
    async exportAll(actor: Actor, q: Q): Promise<Out[]> {
      authorize(actor, 'read', { policy });
      await checkQuery(actor, q);
      const ids = await store.listIds(db, q, undefined, { rank: (await store.count(db, q)) <= RANK_LIMIT });
      const out: Out[] = [];
      for (let i = 0; i < ids.length; i += 2000) out.push(...(await shown(actor, await store.getMany(db, ids.slice(i, i + 2000)))));
      return out;
    },

    async create(actor: Actor, body: unknown): Promise<Out> {
      if (actor.kind === 'anonymous') throw unauthorized();
      const input = parseOrThrow(store.schemas.input, body);
      authorize(actor, 'create', { policy, record: input });
      const id = await db.transaction().execute(async (tx) => {
        await validate(tx, input);
        const [newId] = (await store.insert(tx, [input])) as [string];
        const [after] = await store.getMany(tx, [newId]);
        await recordWrite(tx, actor, [{ action: 'create', entity: store.entity, recordId: newId, after }]);
        return newId;
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, patch: Record<string, unknown>): Promise<Out> {
      if (actor.kind === 'anonymous') throw unauthorized();
      await db.transaction().execute(async (tx) => {
        const [current] = await store.getMany(tx, [id]);
        if (!current) throw notFound(store.label, id);
        authorize(actor, 'update', { policy, record: current });
        const stored = storedInput(store, current, store.schemas.fields.shape);
        const merged = { ...stored, ...patch };
        const input = parseOrThrow(store.schemas.input, merged);
        // The record as it will be must stay within the actor's reach too.
        authorize(actor, 'change', { policy, record: { before: current, after: { ...input, id } } });
        await validate(tx, input, id);
        await store.update(tx, id, input);
        const [after] = await store.getMany(tx, [id]);
        await recordWrite(tx, actor, [{ action: 'update', entity: store.entity, recordId: id, before: current, after }]);
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      if (actor.kind === 'anonymous') throw unauthorized();
      await db.transaction().execute(async (tx) => {
        const [before] = await store.getMany(tx, [id]);
        if (!before) throw notFound(store.label, id);
        authorize(actor, 'delete', { policy, record: before });
        if (!(await store.remove(tx, id))) throw notFound(store.label, id);
        await recordWrite(tx, actor, [{ action: 'delete', entity: store.entity, recordId: id, before }]);
      });
    },
  };
}

export type DirectoryService<Out extends { id: string }, Q extends ListQuery> = ReturnType<typeof directoryService<Out, unknown, Q>>;
