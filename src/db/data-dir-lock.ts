import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory is in use by another Liandong process (pid ${ownerPid}; lock ${lockPath}). ` +
        'PGlite allows one process per data directory: stop the other process, or set DATABASE_URL to use PostgreSQL.',
    );
  }
}

/**
 * Who holds the lock: a pid alone does not name a process for long, since
 * pids are handed out again (after a reboot, or in a container whose server
 * always runs as the same few pids). The boot and the process's start time
 * from /proc tell the owner apart from a later process given the same pid.
 */
interface LockOwner {
  pid: number;
  /** The kernel's id of this boot; null where /proc does not tell it. */
  bootId: string | null;
  /** The process's start in clock ticks since boot (/proc/<pid>/stat, field 22); null where /proc does not tell it. */
  startTicks: number | null;
  /** For the person reading the file; not used to decide. */
  hostname: string;
}

/** Linux reports /proc times in USER_HZ, which is 100 on every architecture it runs on. */
const TICKS_PER_SECOND = 100;

const readProc = (file: string): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

export function bootId(): string | null {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim() || null;
}

/** The start of process `pid` in clock ticks since boot, or null where /proc is not there or the process is gone. */
export function processStartTicks(pid: number): number | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name in parentheses may hold spaces and parentheses; the fields after its last ')' start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[22 - 3]);
  return Number.isSafeInteger(ticks) ? ticks : null;
}

/** When this boot began, in ms since the epoch (/proc/stat `btime`), or null without /proc. */
function bootTimeMs(): number | null {
  const line = readProc('/proc/stat')
    ?.split('\n')
    .find((l) => l.startsWith('btime '));
  const seconds = line ? Number(line.slice(6)) : Number.NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function currentOwner(): LockOwner {
  return { pid: process.pid, bootId: bootId(), startTicks: processStartTicks(process.pid), hostname: os.hostname() };
}

/** The owner a lock file names: the JSON written now, or the bare pid older versions wrote; null when unreadable. */
function parseLockFile(text: string): (Partial<LockOwner> & { pid: number }) | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (typeof value !== 'object' || value === null || !('pid' in value) || !Number.isSafeInteger(value.pid)) return null;
    const owner = value as Record<string, unknown> & { pid: number };
    return {
      pid: owner.pid,
      bootId: typeof owner.bootId === 'string' ? owner.bootId : null,
      startTicks: typeof owner.startTicks === 'number' ? owner.startTicks : null,
    };
  } catch {
    return null;
  }
}

/**
 * Whether the process that wrote the lock still runs. The pid must be alive
 * and, where /proc tells, be the same process: same boot, same start time.
 * A bare-pid lock from an older version carries no start time; a process that
 * started after the lock was written cannot have written it.
 */
function ownerStillRuns(owner: Partial<LockOwner> & { pid: number }, writtenAtMs: number): boolean {
  if (owner.pid <= 0 || owner.pid === process.pid || !processAlive(owner.pid)) return false;
  const thisBoot = bootId();
  if (owner.bootId && thisBoot && owner.bootId !== thisBoot) return false;
  const startTicks = processStartTicks(owner.pid);
  if (startTicks === null) return true;
  if (typeof owner.startTicks === 'number') return owner.startTicks === startTicks;
  const bootMs = bootTimeMs();
  // A second of slack for the tick rounding and the file system's time stamps.
  return bootMs === null || bootMs + (startTicks / TICKS_PER_SECOND) * 1000 <= writtenAtMs + 1000;
}

export interface DataDirLock {
  release(): void;
}

/**
 * Two writers on one PGlite directory silently corrupt it, so the directory is
 * guarded by an exclusively created lock file naming its owner. A lock left by
 * a killed process is detected (owner gone, or its pid now another process's)
 * and taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'liandong.lock');
  const me = JSON.stringify(currentOwner());
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, me);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === me) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let text: string;
      let writtenAtMs: number;
      try {
        text = fs.readFileSync(lockPath, 'utf8');
        writtenAtMs = fs.statSync(lockPath).mtimeMs;
      } catch (readError) {
        // Its owner released it meanwhile: try the exclusive create again.
        if ((readError as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw readError;
      }
      const owner = parseLockFile(text);
      if (owner && ownerStillRuns(owner, writtenAtMs)) throw new DataDirLockedError(lockPath, owner.pid);
      // Stale (owner gone, pid reused, or unreadable): remove and retry the exclusive create.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(lockPath, -1);
}
