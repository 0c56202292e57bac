import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser } from './browser.ts';
import { runCli, startServer, type RunningServer } from './server-harness.ts';
import { screenshot } from './screenshots.ts';
import { chooseOption, fillDate, tick } from './select.ts';
import { openCooperationList } from './navigation.ts';

/**
 * Issue 11's proof that the web app alone sets up and runs a cooperation: an instance without demo data, its one
 * administrator created on the command line before the first start, and everything after that done through the
 * pages as the people concerned would (the API only reads back what they did). The steps depend on each other,
 * so the tests run in order on one server.
 */

const ADMIN_PASSWORD = 'admin-first-pass-2026';
const SEED_TEXT = '/work/shared/seeds/000_486529034f761ae3.txt';
const YEAR = new Date().getFullYear();

const COOPERATION = '青岛—宁波港航合作';
const AGREEMENT = '青岛市人民政府 宁波市人民政府港航合作框架协议';
const AGREEMENT_TEXT = '# 港航合作框架协议\n\n一、共建航运服务平台。两地港航部门共建航运服务平台。\n二、推动港口数据互通。';
const AREA = '港航协同';
const DIRECTION = '共建航运服务平台';
const TASK = '共建青岛宁波航运服务平台';
const TASK_RENAMED = '共建青岛宁波航运服务平台（一期）';
const QD_UNIT = '青岛市交通运输局';
const NB_UNIT = '宁波市交通运输局';
const MILESTONES = ['平台方案获两市批复', '平台上线试运行'];
const NARRATIVE = '两市交通运输局完成平台需求对接，方案已报两市政府。';
const NOTICE = '请于两周内报送平台方案批复进展。';

/** Each person's own password, chosen at their first login. */
const OWN_PASSWORD: Record<string, string> = {
  'qd.office': 'qd-office-own-pass',
  'nb.office': 'nb-office-own-pass',
  'qd.jt': 'qd-jt-own-pass',
  'nb.jt': 'nb-jt-own-pass',
};

/** The form item labelled `label` inside `scope`, where antd shows that field's choice and message. */
const fieldOf = (scope: Locator, label: string) => scope.locator('.ant-form-item', { has: scope.page().getByText(label, { exact: true }) });

async function choose(page: Page, scope: Locator, label: string, option: string, typed?: string): Promise<void> {
  await chooseOption(page, { combobox: scope.getByRole('combobox', { name: label }), option, typed, shown: fieldOf(scope, label) });
}

/** As the signed-in user, through the API: only to check what the pages did. */
async function read<T>(page: Page, apiPath: string): Promise<T> {
  const response = await page.request.get(`/api/v1${apiPath}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

describe.skipIf(!chromiumAvailable())('an instance without demo data, set up and run from the web app alone', () => {
  let root = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const errors = new Map<Page, string[]>();
  /** What the admin or an office was shown once for a new account. */
  const temporary = new Map<string, string>();
  let cooperationPath = '';
  let taskPath = '';

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'liandong-e2e-empty-'));
    const dataDir = path.join(root, 'data');
    // The operator's one step before the first start: the administrator, with a password kept out of the shell history.
    await runCli(dataDir, ['user', 'create', '--username', 'admin', '--display-name', '平台管理员', '--admin'], { LIANDONG_NEW_PASSWORD: ADMIN_PASSWORD });
    const [started, launched] = await Promise.allSettled([startServer({ dataDir, serveArgs: ['--no-demo'] }), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });

  // Each step builds on the ones before: after a failure the rest would only fail the same way, slowly.
  let failed = false;
  afterEach(({ task }) => {
    if (task.result?.state === 'fail') failed = true;
  });
  beforeEach(({ skip }) => {
    if (failed) skip('an earlier step failed');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    if (!browser || !server) throw new Error('the server or the browser did not start');
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', baseURL: server.baseUrl });
    const page = await context.newPage();
    const thrown: string[] = [];
    page.on('pageerror', (error) => thrown.push(error.message));
    errors.set(page, thrown);
    return page;
  }

  async function finish(page: Page): Promise<void> {
    await page.context().close();
    expect(errors.get(page)).toEqual([]);
  }

  async function submitLogin(page: Page, username: string, password: string): Promise<void> {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  /** Logs in with the person's own password, or — the first time — with the one shown once, and chooses their own. */
  async function logIn(username: string): Promise<Page> {
    const page = await newPage();
    const once = temporary.get(username);
    if (username === 'admin') await submitLogin(page, username, ADMIN_PASSWORD);
    else if (once) {
      await submitLogin(page, username, once);
      const required = page.getByTestId('password-change-required');
      await required.getByLabel('当前密码').fill(once);
      await required.getByLabel('新密码', { exact: true }).fill(OWN_PASSWORD[username] ?? '');
      await required.getByLabel('再次输入新密码').fill(OWN_PASSWORD[username] ?? '');
      await required.getByRole('button', { name: /修改密码/ }).click();
      temporary.delete(username);
    } else await submitLogin(page, username, OWN_PASSWORD[username] ?? '');
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  /** The password shown once for a new account, then the dialog showing it closed. */
  async function keepTemporary(page: Page, username: string): Promise<void> {
    const shown = page.getByTestId('temporary-password');
    await shown.waitFor();
    temporary.set(username, await shown.innerText());
    await page.getByTestId('temporary-password-close').click();
  }

  async function openSettingsTab(page: Page, tab: string): Promise<void> {
    await page.goto(`${cooperationPath}/settings`);
    await page.getByRole('tab', { name: tab }).click();
  }

  it('lets the administrator register the two cooperation offices, each with its unit registered on the spot', async () => {
    const page = await logIn('admin');
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByTestId('user-table').getByText('admin').waitFor();
    for (const [username, name, city, unit] of [
      ['qd.office', '青岛市发改委协调办', '青岛', '青岛市发展和改革委员会'],
      ['nb.office', '宁波市发改委协调办', '宁波', '宁波市发展和改革委员会'],
    ] as const) {
      await page.getByTestId('new-user').click();
      const dialog = page.getByRole('dialog', { name: '新建用户' });
      await dialog.getByLabel('用户名').fill(username);
      await dialog.getByLabel('姓名').fill(name);
      // No unit exists yet on an empty instance: the search finds none, and the unit is registered from the form.
      await dialog.getByTestId('new-unit-toggle').click();
      const inline = dialog.getByTestId('new-unit-inline');
      await chooseOption(page, { combobox: inline.getByRole('combobox', { name: '新单位的行政区划' }), typed: city, option: `${city}市`, shown: inline });
      await inline.getByRole('button', { name: '登记单位' }).click();
      await inline.getByText('请填写单位名称').waitFor();
      await inline.getByLabel('单位名称').fill(unit);
      await inline.getByRole('button', { name: '登记单位' }).click();
      await fieldOf(dialog, '所在单位').getByText(`${unit} · ${city}市`).waitFor();
      // Appointed an office, it may create cooperations before it is the office of one.
      await tick(dialog.getByTestId('user-is-office'));
      if (username === 'qd.office') await screenshot(page, 'admin-user-new-unit');
      await dialog.getByRole('button', { name: /创\s*建/ }).click();
      await keepTemporary(page, username);
      await page.getByTestId('user-table').locator('tr', { hasText: username }).getByText(unit).waitFor();
    }
    const users = await read<{ items: { username: string; organizationName: string | null; organizationRegionName: string | null; isOffice: boolean }[] }>(page, '/users?pageSize=50');
    expect(users.items.map((u) => [u.username, u.organizationName, u.organizationRegionName, u.isOffice]).sort()).toEqual([
      ['admin', null, null, false],
      ['nb.office', '宁波市发展和改革委员会', '宁波市', true],
      ['qd.office', '青岛市发展和改革委员会', '青岛市', true],
    ]);
    await finish(page);
  });

  it("lets 青岛's office create a cooperation with 宁波 by hand, name 宁波's office afterwards, register its units and people and generate the periods", async () => {
    const page = await logIn('qd.office');
    // An office starts at the overview, which has nothing to show yet and says where to begin.
    await page.getByTestId('overview-empty').getByText('还没有您可以查看的合作').waitFor();
    await openCooperationList(page);
    await page.getByTestId('new-cooperation').click();
    const form = page.getByTestId('new-cooperation-form');
    await form.getByLabel('合作名称').fill(COOPERATION);
    for (const [number, city] of [
      [1, '青岛'],
      [2, '宁波'],
    ] as const) {
      const region = page.getByRole('combobox', { name: `第 ${number} 方的行政区划` });
      await chooseOption(page, { combobox: region, typed: city, option: `${city}市`, shown: form.locator('.ant-select', { has: region }) });
    }
    const periods = page.getByRole('combobox', { name: '报送周期' });
    await chooseOption(page, { combobox: periods, option: '暂不生成', shown: form.locator('.ant-form-item', { has: periods }) });
    await page.getByRole('dialog').getByRole('button', { name: /创\s*建/ }).click();
    await expect.poll(() => page.getByTestId('cooperation-name').innerText().catch(() => '')).toBe(COOPERATION);
    cooperationPath = new URL(page.url()).pathname;
    const checklist = page.getByTestId('setup-checklist');
    for (const missing of ['宁波市还没有协调办', '还没有报送周期', '还没有协议', '还没有任务']) await checklist.getByText(missing).waitFor();
    // Each region already has a unit: the one its office belongs to, registered by the admin.
    expect(await checklist.innerText()).not.toContain('还没有单位');
    expect(await checklist.innerText()).not.toContain('青岛市还没有协调办');

    // 宁波 was left without an office: 青岛's office names its first one, from the checklist.
    await checklist.locator('li', { hasText: '宁波市还没有协调办' }).getByRole('link', { name: '指定协调办' }).click();
    const add = page.getByTestId('add-member');
    await choose(page, add, '合作方', '宁波市');
    await add.getByTestId('appoint-office-hint').waitFor();
    await fieldOf(add, '角色').getByText('协调办').waitFor();
    await add.getByLabel('用户名').fill('nb.office');
    await add.getByTestId('add-member-submit').click();
    await page.getByTestId('member-table').getByText('nb.office').waitFor();

    await page.getByRole('tab', { name: '单位' }).click();
    await page.getByTestId('new-unit-370200').click();
    const unitDialog = page.getByRole('dialog', { name: /新建单位/ });
    await unitDialog.getByLabel('单位名称').fill(QD_UNIT);
    await unitDialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByText(`已新建单位${QD_UNIT}`).waitFor();
    // 宁波's units are 宁波's office's to register.
    expect(await page.getByTestId('new-unit-330200').count()).toBe(0);

    await page.getByRole('tab', { name: '成员' }).click();
    await page.getByTestId('add-member').getByText('新建用户并加入').click();
    const person = page.getByTestId('new-member-form');
    await person.getByLabel('用户名').fill('qd.jt');
    await person.getByLabel('姓名').fill('青岛市交通运输局联络员');
    await choose(page, person, '所在单位', QD_UNIT);
    await page.getByTestId('new-member-submit').click();
    await keepTemporary(page, 'qd.jt');
    await page.getByTestId('member-table').getByText('qd.jt').waitFor();

    await page.getByRole('tab', { name: '报送周期' }).click();
    await page.getByTestId('generate-submit').click();
    await page.getByText('已生成 4 个报送周期').waitFor();
    const cooperationId = cooperationPath.split('/')[2] ?? '';
    const listed = await read<{ items: { label: string }[] }>(page, `/cooperations/${cooperationId}/periods`);
    expect(listed.items.map((p) => p.label)).toEqual([1, 2, 3, 4].map((q) => `${YEAR}年第${q}季度`));
    await finish(page);
  });

  it("lets 宁波's office, named by the other side, register its own unit and its unit's user", async () => {
    const page = await logIn('nb.office');
    await openCooperationList(page);
    await page.getByRole('link', { name: COOPERATION }).click();
    await page.getByTestId('cooperation-name').waitFor();
    await openSettingsTab(page, '单位');
    await page.getByTestId('new-unit-330200').click();
    const unitDialog = page.getByRole('dialog', { name: /新建单位/ });
    await unitDialog.getByLabel('单位名称').fill(NB_UNIT);
    await unitDialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByText(`已新建单位${NB_UNIT}`).waitFor();

    await page.getByRole('tab', { name: '成员' }).click();
    await page.getByTestId('add-member').getByText('新建用户并加入').click();
    const person = page.getByTestId('new-member-form');
    await person.getByLabel('用户名').fill('nb.jt');
    await person.getByLabel('姓名').fill('宁波市交通运输局联络员');
    await choose(page, person, '所在单位', NB_UNIT);
    await page.getByTestId('new-member-submit').click();
    await keepTemporary(page, 'nb.jt');
    await page.getByTestId('member-table').getByText('nb.jt').waitFor();
    await finish(page);
  });

  it("lets 青岛's office register the agreement with its clauses and a task with a lead unit per side and milestones", async () => {
    const page = await logIn('qd.office');
    await page.goto(cooperationPath);
    await page.getByRole('button', { name: '登记协议' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('协议名称').fill(AGREEMENT);
    await fillDate(dialog.getByLabel('签署日期'), `${YEAR}-03-18`);
    await dialog.getByLabel('签署地点').fill('宁波');
    await dialog.getByLabel('协议原文').fill(AGREEMENT_TEXT);
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByTestId('agreement-title').getByText(AGREEMENT).waitFor();

    await page.getByRole('button', { name: '添加领域' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('条目名称').fill(AREA);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const tree = page.getByTestId('clause-tree');
    await tree.getByText(AREA).click();
    await page.getByRole('button', { name: '添加下级条目' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('序号').fill('1.');
    await dialog.getByLabel('条目名称').fill(DIRECTION);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await tree.getByText(DIRECTION).waitFor();
    await expect.poll(() => page.getByTestId('clause-summary').innerText()).toContain('1 个领域，1 个方向');

    await page.goto(cooperationPath);
    await page.getByTestId('task-ledger-link').click();
    await page.getByTestId('new-task').click();
    dialog = page.getByRole('dialog', { name: '新建任务' });
    await dialog.getByRole('textbox', { name: '任务名称' }).fill(TASK);
    await choose(page, dialog, '对应条目', DIRECTION, '航运');
    await dialog.getByText('任务名称', { exact: true }).click();
    await choose(page, dialog, '青岛市牵头单位', QD_UNIT, '交通');
    await choose(page, dialog, '宁波市牵头单位', NB_UNIT, '交通');
    await fillDate(dialog.getByLabel('开始日期'), `${YEAR}-01-01`);
    await fillDate(dialog.getByLabel('完成时限'), `${YEAR + 1}-06-30`);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('task-ledger').getByRole('link', { name: TASK }).click();
    await page.getByTestId('task-title').getByText(TASK).waitFor();
    taskPath = new URL(page.url()).pathname;

    for (const [index, title] of MILESTONES.entries()) {
      await page.getByRole('button', { name: '添加里程碑' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('里程碑名称').waitFor();
      await dialog.getByLabel('里程碑名称').fill(title);
      await fillDate(dialog.getByLabel('计划完成日期'), `${YEAR + 1}-0${index + 3}-31`);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByTestId('milestones').locator('.ant-list-item', { hasText: title }).waitFor();
    }
    const task = await read<{ sides: { partyName: string; lead: { name: string } | null }[]; clauses: { title: string }[] }>(page, `/tasks/${taskPath.split('/')[2]}`);
    expect(task.sides.map((side) => [side.partyName, side.lead?.name]).sort()).toEqual([
      ['宁波市', NB_UNIT],
      ['青岛市', QD_UNIT],
    ]);
    expect(task.clauses.map((c) => c.title)).toEqual([DIRECTION]);
    await finish(page);
  });

  it('lets the lead unit report with an evidence file and both offices approve it', async () => {
    const unit = await logIn('qd.jt');
    await unit.goto(taskPath);
    const form = unit.getByTestId('report-form');
    await form.waitFor();
    await unit.getByTestId('report-narrative').fill(NARRATIVE);
    const evidence = path.join(root, '平台方案.pdf');
    await writeFile(evidence, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    await form.locator('input[type=file]').setInputFiles(evidence);
    await form.getByText('平台方案.pdf').waitFor();
    await unit.getByTestId('submit-report').click();
    const entry = (page: Page) => page.getByTestId('report-entry').filter({ hasText: NARRATIVE });
    await entry(unit).locator('[data-report-status=submitted]').waitFor();
    await entry(unit).getByText('平台方案.pdf').waitFor();
    await finish(unit);

    for (const office of ['qd.office', 'nb.office']) {
      const page = await logIn(office);
      await page.goto(taskPath);
      await entry(page).getByTestId('approve-report').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('reason-text').fill(`${office === 'qd.office' ? '青岛' : '宁波'}同意。`);
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      if (office === 'nb.office') await entry(page).locator('[data-report-status=approved]').waitFor();
      await finish(page);
    }
  });

  it("lets 青岛's office correct the task, move a milestone up and issue a 督办 notice, which the lead unit signs", async () => {
    const page = await logIn('qd.office');
    await page.goto(taskPath);
    await page.getByRole('button', { name: '编辑任务' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('任务名称').fill(TASK_RENAMED);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('task-title').getByText(TASK_RENAMED).waitFor();

    const milestones = page.getByTestId('milestones');
    await milestones.locator('.ant-list-item', { hasText: MILESTONES[1] }).getByRole('button', { name: '上移' }).click();
    await expect.poll(() => milestones.locator('.ant-list-item-meta-title').allInnerTexts()).toEqual([MILESTONES[1], MILESTONES[0]]);

    await page.getByRole('button', { name: /发督办单/ }).click();
    const notice = page.getByRole('dialog');
    const recipients = fieldOf(notice, '签收单位');
    await chooseOption(page, { combobox: recipients.getByRole('combobox'), option: QD_UNIT, shown: recipients });
    await notice.getByLabel('督办事项').fill(NOTICE);
    await notice.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('notices').locator('.ant-list-item', { hasText: NOTICE }).getByText(`${QD_UNIT} 待签收`).waitFor();

    const unit = await logIn('qd.jt');
    await unit.goto(taskPath);
    const received = unit.getByTestId('notices').locator('.ant-list-item', { hasText: NOTICE });
    await received.getByRole('button', { name: /签\s*收/ }).click();
    await expect.poll(() => received.getByRole('button').count(), { timeout: 15_000 }).toBe(0);
    expect(await received.getByTestId('notice-recipients').innerText()).toContain('青岛市交通运输局联络员');
    await finish(unit);

    const taskId = taskPath.split('/')[2] ?? '';
    const task = await read<{ title: string; milestones: { title: string }[] }>(page, `/tasks/${taskId}`);
    expect(task.title).toBe(TASK_RENAMED);
    expect(task.milestones.map((m) => m.title)).toEqual([MILESTONES[1], MILESTONES[0]]);
    const reports = await read<{ items: { status: string; attachments?: unknown[] }[] }>(page, `/tasks/${taskId}/reports`);
    expect(reports.items.map((r) => r.status)).toEqual(['approved']);
    await finish(page);
  });

  it("lets 青岛's office import a seed text as a second cooperation, of which it is 青岛's office only", async () => {
    const page = await logIn('qd.office');
    await page.getByRole('link', { name: '导入文本' }).click();
    await page.getByRole('textbox', { name: '待识别文本' }).fill(await readFile(SEED_TEXT, 'utf8'));
    await page.getByTestId('analyse').click();
    const setup = page.getByTestId('section-setup');
    await setup.waitFor();
    expect(await setup.getByTestId('own-office').innerText()).toContain('青岛市发展和改革委员会');
    await page.getByTestId('save-import').click();
    await page.getByTestId('cooperation-name').waitFor();
    const checklist = page.getByTestId('setup-checklist');
    await checklist.getByText('深圳市还没有协调办').waitFor();
    expect(await checklist.innerText()).not.toContain('青岛市还没有协调办');
    expect(await checklist.innerText()).not.toContain('报送周期');

    const cooperations = await read<{ items: { id: string; name: string }[] }>(page, '/cooperations?pageSize=50');
    expect(cooperations.items).toHaveLength(2);
    const imported = cooperations.items.find((c) => c.name !== COOPERATION);
    const detail = await read<{ parties: { regionName: string; hasOffice: boolean }[] }>(page, `/cooperations/${imported?.id}`);
    expect(detail.parties.map((p) => [p.regionName, p.hasOffice]).sort()).toEqual([
      ['深圳市', false],
      ['青岛市', true],
    ]);
    const agreements = await read<{ items: { id: string }[] }>(page, `/cooperations/${imported?.id}/agreements`);
    expect(agreements.items.length).toBeGreaterThan(0);
    await finish(page);
  });
});
