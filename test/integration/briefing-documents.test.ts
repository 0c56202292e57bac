import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/app/web-dist.ts';
import type { Briefing } from '../../src/modules/briefing/briefing.schemas.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { qingdaoShenzhen, type QingdaoShenzhen } from './task-fixtures.ts';

const has = (tool: string) => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const canPrint = existsSync('/usr/bin/chromium') && existsSync(path.join(WEB_DIST, 'index.html')) && has('pdftotext');
if (!canPrint) console.warn('SKIPPED: the PDF tests need /usr/bin/chromium, a built web app (npm run build:web) and poppler-utils (pdftotext)');

const work = mkdtempSync(path.join(tmpdir(), 'liandong-briefing-'));
const saved = (name: string, body: Buffer) => {
  const file = path.join(work, name);
  writeFileSync(file, body);
  return file;
};

// One database flavour is enough here: the documents render the briefing's answer, which briefing.test.ts checks on both.
const [flavour] = databaseFlavours();

describe.skipIf(!canPrint)('the briefing as PDF', () => {
  let t: TestApp;
  let c: QingdaoShenzhen;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(flavour ?? 'pglite');
    for (const user of ['qd.fgw', 'sz.fgw', 'qd.leader']) tokens[user] = await t.login(user);
    c = await qingdaoShenzhen(t, tokens['qd.fgw'] ?? '');
  });
  afterAll(() => t?.close());

  it('is an A4 PDF whose first page holds the headline numbers the reader gets as JSON, with page numbers', { timeout: 120_000 }, async () => {
    const briefing = (await t.call('GET', `/api/v1/cooperations/${c.id}/briefing`, { token: tokens['qd.leader'] })).json<Briefing>();
    const res = await t.call('GET', `/api/v1/cooperations/${c.id}/briefing.pdf`, { token: tokens['qd.leader'] });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain('.pdf');
    const file = saved('briefing.pdf', res.rawPayload);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(1);
    // The CJK font is embedded, not left to the reader's machine.
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/WenQuanYi|wqy/i);

    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' });
    expect(first).toContain(`${briefing.cooperation.name}工作简报`);
    expect(first).toContain('一、总体情况');
    for (const [label, value] of [
      ['任务', briefing.headline.tasks],
      ['逾期', briefing.headline.overdue],
      ['未完成', briefing.headline.open],
    ] as const) {
      expect(first, label).toContain(label);
      expect(first, label).toMatch(new RegExp(`(^|\\s)${value}(\\s|$)`, 'm'));
    }
    expect(first).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(work, 'briefing-pdf')]);
    console.log(`briefing PDF and its first page as PNG in ${work}`);
  });

  it('speaks English when asked, and refuses a reader who may not read the cooperation', { timeout: 120_000 }, async () => {
    const res = await t.call('GET', `/api/v1/cooperations/${c.id}/briefing.pdf?lang=en`, { token: tokens['sz.fgw'] });
    expect(res.statusCode).toBe(200);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', saved('briefing-en.pdf', res.rawPayload), '-'], { encoding: 'utf8' });
    expect(text).toContain('Where it stands');
    expect(text).toMatch(/Page 1 of \d+/);
    const anonymous = await t.call('GET', `/api/v1/cooperations/${c.id}/briefing.pdf`);
    expect(anonymous.statusCode).toBe(401);
  });
});
