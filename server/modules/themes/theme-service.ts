import type { z } from 'zod';
import type { themeInput, themePatch } from '../../../shared/schemas/reference';
import type { Database } from '../../db/connection';
import { conflict, notFound } from '../../errors';
import { actionsOn, authorize } from '../../policies/authorize';
import { recordWrite } from '../audit/audit-service';
import type { Actor } from '../../policies/actor';
import { themePolicy } from './theme-policy';
import * as q from './theme-queries';

/** The controlled vocabulary of transition fields. */
export function themeService(db: Database) {
  const authorise = (actor: Actor, action: keyof typeof themePolicy) => authorize(actor, action, { policy: themePolicy });
  /** A theme with what the caller may do with it. */
  const shown = <T>(actor: Actor, t: T) => ({ ...t, actions: actionsOn(actor, ['update', 'delete'], themePolicy, undefined) });
  const get = async (actor: Actor, code: string) => {
    authorise(actor, 'read');
    const t = await q.getTheme(db, code);
    if (!t) throw notFound('Thème', code);
    return shown(actor, t);
  };
  return {
    get,
    async list(actor: Actor) {
      authorise(actor, 'read');
      const items = (await q.listThemes(db)).map((t) => shown(actor, t));
      return { items, total: items.length, totalExact: true, page: 1, pageSize: items.length };
    },
    async create(actor: Actor, input: z.output<typeof themeInput>) {
      authorise(actor, 'create');
      if (await q.getTheme(db, input.code)) throw conflict('duplicate_theme', `Le thème ${input.code} existe déjà.`);
      await db.transaction().execute(async (tx) => {
        await q.insertTheme(tx, input);
        await recordWrite(tx, actor, [{ action: 'create', entity: 'themes', recordId: input.code, after: await q.getTheme(tx, input.code) }]);
      });
      return get(actor, input.code);
    },
    async update(actor: Actor, code: string, patch: z.output<typeof themePatch>) {
      authorise(actor, 'update');
      await db.transaction().execute(async (tx) => {
        const before = await q.getTheme(tx, code);
        if (!before || !(await q.updateTheme(tx, code, patch))) throw notFound('Thème', code);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'themes', recordId: code, before, after: await q.getTheme(tx, code) }]);
      });
      return get(actor, code);
    },
    async remove(actor: Actor, code: string) {
      authorise(actor, 'delete');
      const t = await get(actor, code);
      if (t.usage > 0) throw conflict('theme_in_use', `Le thème ${code} est utilisé ${t.usage} fois : retirez-le d'abord.`);
      await db.transaction().execute(async (tx) => {
        await q.deleteTheme(tx, code);
        await recordWrite(tx, actor, [{ action: 'delete', entity: 'themes', recordId: code, before: t }]);
      });
    },
  };
}
