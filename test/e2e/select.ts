import type { Locator, Page } from 'playwright-core';

/** How many times a choice is made before the test gives up on it. */
const ATTEMPTS = 3;
const SHOWN_WITHIN_MS = 5000;

/**
 * Picks an option of an antd select (or tree select), typing part of its name first where the select searches,
 * and waits until `shown` (the select itself or the form item around it) shows the option as chosen.
 * A click that lands while the dropdown is still sliding in selects nothing (seen on a loaded CI machine, for any
 * select), so the choice is made again until the page shows it.
 */
export async function chooseOption(
  page: Page,
  { combobox, option, typed, shown }: { combobox: Locator; option: string; typed?: string; shown: Locator },
): Promise<void> {
  // A single select shows its value as the content, a multiple one as an item per value.
  const chosen = shown.locator('.ant-select-selection-item, .ant-select-content-has-value', { hasText: option }).first();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 0; attempt < ATTEMPTS && (await chosen.count()) === 0; attempt++) {
    await combobox.click();
    if (typed) await combobox.fill(typed);
    // In a tree the title is what selects; the row around it also holds the indent and the expand switch.
    await dropdown.locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper', { hasText: option }).first().click();
    await chosen.waitFor({ timeout: SHOWN_WITHIN_MS }).catch(() => undefined);
  }
  await chosen.waitFor();
}

/**
 * Types a date into a date field as a user would — in the ISO form, which the field accepts besides the
 * language's own — and confirms it with Enter, which also closes the calendar that would cover what lies below.
 */
export async function fillDate(field: Locator, isoDate: string): Promise<void> {
  await field.fill(isoDate);
  await field.press('Enter');
}

/**
 * Ticks a checkbox or radio and waits until the page shows it ticked. A click that lands while a dialog is still
 * zooming in leaves an antd radio as it was (seen on a loaded CI machine), so the click is made again.
 */
export async function tick(box: Locator): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS && !(await box.isChecked()); attempt++) {
    await box.check().catch(() => undefined);
  }
  if (!(await box.isChecked())) await box.check();
}
