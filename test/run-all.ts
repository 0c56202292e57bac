import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { postgresAvailable } from './setup/throwaway-postgres.ts';
import { CHROMIUM_PATH } from './e2e/browser.ts';

/**
 * `npm test`: every tier this machine can run — unit, integration on PGlite
 * and on a throwaway PostgreSQL, browser tests in Chromium — in one vitest
 * run. A missing tool is reported loudly; with LIANDONG_REQUIRE_ALL=1 it fails.
 */
const requireAll = process.env.LIANDONG_REQUIRE_ALL === '1';
const missing: string[] = [];
if (!postgresAvailable()) missing.push('PostgreSQL 15 server binaries (Debian package postgresql-15): PostgreSQL tier');
if (!fs.existsSync(CHROMIUM_PATH)) missing.push(`Chromium at ${CHROMIUM_PATH} (Debian package chromium): browser tier`);
for (const m of missing) console.warn(`\n!!! MISSING ${m} will be SKIPPED !!!`);
if (missing.length && requireAll) {
  console.error('LIANDONG_REQUIRE_ALL=1: no tier may be skipped.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

const typecheckOk = step('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
const depsOk = step('import rules (.dependency-cruiser.cjs)', 'npm', ['run', '--silent', 'check:deps']);
const lintOk = step('lint (biome.jsonc)', 'npm', ['run', '--silent', 'lint']);
const unusedOk = step('unused files, exports and dependencies (knip.jsonc)', 'npm', ['run', '--silent', 'check:unused']);
const buildOk = step('build web', 'npm', ['run', 'build:web']);

const resultsFile = path.resolve('test-results/vitest.json');
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.rmSync(resultsFile, { force: true });
const projects = buildOk ? [] : ['--project', 'unit', '--project', 'integration'];
const testsOk = step('tests', 'npx', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile=${resultsFile}`]);

let passed = 0;
let failed = 0;
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: { status: string; assertionResults: { status: string }[] }[];
  };
  passed = results.numPassedTests;
  // A file that failed before any of its tests ran (an import or setup error) counts once.
  const brokenFiles = results.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
  failed = results.numFailedTests + brokenFiles;
}
// Failures outside vitest (types, import rules, lint, unused code, build, a crashed runner) count too.
for (const ok of [typecheckOk, depsOk, lintOk, unusedOk, buildOk]) if (!ok) failed++;
if (!testsOk && failed === 0) failed++;
if (passed === 0) failed++;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
