import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/app/web-dist.ts';
import { reportCommand } from '../../src/cli/report.commands.ts';
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

const hasSoffice = has('soffice');
if (!hasSoffice) console.warn('SKIPPED: converting the Word documents to PDF needs LibreOffice (soffice); the docx structure is still checked');

/** The parts of a .docx a check reads, unzipped by unzip(1). */
function parts(file: string) {
  const read = (name: string) => execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
  const list = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n');
  const footers = list.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(read);
  return { document: read('word/document.xml'), styles: read('word/styles.xml'), settings: read('word/settings.xml'), fonts: read('word/fontTable.xml'), footers };
}

const TWIPS_PER_MM = 1440 / 25.4;
const near = (twips: string | undefined, mm: number) => Math.abs(Number(twips) - mm * TWIPS_PER_MM) < 3;

describe.skipIf(!has('unzip'))('the Word documents in the official layout', () => {
  let t: TestApp;
  let c: QingdaoShenzhen;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(flavour ?? 'pglite');
    for (const user of ['qd.fgw', 'sz.fgw', 'st.fgw']) tokens[user] = await t.login(user);
    c = await qingdaoShenzhen(t, tokens['qd.fgw'] ?? '');
  });
  afterAll(() => t?.close());

  const download = async (url: string, name: string, user = 'qd.fgw') => {
    const res = await t.call('GET', url, { token: tokens[user] });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    return saved(name, res.rawPayload);
  };

  const expectOfficialLayout = (p: ReturnType<typeof parts>) => {
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(p.document);
    expect(near(size?.[1], 210) && near(size?.[2], 297), size?.[0]).toBe(true);
    const margin = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(p.document);
    expect(margin, 'page margins').not.toBeNull();
    expect([near(margin?.[1], 37), near(margin?.[2], 26), near(margin?.[3], 35), near(margin?.[4], 28)]).toEqual([true, true, true, true]);
    // Title, body and headings in the GB/T 9704 fonts, 三号 (16 pt = 32 half-points) body, the issuer's mark in red.
    expect(p.document).toContain('w:eastAsia="方正小标宋简体"');
    expect(p.document).toContain('w:eastAsia="仿宋_GB2312"');
    expect(p.document).toContain('w:eastAsia="黑体"');
    expect(p.styles).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    expect(p.document).toMatch(/<w:color w:val="FF0000"\/>[\s\S]{0,200}<w:t[^>]*>[^<]*协调办公室<\/w:t>/);
    expect(p.fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(p.fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>');
    // "— 1 —" on the right of odd pages, on the left of even ones.
    expect(p.settings).toContain('<w:evenAndOddHeaders/>');
    expect(p.footers.length).toBe(2);
    for (const footer of p.footers) expect(footer).toMatch(/— [\s\S]*PAGE[\s\S]* —/);
    expect(p.footers.map((f) => /<w:jc w:val="(right|left)"\/>/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  };

  const pages = (docx: string) => {
    const out = path.join(work, `pdf-of-${path.basename(docx, '.docx')}`);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${work}/lo-profile`, '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'ignore', timeout: 120_000 });
    const pdf = path.join(out, `${path.basename(docx, '.docx')}.pdf`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(out, 'page')]);
    return { count: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]), text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }) };
  };

  it('writes the 工作简报 with its number, date, headline numbers and tables, which LibreOffice opens as A4 pages', { timeout: 240_000 }, async () => {
    const briefing = (await t.call('GET', `/api/v1/cooperations/${c.id}/briefing`, { token: tokens['qd.fgw'] })).json<Briefing>();
    const file = await download(`/api/v1/cooperations/${c.id}/documents/briefing.docx`, 'briefing.docx');
    const p = parts(file);
    expectOfficialLayout(p);
    expect(p.document).toContain(`${briefing.cooperation.name}工作简报`);
    expect(p.document).toMatch(/青深协办〔\d{4}〕\d+号/);
    expect(p.document).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(p.document).toContain(`共有任务${briefing.headline.tasks}项`);
    expect(p.document).toContain(`逾期${briefing.headline.overdue}项`);
    for (const heading of ['一、总体情况', '二、领导关注', '四、逾期事项及责任单位', '八、目标指标']) expect(p.document).toContain(heading);
    expect((p.document.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(3);
    for (const unit of briefing.late) if (unit.organizationName) expect(p.document).toContain(unit.organizationName);
    if (hasSoffice) {
      const pdf = pages(file);
      expect(pdf.count).toBeGreaterThan(0);
      expect(pdf.text).toContain('工作简报');
      expect(pdf.text).toMatch(/—\s*1\s*—/);
    }
  });

  it('writes the 督办通报 by unit, and shows 深圳 nothing of 青岛’s own work', { timeout: 240_000 }, async () => {
    const file = await download(`/api/v1/cooperations/${c.id}/documents/bulletin.docx`, 'bulletin.docx', 'sz.fgw');
    const p = parts(file);
    expectOfficialLayout(p);
    expect(p.document).toContain('督办通报');
    expect(p.document).toMatch(/青深督办〔\d{4}〕\d+号/);
    expect(p.document).toContain('二、各责任单位情况');
    expect(p.document).toContain('已发督办单');
    expect(p.document).toContain('w:eastAsia="楷体_GB2312"');
    if (hasSoffice) expect(pages(file).count).toBeGreaterThan(0);
    const outsider = await t.call('GET', `/api/v1/cooperations/${c.id}/documents/bulletin.docx`);
    expect(outsider.statusCode).toBe(401);
  });

  it('writes a 督办单 for one notice, with its number, deadline and units', { timeout: 240_000 }, async () => {
    const briefing = (await t.call('GET', `/api/v1/cooperations/${c.id}/briefing`, { token: tokens['qd.fgw'] })).json<Briefing>();
    const late = briefing.late.find((u) => u.partyName?.includes('青岛'))?.tasks[0];
    expect(late).toBeDefined();
    const issued = await t.call('POST', `/api/v1/tasks/${late?.id}/supervision-notices`, { token: tokens['qd.fgw'], body: { deadline: '2026-12-31', body: '请于期限内完成并反馈。' } });
    expect(issued.statusCode, issued.body).toBe(201);
    const notice = issued.json<{ id: string; number: string }>();
    const file = await download(`/api/v1/supervision-notices/${notice.id}/document.docx`, 'notice.docx');
    const p = parts(file);
    expectOfficialLayout(p);
    expect(p.document).toContain(notice.number);
    expect(p.document).toContain('督办单');
    expect(p.document).toContain('2026年12月31日');
    expect(p.document).toContain(late?.title ?? '—');
    const other = await t.call('GET', `/api/v1/supervision-notices/${notice.id}/document.docx`, { token: tokens['st.fgw'] });
    expect(other.statusCode).toBe(404);
    if (hasSoffice) expect(pages(file).count).toBeGreaterThan(0);
  });

  it('is written by `liandong report briefing|bulletin --period 2026Q4 --format docx -o FILE` for the period the short name names', { timeout: 240_000 }, async () => {
    const briefing = (await t.call('GET', `/api/v1/cooperations/${c.id}/briefing`, { token: tokens['qd.fgw'] })).json<Briefing>();
    const startsOn = briefing.period?.startsOn ?? '';
    const short = `${startsOn.slice(0, 4)}Q${Math.floor((Number(startsOn.slice(5, 7)) - 1) / 3) + 1}`;
    for (const kind of ['briefing', 'bulletin'] as const) {
      const output = path.join(work, `cli-${kind}.docx`);
      expect(await reportCommand(t.services, kind, { cooperation: c.id, period: short, format: 'docx', output, lang: 'zh-CN' })).toContain(output);
      const p = parts(output);
      expectOfficialLayout(p);
      if (briefing.period?.kind === 'quarterly') expect(p.document).toContain(briefing.period.label);
    }
    await expect(reportCommand(t.services, 'briefing', { cooperation: c.id, period: '1999Q1', format: 'docx', lang: 'zh-CN' })).rejects.toThrow(/No reporting period "1999Q1"/);
  });
});
