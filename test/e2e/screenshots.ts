import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Screenshots for people to look at: always under test-results/, and into docs/screenshots/ only when
 * LIANDONG_UPDATE_SCREENSHOTS=1, so an ordinary test run leaves the documentation untouched.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  // Spinners and tag fade-ins would otherwise be caught half-way.
  await page.waitForFunction(() => document.querySelector('.ant-spin-spinning') === null);
  await page.evaluate(() => document.fonts.ready);
  const folders = ['test-results/screenshots'];
  if (process.env.LIANDONG_UPDATE_SCREENSHOTS === '1') folders.push('docs/screenshots');
  for (const folder of folders) {
    const directory = path.join(repoRoot, folder);
    await mkdir(directory, { recursive: true });
    await page.screenshot({ path: path.join(directory, `${name}.png`) });
  }
}
