import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { unavailable } from '../errors';

/**
 * PGlite does not stop two processes from opening the same data folder (both
 * would write and corrupt it), so the process that opens it holds a lock file
 * naming its pid. A lock left by a dead process is taken over.
 */
export interface DataDirLock {
  release(): void;
}

interface LockInfo {
  pid: number;
  purpose: string;
  url?: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPath(dataDir: string) {
  return join(dataDir, 'essaim.lock');
}

export function readLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string, purpose: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose } satisfies LockInfo));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = readLock(dataDir);
        if (current?.pid === process.pid) rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(dataDir);
      if (holder && holder.pid !== process.pid && alive(holder.pid)) {
        const where = holder.url ? ` (${holder.url})` : '';
        throw unavailable(
          'database_in_use',
          `La base intégrée ${dataDir} est déjà ouverte par un autre processus Essaim (pid ${holder.pid}, ${holder.purpose}${where}). ` +
            'Arrêtez-le, ou passez par son API HTTP.',
        );
      }
      // Stale lock: its process is gone.
      rmSync(path, { force: true });
    }
  }
  throw unavailable('database_in_use', `Impossible de verrouiller la base intégrée ${dataDir}.`);
}

/** Record the server's URL in the lock so that commands can point to it. */
export function annotateLock(dataDir: string, url: string) {
  const info = readLock(dataDir);
  if (!info || info.pid !== process.pid) return;
  const fd = openSync(lockPath(dataDir), 'w');
  writeSync(fd, JSON.stringify({ ...info, url }));
  closeSync(fd);
}
