import type { Actor } from '../auth/actor';

export type DirectoryAction = 'read' | 'create' | 'update' | 'delete' | 'import';

/**
 * Pure authorisation rule for the directory. Until accounts exist, every
 * actor may read and write: the server is meant to run on a trusted network
 * (see README). The accounts issue narrows `write` to roles and records.
 */
export function canOnDirectory(actor: Actor, action: DirectoryAction): boolean {
  switch (actor.kind) {
    case 'system':
      return true;
    case 'anonymous':
      return action === 'read' || openWrites;
    case 'account':
      return action === 'read' || openWrites || actor.roles.some((r) => r.role === 'admin');
  }
}

// One switch, so that the move to per-role rules changes a single place.
const openWrites = true;
