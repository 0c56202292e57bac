import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const STILLNESS_ID = 'e2e-screenshot-stillness';
const STILLNESS_CSS = '*, *::before, *::after { transition: none !important; animation: none !important; }';

/**
 * Screenshots for people to look at: always under test-results/, and into docs/screenshots/ only when
 * LIANDONG_UPDATE_SCREENSHOTS=1, so an ordinary test run leaves the documentation untouched.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.ant-spin-spinning') === null);
  await page.evaluate(() => document.fonts.ready);
  // antd fades a table in after loading; without this the picture catches it half-way. Removed again afterwards,
  // because antd's menus wait for their animations to end before they show.
  await page.evaluate(
    ({ id, css }) => {
      const style = document.createElement('style');
      style.id = id;
      style.textContent = css;
      document.head.append(style);
    },
    { id: STILLNESS_ID, css: STILLNESS_CSS },
  );
  const folders = ['test-results/screenshots'];
  if (process.env.LIANDONG_UPDATE_SCREENSHOTS === '1') folders.push('docs/screenshots');
  for (const folder of folders) {
    const directory = path.join(repoRoot, folder);
    await mkdir(directory, { recursive: true });
    await page.screenshot({ path: path.join(directory, `${name}.png`), fullPage: options.fullPage ?? false });
  }
  await page.evaluate((id) => document.getElementById(id)?.remove(), STILLNESS_ID);
}
