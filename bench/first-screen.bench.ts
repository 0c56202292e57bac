import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, launchBrowser } from '../test/e2e/browser.ts';
import { startServer } from '../test/e2e/server-harness.ts';

const BUDGET_KB = 400;
const DEMO_PASSWORD = 'liandong-demo';

/** Each role's first screen after login, and the element that says it is on screen. */
const FIRST_SCREENS: { username: string; what: string; ready: string }[] = [
  { username: 'qd.fgw', what: 'office → national overview (ECharts + map)', ready: '[data-testid="overview-map"][data-lines]' },
  { username: 'qd.leader', what: 'leader → cooperation dashboard (ECharts)', ready: '[data-testid="changes"]' },
  { username: 'qd.kj', what: 'unit → 我的工作 (no chart)', ready: '[data-testid="tab-overdue"]' },
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The JavaScript a browser with a cold cache loads from opening /login to the first screen after login, gzipped (the
 * server sends it uncompressed; gzip is what a proxy in front of it would send), against the issue's 400 KB, and the
 * time from pressing 登录 to that screen, in Chromium on the demo data. The map's GeoJSON is data, counted apart.
 */
export async function benchFirstScreen(): Promise<string[]> {
  if (!existsSync(CHROMIUM_PATH)) return [`skipped: no Chromium at ${CHROMIUM_PATH}`];
  if (!existsSync('web/dist/index.html')) return ['skipped: the web app is not built (npm run build:web)'];
  const server = await startServer({ startupLimitMs: 300_000 });
  const browser = await launchBrowser();
  const lines: string[] = [];
  try {
    for (const screen of FIRST_SCREENS) {
      const context = await browser.newContext({ baseURL: server.baseUrl });
      const page = await context.newPage();
      const scripts = new Map<string, number>();
      let geoJson = 0;
      page.on('response', (response) => {
        const url = response.url();
        void response.body().then(
          (body) => {
            if (url.endsWith('.js')) scripts.set(url, gzipSync(body).length);
            else if (url.endsWith('.json') && url.includes('/assets/')) geoJson = gzipSync(body).length;
          },
          () => undefined,
        );
      });
      await page.goto('/login');
      await page.getByLabel('用户名').fill(screen.username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      const pressed = performance.now();
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.locator(screen.ready).first().waitFor({ timeout: 60_000 });
      const shown = performance.now() - pressed;
      await page.waitForLoadState('networkidle');
      const total = [...scripts.values()].reduce((n, b) => n + b, 0);
      const echarts = [...scripts.keys()].some((u) => /installSVGRenderer|echarts/i.test(u));
      lines.push(
        `${screen.what.padEnd(44)} JS ${kb(total).padStart(9)} gzipped in ${String(scripts.size).padStart(2)} files = ${(total / 1024 / BUDGET_KB).toFixed(2)}× the 400 KB budget; ECharts ${echarts ? 'loaded' : 'not loaded'}${geoJson ? `; map GeoJSON ${kb(geoJson)} gzipped` : ''}; shown ${Math.round(shown)} ms after 登录`,
      );
      await context.close();
    }
    return lines;
  } finally {
    await browser.close();
    await server.stop();
  }
}
