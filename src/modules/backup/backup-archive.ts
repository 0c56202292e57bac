import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { AppError, badRequest } from '../../app-error.ts';

/**
 * The backup file: a gzipped tar of one staging directory —
 *   tables/<table>.jsonl   one row per line, as the database writes it as JSON
 *   files/<storage key>    the bytes of each attachment
 *   manifest.json          what the archive holds, with counts and SHA-256 hashes (written last)
 * Any tar tool opens it; restore reads nothing but these names.
 */
export const ARCHIVE_FORMAT = 'liandong-backup';
export const ARCHIVE_FORMAT_VERSION = 1;

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  createdAt: string;
  appVersion: string;
  database: string;
  /** The migrations the data was written under: a restore rebuilds that schema, loads, then migrates on. */
  migrations: { count: number; last: string | null };
  /** In load order: a table comes after the tables it refers to. */
  tables: { name: string; rows: number; sha256: string }[];
  files: { key: string; bytes: number; sha256: string }[];
}

const ENTRY = /^(manifest\.json|tables\/[a-z_][a-z0-9_]*\.jsonl|files\/[0-9a-f]{40})$/;

export const invalidArchive = (why: string) => badRequest('backup.archive_invalid', `Not a usable Liandong backup: ${why}`);

/** Hashes what passes through, and counts its bytes. */
export function hashing(): Transform & { digest(): { sha256: string; bytes: number } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(stream, { digest: () => ({ sha256: hash.digest('hex'), bytes }) });
}

export async function sha256OfFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = hashing();
  await pipeline(fs.createReadStream(file), hash, new Writable({ write: (_chunk, _encoding, done) => done() }));
  return hash.digest();
}

/** Packs the staging directory's entries (manifest last) into `target`, gzipped. */
export async function packArchive(staging: string, entries: string[], target: string): Promise<void> {
  const pack = tar.pack();
  const written = pipeline(pack, createGzip(), fs.createWriteStream(target));
  for (const name of entries) {
    const file = path.join(staging, name);
    const { size } = await fs.promises.stat(file);
    await new Promise<void>((resolve, reject) => {
      const entry = pack.entry({ name, size }, (error) => (error ? reject(error) : resolve()));
      fs.createReadStream(file).on('error', reject).pipe(entry);
    });
  }
  pack.finalize();
  await written;
}

/**
 * Unpacks an archive into `staging`, refusing any entry that is not one of the archive's own names (so nothing
 * lands outside the staging directory), and returns its manifest. Nothing of the instance is touched here.
 */
export async function unpackArchive(source: Readable, staging: string): Promise<Manifest> {
  const extract = tar.extract();
  const unreadable = (error: unknown) => invalidArchive(`it cannot be read as a gzipped tar (${error instanceof Error ? error.message : String(error)})`);
  // The pipeline's failure also ends the loop below; it is reported there, once.
  const done = pipeline(source, createGunzip(), extract);
  done.catch(() => undefined);
  let manifest: Manifest | null = null;
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (entry.header.type !== 'file' || !ENTRY.test(name)) throw invalidArchive(`unexpected entry ${JSON.stringify(name)}`);
      const file = path.join(staging, name);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await pipeline(entry, fs.createWriteStream(file, { flags: 'wx' }));
      if (name === 'manifest.json') manifest = parseManifest(await fs.promises.readFile(file, 'utf8'));
    }
    await done;
  } catch (error) {
    source.destroy();
    throw error instanceof AppError ? error : unreadable(error);
  }
  if (!manifest) throw invalidArchive('it has no manifest.json');
  return manifest;
}

function parseManifest(text: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidArchive('its manifest is not JSON');
  }
  if (typeof value !== 'object' || value === null || !('format' in value) || value.format !== ARCHIVE_FORMAT) throw invalidArchive('its manifest is not a Liandong manifest');
  const manifest = value as Manifest;
  if (manifest.formatVersion !== ARCHIVE_FORMAT_VERSION) throw invalidArchive(`format version ${String(manifest.formatVersion)} is not ${ARCHIVE_FORMAT_VERSION}`);
  if (!Array.isArray(manifest.tables) || !Array.isArray(manifest.files) || typeof manifest.migrations?.count !== 'number') throw invalidArchive('its manifest lacks tables, files or migrations');
  return manifest;
}
