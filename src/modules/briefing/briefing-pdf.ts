import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Route } from 'playwright-core';
import { AppError } from '../../app-error.ts';
import type { Briefing } from './briefing.schemas.ts';

/** Debian's Chromium on this kind of host: no sandbox (containers), nothing reaching out on its own. */
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A made-up origin: the print view is loaded from the built web app on disk and its one data call is answered from
 * the briefing the server computed for the reader. Chromium gets no session, no cookie and no network, so the PDF
 * holds exactly what that reader's JSON answer holds and nobody else's.
 */
const ORIGIN = 'http://liandong.print';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface BriefingPdfOptions {
  chromiumPath: string;
  webDist: string;
  locale: 'zh-CN' | 'en';
  /** The running header: the cooperation, the document and the period. */
  header: string;
  /** "第 {page} 页 / 共 {pages} 页" with both placeholders. */
  pageLabel: string;
}

const unavailable = (why: string) => new AppError('document.renderer_unavailable', 503, `PDF rendering is not available on this server: ${why}`);

async function serveWebApp(route: Route, webDist: string, briefing: Briefing): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== ORIGIN) return route.abort();
  if (url.pathname === `/api/v1/cooperations/${briefing.cooperation.id}/briefing`) {
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(briefing) });
  }
  if (url.pathname.startsWith('/api/')) {
    return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: { code: 'auth.required', message: 'The print view has no session' } }) });
  }
  const file = path.join(webDist, path.normalize(decodeURIComponent(url.pathname)));
  const inside = file.startsWith(webDist + path.sep) && existsSync(file) && !file.endsWith(path.sep);
  const served = inside && path.extname(file) ? file : path.join(webDist, 'index.html');
  try {
    return await route.fulfill({ status: 200, contentType: CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream', body: await readFile(served) });
  } catch {
    return route.fulfill({ status: 404, body: '' });
  }
}

/** 工作简报 as an A4 PDF, printed by Chromium from the web app's own print view, with running header and page numbers. */
export async function renderBriefingPdf(briefing: Briefing, options: BriefingPdfOptions): Promise<Buffer> {
  if (!existsSync(options.chromiumPath)) throw unavailable(`no Chromium at ${options.chromiumPath}`);
  if (!existsSync(path.join(options.webDist, 'index.html'))) throw unavailable('the web app is not built (npm run build:web)');
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({ locale: options.locale, javaScriptEnabled: true, serviceWorkers: 'block' });
    await context.route('**/*', (route) => serveWebApp(route, options.webDist, briefing));
    const page = await context.newPage();
    const query = new URLSearchParams({ lang: options.locale });
    if (briefing.period) query.set('period', briefing.period.id);
    await page.goto(`${ORIGIN}/print/cooperations/${briefing.cooperation.id}/briefing?${query}`);
    await page.getByTestId('briefing-ready').waitFor({ timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready);
    const font = "font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif; font-size: 8pt; color: #555; width: 100%; padding: 0 14mm;";
    const pageLabel = escapeHtml(options.pageLabel).replace('{page}', '<span class="pageNumber"></span>').replace('{pages}', '<span class="totalPages"></span>');
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${font} text-align: right;">${escapeHtml(options.header)}</div>`,
      footerTemplate: `<div style="${font} text-align: center;">${pageLabel}</div>`,
      margin: { top: '18mm', bottom: '16mm', left: '14mm', right: '14mm' },
    });
  } finally {
    await browser.close();
  }
}
