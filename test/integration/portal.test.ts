import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauses } from '../../src/db/schema/core.ts';
import { taskClauses, tasks } from '../../src/db/schema/work.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

interface CooperationList {
  items: { id: string; name: string; visibility: string; version: number }[];
}

describe.each(databaseFlavours())('public portal on %s', (flavour) => {
  let t: TestApp;
  let qd: string;
  let admin: string;
  let cooperations: CooperationList['items'];
  const byName = (prefix: string) => {
    const found = cooperations.find((c) => c.name.startsWith(prefix));
    if (!found) throw new Error(`demo cooperation ${prefix} missing`);
    return found;
  };
  const page = async (url: string) => {
    const res = await t.call('GET', url);
    return { status: res.statusCode, html: res.body, headers: res.headers };
  };

  beforeAll(async () => {
    t = await startTestApp(flavour);
    qd = await t.login('qd.fgw');
    admin = await t.login('admin');
    cooperations = (await t.call('GET', '/api/v1/cooperations?pageSize=50', { token: admin })).json<CooperationList>().items;
  });
  afterAll(() => t?.close());

  it('lists the public cooperations without login, in Chinese, and leaves the private ones out', async () => {
    const { status, html, headers } = await page('/portal');
    const publicNames = cooperations.filter((c) => c.visibility === 'public').map((c) => c.name);
    const privateNames = cooperations.filter((c) => c.visibility !== 'public').map((c) => c.name);
    console.log(`portal: home lists ${publicNames.length} public cooperations, hides ${privateNames.length} private ones`);
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/^text\/html/);
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toMatch(/<title>公开的跨区域合作 — 联动<\/title>/);
    expect(html).toMatch(/<meta name="description" content="[^"]+">/);
    expect(publicNames.length).toBeGreaterThan(0);
    expect(privateNames.length).toBeGreaterThan(0);
    for (const name of publicNames) expect(html).toContain(name.replaceAll('"', '&#34;'));
    for (const name of privateNames) expect(html).not.toContain(name.replaceAll('"', '&#34;'));
  });

  it("shows a public cooperation's parties, agreement text, areas with directions, projects and targets", async () => {
    const qdSz = byName('青岛—深圳');
    const { status, html } = await page(`/portal/cooperations/${qdSz.id}`);
    expect(status).toBe(200);
    expect(html).toContain('<title>青岛—深圳跨区域合作 — 联动</title>');
    expect(html).toContain('青岛市');
    expect(html).toContain('深圳市');
    expect(html).toContain('协议全文');
    expect(html).toContain('(一)');
    expect(html).toContain('鼓励高校院所互动合作');
    expect(html).toContain('合作项目');
    const cnJp = await page(`/portal/cooperations/${byName('中日').id}`);
    expect(cnJp.html).toContain('目标指标');
    expect(cnJp.html).toMatch(/2025年 [^<]*亿美元/);
    // A party named as its region is named once, not 青岛市（青岛市）.
    expect(html).not.toContain('青岛市（青岛市）');
  });

  it('reads in English when asked, with the text people wrote left as written', async () => {
    const qdSz = byName('青岛—深圳');
    const { status, html } = await page(`/portal/cooperations/${qdSz.id}?lang=en`);
    expect(status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Parties');
    expect(html).toContain('Full text of the agreement');
    expect(html).not.toMatch(/合作方<|协议全文|重点领域</);
    expect(html).toContain('鼓励高校院所互动合作');
    expect(html).toContain(`href="/portal/cooperations/${qdSz.id}"`);
    const home = await page('/portal?lang=en');
    expect(home.html).toContain('Public cross-regional cooperations');
    expect(home.html).toContain(`/portal/cooperations/${qdSz.id}?lang=en`);
    const cnJp = await page(`/portal/cooperations/${byName('中日').id}?lang=en`);
    expect(cnJp.html).toMatch(/2025: [^<]*USD/);
  });

  it('answers a private cooperation exactly like one that does not exist, logged in or not', async () => {
    const dlyt = byName('大连');
    const hidden = await t.call('GET', `/portal/cooperations/${dlyt.id}`, { token: admin });
    const missing = await t.call('GET', '/portal/cooperations/00000000-0000-4000-8000-000000000000');
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    expect(hidden.body).not.toContain('大连');
    // A visitor reads a page, not the API's JSON, for a mistyped link as well.
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.body).toContain('未找到该合作');
    const mistyped = await page('/portal/cooperations/not-a-cooperation?lang=en');
    expect(mistyped.status).toBe(404);
    expect(mistyped.html).toContain('<html lang="en">');
    expect(mistyped.html).toContain('Cooperation not found');
  });

  it('never shows rows of a public cooperation that are shared only with the parties or kept to one side', async () => {
    const qdSz = byName('青岛—深圳');
    const before = await page(`/portal/cooperations/${qdSz.id}`);
    const rows = [
      ['projects', { name: '仅双方可见的项目X1', visibility: 'parties' }],
      ['projects', { name: '仅青岛方可见的项目X2', visibility: 'side' }],
      ['indicators', { name: '仅双方可见的指标X3', unit: '个', visibility: 'parties', targets: [{ year: 2030, value: '7' }] }],
      ['agreements', { kind: 'other', title: '仅青岛方可见的协议X4', visibility: 'side', text: '内部文本X5' }],
    ] as const;
    for (const [collection, body] of rows) {
      const res = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/${collection}`, { token: qd, body });
      expect(res.statusCode).toBe(201);
    }
    const published = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/projects`, { token: qd, body: { name: '公开的新项目X6', visibility: 'public' } });
    expect(published.statusCode).toBe(201);
    const after = await page(`/portal/cooperations/${qdSz.id}`);
    console.log(`portal: 4 non-public rows written to a public cooperation, 0 shown; 1 public row shown right after the write`);
    expect(before.html).not.toContain('公开的新项目X6');
    expect(after.html).toContain('公开的新项目X6');
    for (const marker of ['X1', 'X2', 'X3', 'X4', 'X5']) expect(after.html).not.toContain(marker);
  });

  it('renders what people wrote as text, so stored markup never becomes HTML', async () => {
    const cnJp = byName('中日');
    const attack = `<script>alert("xss")</script><img src=x onerror=alert(1)>"'&`;
    const created = await t.call('POST', `/api/v1/cooperations/${cnJp.id}/projects`, { token: qd, body: { name: `项目${attack}`, investor: attack, visibility: 'public' } });
    expect(created.statusCode).toBe(201);
    const agreement = await t.call('POST', `/api/v1/cooperations/${cnJp.id}/agreements`, { token: qd, body: { kind: 'other', title: `协议${attack}`, visibility: 'public', text: attack } });
    expect(agreement.statusCode).toBe(201);
    const current = (await t.call('GET', `/api/v1/cooperations/${cnJp.id}`, { token: qd })).json<{ version: number }>();
    const patched = await t.call('PATCH', `/api/v1/cooperations/${cnJp.id}`, { token: qd, body: { version: current.version, summary: attack } });
    expect(patched.statusCode).toBe(200);
    for (const url of ['/portal', `/portal/cooperations/${cnJp.id}`]) {
      const { html } = await page(url);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toContain('onerror=alert(1)>');
      expect(html).toContain('&#60;script&#62;alert(&#34;xss&#34;)&#60;/script&#62;');
    }
    console.log('portal: stored <script>/<img onerror> in project, agreement and summary rendered escaped on 2 pages');
  });

  it('shows progress by area as the share of public tasks done, counting no task that is not public', async () => {
    const qdSz = byName('青岛—深圳');
    const { db } = t.services.database;
    const [area] = await db
      .select()
      .from(clauses)
      .where(and(eq(clauses.cooperationId, qdSz.id), isNull(clauses.parentId), eq(clauses.label, '(三)')))
      .limit(1);
    if (!area) throw new Error('area (三) of 青岛—深圳 missing');
    const [direction] = await db.select().from(clauses).where(eq(clauses.parentId, area.id)).limit(1);
    if (!direction) throw new Error('area (三) has no direction');
    const made = await db
      .insert(tasks)
      .values([
        { cooperationId: qdSz.id, title: '公开任务甲', status: 'done', visibility: 'public' },
        { cooperationId: qdSz.id, title: '公开任务乙', status: 'in_progress', visibility: 'public' },
        { cooperationId: qdSz.id, title: '双方任务丙', status: 'done', visibility: 'parties' },
      ])
      .returning({ id: tasks.id });
    await db.insert(taskClauses).values(made.map((task) => ({ cooperationId: qdSz.id, taskId: task.id, clauseId: direction.id })));
    // A write outside the API does not reach the cache; a write through it does.
    const touch = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/projects`, { token: qd, body: { name: '刷新门户缓存的项目', visibility: 'parties' } });
    expect(touch.statusCode).toBe(201);
    const { html } = await page(`/portal/cooperations/${qdSz.id}`);
    const row = html.split('<tr>').find((r) => r.includes(`${area.label}${area.title}`));
    console.log(`portal: area ${area.label}${area.title} with 2 public tasks (1 done) and 1 shared task → ${row?.match(/\d+\/\d+（\d+%）/)?.[0]}`);
    expect(row).toContain('1/2（50%）');
  });

  it('lets browsers and proxies cache pages briefly and keeps the strict content security policy', async () => {
    const { headers, html } = await page('/portal');
    expect(headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(String(headers['content-security-policy'])).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script/i);
  });
});
