import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, bootId, DataDirLockedError, processStartTicks, type DataDirLock } from './data-dir-lock.ts';

/**
 * A lock file names a pid; after a crash that pid may be given to an unrelated
 * process. A live process of our own stands in for it.
 */
describe('the PGlite data directory lock and reused pids', () => {
  let dir: string;
  let other: ChildProcess;
  let otherPid: number;
  let held: DataDirLock | null = null;
  const lockFile = () => path.join(dir, 'liandong.lock');
  const writeLock = (content: string, writtenSecondsAgo = 0) => {
    fs.writeFileSync(lockFile(), content);
    const at = new Date(Date.now() - writtenSecondsAgo * 1000);
    fs.utimesSync(lockFile(), at, at);
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liandong-lock-unit-'));
    other = spawn('sleep', ['infinity'], { stdio: 'ignore' });
    await new Promise((resolve) => other.once('spawn', resolve));
    if (!other.pid) throw new Error('no pid for the stand-in process');
    otherPid = other.pid;
  });
  afterEach(() => {
    held?.release();
    held = null;
    fs.rmSync(lockFile(), { force: true });
  });
  afterAll(() => {
    other.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now runs a process started after the lock was written', () => {
    // A bare pid, as older versions wrote it, from a server that died a minute ago; the pid has since been handed out again.
    writeLock(String(otherPid), 60);
    held = acquireDataDirLock(dir);
    const owner = JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.pid);
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid is alive but whose start time is not the owner’s', () => {
    const startTicks = processStartTicks(otherPid);
    expect(startTicks).not.toBeNull();
    writeLock(JSON.stringify({ pid: otherPid, bootId: bootId(), startTicks: (startTicks ?? 0) - 1, hostname: os.hostname() }));
    held = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, bootId: bootId(), startTicks: processStartTicks(process.pid) });
  });

  it.runIf(process.platform === 'linux')('takes over a lock from another boot', () => {
    writeLock(JSON.stringify({ pid: otherPid, bootId: 'an-earlier-boot', startTicks: processStartTicks(otherPid), hostname: os.hostname() }));
    held = acquireDataDirLock(dir);
    expect(held).toBeTruthy();
  });

  it('still refuses while the process that wrote the lock runs', () => {
    writeLock(JSON.stringify({ pid: otherPid, bootId: bootId(), startTicks: processStartTicks(otherPid), hostname: os.hostname() }));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    // A bare pid written after its process started is believed, as before.
    writeLock(String(otherPid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
  });

  it('releases only its own lock', () => {
    held = acquireDataDirLock(dir);
    held.release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });
});
