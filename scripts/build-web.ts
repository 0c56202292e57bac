/**
 * `npm start` builds the web app only when its sources changed since the last build: rebuilding it on every
 * start took half of the start-up time. The sources' hash (every file of web/ but the build, what the web
 * takes from src/contract, and the lockfile) is kept beside the installed packages, so a new install builds again.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// One stamp per checkout: several checkouts may share one node_modules, each with its own build.
const stampFile = path.join(root, 'node_modules', '.cache', 'liandong', `web-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.sha256`);
const SOURCES = ['web', 'src/contract', 'package-lock.json'];
const SKIP = [path.join(root, 'web', 'dist'), path.join(root, 'web', 'node_modules')];

function files(source: string): string[] {
  if (!existsSync(source)) return [];
  if (statSync(source).isFile()) return [source];
  return readdirSync(source, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !SKIP.some((skip) => file.startsWith(skip + path.sep)));
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => files(path.join(root, s))).sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const current = sourceHash();
const built = existsSync(path.join(root, 'web', 'dist', 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current;
if (built) {
  console.log('web app is built and current');
} else {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, current);
}
