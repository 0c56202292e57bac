import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';

/** The regions and lines the map was given, as ECharts holds them (the map element carries them after setOption). */
async function mapDrawn(page: Page): Promise<{ regions: string[]; lines: number }> {
  const map = page.getByTestId('overview-map');
  await map.and(page.locator('[data-lines]')).waitFor();
  return map.evaluate((el: HTMLElement) => ({ regions: JSON.parse(el.dataset.regions ?? '[]') as string[], lines: Number(el.dataset.lines) }));
}

/** The national overview (issue 13): offices land on it; the map shows the demo's regions and partner lines. */
describe.skipIf(!chromiumAvailable())('the national overview in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();

  it("lands 青岛's office on the overview, whose map has the demo's regions and lines and whose rows open dashboards", async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.waitForURL(/\/overview$/);
    await page.getByRole('menuitem').getByRole('link', { name: '总览' }).waitFor();
    const drawn = await mapDrawn(page);
    // 青岛—深圳, and the five cities of 胶东 each linked with the four others: 1 + 10 lines.
    expect([...drawn.regions].sort()).toEqual(['威海市', '日照市', '深圳市', '潍坊市', '烟台市', '青岛市'].sort());
    expect(drawn.lines).toBe(11);
    await page.getByTestId('foreign-parties').getByText('日本').waitFor();
    expect(await page.getByTestId('map-source').innerText()).toMatch(/DataV\.GeoAtlas.*ISC.*未附审图号/);
    expect(await page.getByTestId('overview-as-of').innerText()).toMatch(/最多 30 秒前/);

    const rows = page.getByTestId('overview-table').locator('tr.ant-table-row');
    expect(await rows.count()).toBe(3);
    // Sorted by overdue, most first, as it opens.
    const overdue = (await page.getByTestId('overview-table').getByTestId('overdue-figure').allInnerTexts()).map(Number);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    await page.getByTestId('region-table').getByRole('cell', { name: '潍坊市', exact: true }).waitFor();
    await screenshot(page, 'overview', { fullPage: true });

    const row = rows.filter({ hasText: '青岛—深圳' });
    const overdueHere = Number(await row.getByTestId('overdue-figure').innerText());
    await row.getByTestId('progress-figures').click();
    await page.waitForURL(/\/cooperations\/[0-9a-f-]{36}\/dashboard$/);
    await page.getByTestId('cooperation-name').getByText('青岛—深圳跨区域合作').waitFor();
    expect(Number(await page.getByTestId('overdue-count').innerText())).toBe(overdueHere);
    await finish(page);
  });

  it('speaks English with CNY amounts when asked', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await mapDrawn(page);
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-en').click();
    await page.getByText('Map of cooperations').first().waitFor();
    expect(await page.getByTestId('map-source').innerText()).toContain('no map approval number');
    await page.getByTestId('foreign-parties').getByText('Japan').waitFor();
    expect(await page.getByTestId('overview-table').innerText()).toMatch(/CNY \d/);
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-zh-CN').click();
    await page.getByText('合作地图').first().waitFor();
    await finish(page);
  });

  it('has no serious or critical accessibility violation', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await mapDrawn(page);
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await finish(page);
  });

  it('shows the public the same map of the public cooperations, without login, rows opening their portal pages', async () => {
    const page = await newPage();
    await page.goto('/portal');
    await page.getByTestId('portal-map-link').click();
    await page.waitForURL(/\/map$/);
    const drawn = await mapDrawn(page);
    expect([...drawn.regions].sort()).toEqual(['深圳市', '青岛市'].sort());
    expect(drawn.lines).toBe(1);
    const rows = page.getByTestId('overview-table').locator('tr.ant-table-row');
    expect(await rows.count()).toBe(2);
    expect(await page.getByTestId('overview-table').innerText()).not.toContain('胶东');
    await rows.filter({ hasText: '中日' }).getByRole('link').click();
    await page.waitForURL(/\/portal\/cooperations\/[0-9a-f-]{36}$/);
    await finish(page);
  });
});
