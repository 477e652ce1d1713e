import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, lockPath, readLock } from './lock';

describe('embedded database lock', () => {
  it('lets one process hold a data folder and tells others plainly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'essaim-lock-'));
    const lock = acquireDataDirLock(dir, 'serveur');
    expect(readLock(dir)?.pid).toBe(process.pid);
    // Another process (a real one: the lock is per pid) is refused.
    const other = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${join(process.cwd(), 'server/db/lock.ts')}').then(m => { try { m.acquireDataDirLock('${dir}', 'cli'); console.log('acquired'); } catch (e) { console.log(e.code + ': ' + e.message); } })`,
      ],
      { encoding: 'utf8' },
    );
    expect(other.stdout).toMatch(/^database_in_use: La base intégrée .* est déjà ouverte par un autre processus Essaim \(pid \d+, serveur\)/);
    lock.release();
    expect(readLock(dir)).toBeUndefined();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = mkdtempSync(join(tmpdir(), 'essaim-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(lockPath(dir), JSON.stringify({ pid: Number(dead.stdout.trim()), purpose: 'serveur' }));
    const lock = acquireDataDirLock(dir, 'cli');
    expect(readLock(dir)?.purpose).toBe('cli');
    lock.release();
  });
});
