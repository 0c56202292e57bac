import type { Page } from 'playwright-core';

/** The cooperation list, from wherever the user landed (an office starts at the national overview): the menu's 合作. */
export async function openCooperationList(page: Page): Promise<void> {
  if (new URL(page.url()).pathname !== '/cooperations') {
    const menuLink = page.getByRole('link', { name: /^(合作|Cooperations)$/ }).first();
    // On a phone the side menu is folded away; its address is what a tap on 合作 would open.
    if (await menuLink.isVisible()) await menuLink.click();
    else await page.goto(new URL('/cooperations', page.url()).toString());
  }
  await page.getByTestId('cooperation-search').waitFor();
}
