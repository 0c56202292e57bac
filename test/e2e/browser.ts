import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const MISSING_MESSAGE =
  `Browser tests need Debian's Chromium at ${CHROMIUM_PATH}, and it is not installed. ` +
  'Install it with: apt-get update && apt-get install -y chromium fonts-wqy-microhei';

/**
 * Whether the browser tier can run here. Without Chromium the tier is skipped with a loud warning, unless
 * LIANDONG_REQUIRE_ALL=1 asks that every tier really runs: then a missing browser is a failure.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.LIANDONG_REQUIRE_ALL === '1') throw new Error(`${MISSING_MESSAGE} (LIANDONG_REQUIRE_ALL=1 forbids skipping)`);
  console.warn(`\n!!! SKIPPING BROWSER TESTS: ${MISSING_MESSAGE}\n`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(MISSING_MESSAGE);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
}
