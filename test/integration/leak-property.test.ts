import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type MembershipRole } from '../../src/modules/access/actor.ts';
import { organizationRepository } from '../../src/modules/organization/organization.repository.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { buildUrl, collectionBefore, listOperations, minimalValue, type JsonSchema, type OpenApiDocument, type Operation } from '../setup/openapi-requests.ts';
import { PDF, upload } from './report-fixtures.ts';
import { createTask, qingdaoShenzhen, type QingdaoShenzhen } from './task-fixtures.ts';

/**
 * The leak property (issue 9): rows that only 青岛's side of 青岛—深圳 may
 * see, and rows of the public 中日示范区 kept for its parties, each carry a
 * marker no one else may ever read. Every GET route of the
 * OpenAPI document is then called by everyone else: 深圳's office, its unit
 * user and its leader, an observer on 青岛's side (observers do not see a
 * side's own rows), an office of another cooperation, anonymous, and API
 * tokens (of 深圳's office, and of 青岛's own office issued for another
 * cooperation). Path parameters are filled with the hidden rows' ids, the
 * visible rows' ids, and every id the caller's own answers name (lists are
 * followed, page by page); queries get each filter value and the hidden ids.
 * No answer, body or header, may carry a marker. Routes come from the
 * document, so a route added later is called too; a GET route whose path
 * parameter the test cannot fill fails it.
 */

/** GET routes not called, each with its reason. Keep this short. */
const EXCLUDED: Record<string, string> = {
  // It prints the briefing's JSON answer for the same reader, which this test calls; Chromium per call would take minutes.
  'GET /api/v1/cooperations/{id}/briefing.pdf': 'renders GET /cooperations/{id}/briefing',
};

/** Path parameters that are not row ids: the agreement text version. */
const LITERAL_PARAMS: Record<string, string[]> = { number: ['1', '2'], '*': ['index.html', 'cooperations'] };

/** The id fields of answers that name a collection other than their plural (`noticeId` → supervision-notices). */
const ID_FIELD_COLLECTIONS: Record<string, string> = { noticeId: 'supervision-notices', supersedesId: 'reports', subjectId: 'reports' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Ids a caller discovers by itself, per collection, beyond the seeded ones: enough to follow every kind of link, bounded in time. */
const DISCOVERED_PER_COLLECTION = 25;
const MAX_PAGES = 10;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const plural = (name: string) => (name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`);
const collectionOfIdField = (key: string) => ID_FIELD_COLLECTIONS[key] ?? plural(kebab(key.slice(0, -2)));

interface Reader {
  label: string;
  /** Bearer session or API token; none for anonymous. */
  token: string | null;
}

describe.each(databaseFlavours())('no marker of one side reaches anyone else on %s', (flavour) => {
  let t: TestApp;
  let c: QingdaoShenzhen;
  const markers: { kind: string; marker: string }[] = [];
  /** Ids of the rows made for the test, hidden and visible, by collection: every caller tries them all. */
  const seeded = new Map<string, Set<string>>();
  const readers: Reader[] = [];

  const mark = (kind: string) => {
    const marker = `LKM${randomBytes(6).toString('hex')}${kind}`;
    markers.push({ kind, marker });
    return marker;
  };
  const seed = (collection: string, id: string) => {
    if (!seeded.has(collection)) seeded.set(collection, new Set());
    seeded.get(collection)?.add(id);
    return id;
  };
  const created = async (res: LightMyRequestResponse, what: string) => {
    expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
    return res.json<{ id: string; version: number }>();
  };

  async function addUser(username: string, organization: string | null, membership: { partyId: string; role: MembershipRole }) {
    const organizationId = organization ? ((await organizationRepository.findByName(t.services.database.db, '440300', organization))?.id ?? null) : null;
    await t.services.user.create(SYSTEM_ACTOR, { username, displayName: username, password: 'liandong-leak-1', isAdmin: false, organizationId, email: null });
    await t.services.cooperation.addMembership(SYSTEM_ACTOR, c.id, { username, ...membership });
    return t.login(username, 'liandong-leak-1');
  }

  async function cooperationNamed(token: string, prefix: string) {
    const list = (await t.call('GET', '/api/v1/cooperations?pageSize=100', { token })).json<{ items: { id: string; name: string }[] }>();
    const found = list.items.find((i) => i.name.startsWith(prefix));
    if (!found) throw new Error(`cooperation ${prefix} missing`);
    return found.id;
  }

  async function issueToken(owner: string, cooperationId: string, scope: 'read' | 'write', name = `leak ${scope}`) {
    const res = await t.call('POST', `/api/v1/cooperations/${cooperationId}/api-tokens`, { token: owner, body: { name, scope } });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ id: string; token: string }>();
    seed('api-tokens', body.id);
    return body.token;
  }

  /** 青岛's own rows, each with markers, and the shared rows they hang off. */
  async function buildWorld() {
    const [admin, qd, qdUnit, sz, szUnit, dl] = await Promise.all(['admin', 'qd.fgw', 'qd.kj', 'sz.fgw', 'sz.kj', 'dl.fgw'].map((u) => t.login(u)));
    if (!admin || !qd || !qdUnit || !sz || !szUnit || !dl) throw new Error('demo logins missing');
    c = await qingdaoShenzhen(t, qd);
    const cooperations = (await t.call('GET', '/api/v1/cooperations?pageSize=100', { token: admin })).json<{ items: { id: string }[] }>().items;
    for (const co of cooperations) seed('cooperations', co.id);
    for (const party of [c.qingdao, c.shenzhen]) seed('parties', party);
    seed('organizations', c.unit('青岛市科学技术局'));
    seed('regions', '370200');
    // An account of 青岛's side, for the admin area's GET /users/{id} (administrators only).
    seed('users', (await t.call('GET', '/api/v1/users?q=qd.kj', { token: admin })).json<{ items: { id: string }[] }>().items[0]?.id ?? '');
    const own = { visibility: 'side', ownerPartyId: c.qingdao };
    const qdScience = { partyId: c.qingdao, organizationId: c.unit('青岛市科学技术局'), role: 'lead' };

    // A 青岛-only agreement with a clause, amended once so it has two text versions.
    const agreement = await created(
      await t.call('POST', `/api/v1/cooperations/${c.id}/agreements`, { token: qd, body: { kind: 'departmental', title: mark('agreement'), text: mark('agreement-text'), signatories: [mark('signatory')], ...own } }),
      'hidden agreement',
    );
    seed('agreements', agreement.id);
    seed('agreements', c.frameworkId);
    await created(await t.call('POST', `/api/v1/agreements/${agreement.id}/amendments`, { token: qd, body: { version: agreement.version, text: mark('amended-text'), note: mark('amendment-note') } }), 'amendment');
    const clause = await created(await t.call('POST', `/api/v1/agreements/${agreement.id}/clauses`, { token: qd, body: { level: 'area', title: mark('clause'), body: mark('clause-body') } }), 'hidden clause');
    seed('clauses', clause.id);

    // A 青岛-only task serving it, with a milestone, a comment, a submitted report with evidence, and a 督办 notice.
    const task = await createTask(t, qd, c, {
      title: mark('task'),
      description: mark('task-description'),
      joint: false,
      tags: [mark('tag')],
      clauseIds: [clause.id],
      agreementId: agreement.id,
      units: [qdScience],
      milestones: [{ title: mark('milestone') }],
      ...own,
    });
    seed('tasks', task.id);
    for (const m of task.milestones) seed('milestones', m.id);
    seed('comments', (await created(await t.call('POST', `/api/v1/tasks/${task.id}/comments`, { token: qdUnit, body: { body: mark('task-comment') } }), 'task comment')).id);
    const periods = (await t.call('GET', `/api/v1/cooperations/${c.id}/periods`, { token: qd })).json<{ items: { id: string; closedAt: string | null }[] }>().items;
    // The first period still taking reports: the demo's earlier years are closed.
    const periodId = periods.find((p) => !p.closedAt)?.id;
    if (!periodId) throw new Error('demo periods missing');
    seed('periods', periodId);
    const report = await created(await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: qdUnit, body: { periodId, narrative: mark('report'), percent: 20 } }), 'hidden report');
    seed('reports', report.id);
    seed('attachments', (await created(await upload(t, qdUnit, report.id, `${mark('evidence')}.pdf`, PDF), 'evidence')).id);
    await created(await t.call('POST', `/api/v1/reports/${report.id}/submit`, { token: qdUnit, body: { version: report.version } }), 'submit');
    seed('comments', (await created(await t.call('POST', `/api/v1/reports/${report.id}/comments`, { token: qd, body: { body: mark('report-comment') } }), 'report comment')).id);
    // 青岛's office returns the report and refuses to close the task, each with its reasons.
    await created(await t.call('POST', `/api/v1/reports/${report.id}/review`, { token: qd, body: { decision: 'returned', reason: mark('review-reason') } }), 'review');
    await created(await t.call('POST', `/api/v1/tasks/${task.id}/close-request`, { token: qd }), 'close request');
    await created(await t.call('POST', `/api/v1/tasks/${task.id}/close-approvals`, { token: qd, body: { decision: 'returned', reason: mark('closing-reason') } }), 'closing decision');
    const notice = await created(await t.call('POST', `/api/v1/tasks/${task.id}/supervision-notices`, { token: qd, body: { deadline: '2027-06-30', body: mark('notice') } }), 'notice');
    seed('supervision-notices', notice.id);

    // A project and an indicator of 青岛's own; the project serves the hidden clause and task, is signed at 青岛's own
    // signing event, has money (a correction with its reason) and a halt with its reason.
    const hiddenEvent = await created(await t.call('POST', `/api/v1/cooperations/${c.id}/signing-events`, { token: qd, body: { name: mark('signing-event'), place: mark('event-place'), heldOn: '2024-05-01', ...own } }), 'hidden event');
    seed('signing-events', hiddenEvent.id);
    const hiddenProject = await created(
      await t.call('POST', `/api/v1/cooperations/${c.id}/projects`, {
        token: qd,
        body: { name: mark('project'), investor: mark('investor'), address: mark('project-address'), contactName: mark('project-contact'), clauseIds: [clause.id], taskIds: [task.id], stageOn: '2024-01-01', ...own },
      }),
      'project',
    );
    seed('projects', hiddenProject.id);
    await created(await t.call('POST', `/api/v1/projects/${hiddenProject.id}/transactions`, { token: qd, body: { kind: 'contracted', signingEventId: hiddenEvent.id, on: '2024-05-01', amount: '100000000' } }), 'hidden contracted');
    await created(await t.call('POST', `/api/v1/projects/${hiddenProject.id}/transactions`, { token: qd, body: { kind: 'in_place', on: '2024-06-01', amount: '-1000', reason: mark('money-reason') } }), 'hidden correction');
    await created(await t.call('POST', `/api/v1/projects/${hiddenProject.id}/stage-changes`, { token: qd, body: { version: hiddenProject.version, stage: 'halted', on: '2024-07-01', reason: mark('stage-reason') } }), 'hidden halt');
    // A project both sides see, signed at the hidden event and serving the hidden clause and task: 深圳 sees the project, not them.
    const sharedProject = await created(await t.call('POST', `/api/v1/cooperations/${c.id}/projects`, { token: qd, body: { name: '双方可见的签约项目', clauseIds: [clause.id], taskIds: [task.id] } }), 'shared project');
    seed('projects', sharedProject.id);
    await created(await t.call('POST', `/api/v1/projects/${sharedProject.id}/transactions`, { token: qd, body: { kind: 'contracted', signingEventId: hiddenEvent.id, on: '2024-05-01', amount: '200000000' } }), 'shared contracted');
    seed('cross-side-transactions', (await created(await t.call('POST', `/api/v1/cooperations/${c.id}/cross-side-transactions`, { token: qd, body: { kind: 'procurement', on: '2024-03-01', amount: '5000', note: mark('cross-side-note'), ...own } }), 'hidden trade')).id);
    const indicator = await created(
      await t.call('POST', `/api/v1/cooperations/${c.id}/indicators`, {
        token: qd,
        body: { name: mark('indicator'), unit: '个', description: mark('indicator-description'), units: [{ partyId: c.qingdao, organizationId: c.unit('青岛市科学技术局') }], targets: [{ year: 2026, value: '10', sourceText: mark('target-source') }], ...own },
      }),
      'indicator',
    );
    seed('indicators', indicator.id);
    await created(await t.call('POST', `/api/v1/indicators/${indicator.id}/actuals`, { token: qd, body: { periodId, value: '3', sourceNote: mark('actual-source') } }), 'indicator actual');

    // A joint task both sides see, with 青岛's unit's draft report on it: the draft, its evidence and its comment stay with the unit.
    const shared = await createTask(t, qd, c, { title: '双方共同推进的任务' });
    seed('tasks', shared.id);
    // A joint task 青岛 files under its own agreement's clause: 深圳 sees the task, not what it serves.
    seed('tasks', (await createTask(t, qd, c, { title: '依托青岛自有条目的联合任务', clauseIds: [clause.id], agreementId: agreement.id })).id);
    const draft = await created(await t.call('POST', `/api/v1/tasks/${shared.id}/reports`, { token: qdUnit, body: { periodId, narrative: mark('draft'), percent: 40, figures: [{ name: mark('draft-figure'), value: 1, unit: '个' }] } }), 'draft');
    seed('reports', draft.id);
    seed('attachments', (await created(await upload(t, qdUnit, draft.id, `${mark('draft-evidence')}.pdf`, PDF), 'draft evidence')).id);
    const draftComment = await t.call('POST', `/api/v1/reports/${draft.id}/comments`, { token: qdUnit, body: { body: mark('draft-comment') } });
    if (draftComment.statusCode < 300) seed('comments', draftComment.json<{ id: string }>().id);

    // 中日示范区 is public, but rows it keeps for its parties are not: none of the callers below is one of its members.
    const cnJp = await cooperationNamed(qd, '中日');
    const membersOnly = { visibility: 'parties' };
    const cnJpAgreement = await created(
      await t.call('POST', `/api/v1/cooperations/${cnJp}/agreements`, { token: qd, body: { kind: 'departmental', title: mark('members-agreement'), text: mark('members-agreement-text'), ...membersOnly } }),
      'members-only agreement',
    );
    seed('agreements', cnJpAgreement.id);
    seed('clauses', (await created(await t.call('POST', `/api/v1/agreements/${cnJpAgreement.id}/clauses`, { token: qd, body: { level: 'area', title: mark('members-clause') } }), 'members-only clause')).id);
    seed('tasks', (await created(await t.call('POST', `/api/v1/cooperations/${cnJp}/tasks`, { token: qd, body: { title: mark('members-task'), ...membersOnly } }), 'members-only task')).id);
    seed('projects', (await created(await t.call('POST', `/api/v1/cooperations/${cnJp}/projects`, { token: qd, body: { name: mark('members-project'), ...membersOnly } }), 'members-only project')).id);
    seed('signing-events', (await created(await t.call('POST', `/api/v1/cooperations/${cnJp}/signing-events`, { token: qd, body: { name: mark('members-event'), heldOn: '2024-05-01', ...membersOnly } }), 'members-only event')).id);
    seed('cross-side-transactions', (await created(await t.call('POST', `/api/v1/cooperations/${cnJp}/cross-side-transactions`, { token: qd, body: { kind: 'tourism', on: '2024-03-01', quantity: '10', unit: '人次', note: mark('members-trade'), ...membersOnly } }), 'members-only trade')).id);
    seed('indicators', (await created(await t.call('POST', `/api/v1/cooperations/${cnJp}/indicators`, { token: qd, body: { name: mark('members-indicator'), unit: '个', ...membersOnly } }), 'members-only indicator')).id);

    // 青岛's office's own token: its name is the office's business.
    await issueToken(qd, c.id, 'read', mark('token-name'));
    // A notification only 青岛's unit user gets (the notice above sends one), so the inbox routes have something to keep.
    const inbox = (await t.call('GET', '/api/v1/notifications?pageSize=200', { token: qdUnit })).json<{ items: { id: string }[] }>().items;
    for (const n of inbox) seed('notifications', n.id);
    expect(inbox.length, '青岛 unit user got the notice').toBeGreaterThan(0);

    const szLeader = await addUser('sz.leader.leak', '深圳市人民政府', { partyId: c.shenzhen, role: 'leader' });
    const qdObserver = await addUser('qd.observer.leak', null, { partyId: c.qingdao, role: 'observer' });
    readers.push(
      { label: '深圳 office', token: sz },
      { label: '深圳 unit user', token: szUnit },
      { label: '深圳 leader', token: szLeader },
      { label: '青岛 observer', token: qdObserver },
      { label: 'office of another cooperation (大连)', token: dl },
      { label: 'anonymous', token: null },
      { label: '深圳 office read token', token: await issueToken(sz, c.id, 'read') },
      { label: '深圳 office write token', token: await issueToken(sz, c.id, 'write') },
      { label: '深圳 office token for 深圳—汕头', token: await issueToken(sz, await cooperationNamed(sz, '深圳—汕头'), 'write') },
      { label: '青岛 office token for 胶东五市', token: await issueToken(qd, await cooperationNamed(qd, '胶东五市'), 'write') },
      { label: '大连 office token', token: await issueToken(dl, await cooperationNamed(dl, '大连—烟台'), 'read') },
    );
  }

  beforeAll(async () => {
    t = await startTestApp(flavour);
    await buildWorld();
  });
  afterAll(() => t?.close());

  /** The collection a path parameter takes ids from, or null for a literal parameter. */
  function collectionOf(op: Operation, param: string): string | null {
    if (LITERAL_PARAMS[param]) return null;
    if (param === 'code') return 'regions';
    if (param.endsWith('Id') && param !== 'id') return collectionOfIdField(param);
    return collectionBefore(op.path, param);
  }

  /** The collection a GET route lists: its last segment, when that is a plain name the answer's items are rows of. */
  function listedCollection(op: Operation): string | null {
    const last = op.path.split('/').at(-1) ?? '';
    return last && !last.startsWith('{') ? last : null;
  }

  /** Every id an answer names, by collection: items of the route's own collection, nested collections by their key, and `…Id` fields. */
  function harvest(value: unknown, collection: string | null, into: Map<string, Set<string>>) {
    const add = (col: string, id: string) => {
      if (!into.has(col)) into.set(col, new Set());
      into.get(col)?.add(id);
    };
    if (Array.isArray(value)) {
      for (const v of value) harvest(v, collection, into);
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string' && UUID.test(v) && collection) add(collection, v);
      else if (key.endsWith('Id') && typeof v === 'string' && UUID.test(v)) add(collectionOfIdField(key), v);
      else if (key.endsWith('Ids') && Array.isArray(v)) {
        for (const id of v) if (typeof id === 'string' && UUID.test(id)) add(collectionOfIdField(key.slice(0, -1)), id);
      } else if (typeof v === 'object' && v) harvest(v, key === 'items' || key === 'children' ? collection : kebab(key), into);
    }
  }

  /** Query variants: required parameters at their smallest, lists at their largest page, then one filter at a time (id filters: the rows made for the test). */
  function queryVariants(op: Operation): Record<string, string | number>[] {
    const base: Record<string, string | number> = {};
    for (const q of op.queryParams) {
      if (q.required) base[q.name] = minimalValue(q.schema, q.name, () => undefined) as string | number;
      if (q.name === 'pageSize' && typeof q.schema.maximum === 'number') base.pageSize = q.schema.maximum;
    }
    const variants = [base];
    for (const q of op.queryParams) {
      const schema: JsonSchema = q.schema.anyOf?.find((s) => s.type !== 'null') ?? q.schema;
      const values: (string | number)[] = [];
      if (schema.enum) values.push(...(schema.enum.filter((v) => typeof v === 'string' || typeof v === 'number') as (string | number)[]));
      else if (schema.type === 'boolean') values.push('true', 'false');
      else if (q.name === 'q') values.push('LKM');
      else if (q.name.endsWith('Id')) values.push(...(seeded.get(collectionOfIdField(q.name)) ?? []));
      else if (schema.type === 'array' && schema.items?.enum) values.push(...(schema.items.enum as string[]));
      for (const value of values) variants.push({ ...base, [q.name]: value });
    }
    return variants;
  }

  it('shows no marker of 青岛’s own rows, drafts or personal rows to anyone else, on any GET route', { timeout: 600_000 }, async () => {
    const doc = (await t.call('GET', '/api/docs/json')).json<OpenApiDocument>();
    const gets = listOperations(doc).filter((op) => op.method === 'GET' && !EXCLUDED[op.key]);
    expect(gets.length).toBeGreaterThan(30);

    // Every path parameter must be one the test can fill: a route it cannot call fails here, not silently.
    const unfillable = gets.flatMap((op) =>
      op.pathParams
        .filter(({ name }) => {
          const collection = collectionOf(op, name);
          return collection === null ? !LITERAL_PARAMS[name] : !seeded.get(collection)?.size;
        })
        .map(({ name }) => `${op.key}: no ids for {${name}} (${collectionOf(op, name) ?? 'literal'})`),
    );
    expect(unfillable).toEqual([]);

    const leaks: string[] = [];
    const serverErrors: string[] = [];
    const calls = new Map<string, number>();

    for (const reader of readers) {
      const discovered = new Map<string, Set<string>>();
      const ids = (collection: string) => [...(seeded.get(collection) ?? []), ...[...(discovered.get(collection) ?? [])].slice(0, DISCOVERED_PER_COLLECTION)];
      const done = new Set<string>();
      const headers: Record<string, string> = reader.token ? { authorization: `Bearer ${reader.token}` } : {};
      // Calls reveal new ids, which open new calls: go round until a round adds nothing.
      for (let round = 0; round < 6; round++) {
        let fresh = 0;
        for (const op of gets) {
          const combos: Record<string, string>[] = [{}];
          for (const { name } of op.pathParams) {
            const collection = collectionOf(op, name);
            const values = collection === null ? (LITERAL_PARAMS[name] ?? []) : [...new Set(ids(collection))];
            combos.splice(0, combos.length, ...combos.flatMap((combo) => values.map((v) => ({ ...combo, [name]: v }))));
          }
          for (const params of combos) {
            for (const query of queryVariants(op)) {
              for (let page = 1; page <= MAX_PAGES; page++) {
                const url = buildUrl(op.path, params, page > 1 ? { ...query, page } : query);
                if (done.has(url)) break;
                done.add(url);
                fresh++;
                calls.set(op.key, (calls.get(op.key) ?? 0) + 1);
                const res = await t.app.inject({ method: 'GET', url, headers });
                if (res.statusCode >= 500) serverErrors.push(`${reader.label}: ${url} answered ${res.statusCode}`);
                const seen = `${JSON.stringify(res.headers)}\n${res.body}`;
                for (const { kind, marker } of markers) if (seen.includes(marker)) leaks.push(`${reader.label}: ${url} (${res.statusCode}) shows the ${kind}`);
                if (res.statusCode !== 200 || !String(res.headers['content-type'] ?? '').includes('json')) break;
                const body = res.json<unknown>();
                harvest(body, listedCollection(op), discovered);
                const paging = body as { total?: unknown; page?: unknown; pageSize?: unknown };
                if (typeof paging.total !== 'number' || typeof paging.pageSize !== 'number' || typeof paging.page !== 'number') break;
                if (paging.page * paging.pageSize >= paging.total) break;
              }
            }
          }
        }
        if (!fresh) break;
      }
    }

    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    console.log(
      [
        `leak property on ${flavour}: ${markers.length} markers in ${new Set(markers.map((m) => m.kind)).size} row kinds, ${readers.length} callers, ${gets.length} GET routes, ${total} requests, ${leaks.length} leaks`,
        `excluded: ${Object.entries(EXCLUDED).map(([k, why]) => `${k} (${why})`).join('; ') || 'none'}`,
        ...[...calls].map(([key, n]) => `  ${String(n).padStart(5)}  ${key}`),
      ].join('\n'),
    );
    if (leaks.length) console.log(`!!! leaks:\n${[...new Set(leaks)].slice(0, 200).join('\n')}`);
    // Every route was called by someone: a route never reached proves nothing.
    expect(gets.filter((op) => !calls.get(op.key)).map((op) => op.key)).toEqual([]);
    expect.soft(serverErrors).toEqual([]);
    expect([...new Set(leaks)]).toEqual([]);
  });

  it('finds the markers where their own side reads them, so a silent answer is not mistaken for a safe one', async () => {
    const qd = await t.login('qd.fgw');
    const qdUnit = await t.login('qd.kj');
    const seenBy = async (token: string, urls: string[]) => {
      let text = '';
      for (const url of urls) text += (await t.call('GET', url, { token })).body;
      return markers.filter((m) => text.includes(m.marker)).map((m) => m.kind);
    };
    const [task] = [...(seeded.get('tasks') ?? [])];
    const [agreement] = [...(seeded.get('agreements') ?? [])];
    const reports = [...(seeded.get('reports') ?? [])];
    const office = await seenBy(qd, [
      `/api/v1/tasks/${task}`,
      `/api/v1/tasks/${task}/comments`,
      `/api/v1/agreements/${agreement}`,
      `/api/v1/agreements/${agreement}/versions/1`,
      `/api/v1/agreements/${agreement}/clauses`,
      `/api/v1/cooperations/${c.id}/projects`,
      ...[...(seeded.get('projects') ?? [])].map((id) => `/api/v1/projects/${id}`),
      `/api/v1/cooperations/${c.id}/signing-events`,
      `/api/v1/cooperations/${c.id}/cross-side-transactions`,
      `/api/v1/cooperations/${c.id}/indicators`,
      `/api/v1/tasks/${task}/supervision-notices`,
      `/api/v1/reports/${reports[0]}`,
      `/api/v1/reports/${reports[0]}/comments`,
      `/api/v1/reports/${reports[0]}/attachments`,
      `/api/v1/cooperations/${c.id}/api-tokens`,
    ]);
    expect(office).toEqual(
      expect.arrayContaining(['agreement', 'agreement-text', 'clause', 'task', 'task-description', 'milestone', 'task-comment', 'report', 'evidence', 'report-comment', 'review-reason', 'closing-reason', 'notice', 'project', 'project-address', 'project-contact', 'money-reason', 'stage-reason', 'signing-event', 'event-place', 'cross-side-note', 'indicator', 'indicator-description', 'target-source', 'actual-source', 'token-name']),
    );
    const unit = await seenBy(qdUnit, [`/api/v1/reports/${reports[1]}`, `/api/v1/reports/${reports[1]}/attachments`]);
    expect(unit).toEqual(expect.arrayContaining(['draft', 'draft-evidence']));
  });
});
