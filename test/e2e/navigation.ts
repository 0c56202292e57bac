import type { Page } from 'playwright-core';

/** The cooperation list, from wherever the user landed (an office starts at the national overview): the menu's 合作. */
export async function openCooperationList(page: Page): Promise<void> {
  if (new URL(page.url()).pathname !== '/cooperations') await page.getByRole('link', { name: '合作', exact: true }).click();
  await page.getByTestId('cooperation-search').waitFor();
}
