import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { reportWorld, type ReportWorld } from './report-fixtures.ts';

/**
 * What a reader learns of rows it may not see: nothing. Refusals of them
 * answer exactly as for rows that do not exist, and counts are computed
 * under the reader's visibility.
 */

interface CooperationList {
  items: { id: string; visibility: string; agreementCount: number }[];
}

describe.each(databaseFlavours())('reader scope on %s', (flavour) => {
  let t: TestApp;
  let w: ReportWorld;

  beforeAll(async () => {
    t = await startTestApp(flavour);
    w = await reportWorld(t);
  });
  afterAll(() => t?.close());

  const agreementCount = async (token: string, cooperationId: string) => {
    const res = await t.call('GET', '/api/v1/cooperations?pageSize=100', { token });
    expect(res.statusCode).toBe(200);
    return res.json<CooperationList>().items.find((c) => c.id === cooperationId)?.agreementCount;
  };

  describe('counts', () => {
    it("counts on the cooperation list only the agreements the reader may open: 深圳 does not count 青岛's own agreement", async () => {
      const before = { qd: await agreementCount(w.tokens.qd, w.cooperationId), sz: await agreementCount(w.tokens.sz, w.cooperationId), admin: await agreementCount(w.tokens.admin, w.cooperationId) };
      const created = await t.call('POST', `/api/v1/cooperations/${w.cooperationId}/agreements`, {
        token: w.tokens.qd,
        body: { kind: 'other', title: '青岛内部计数协议', visibility: 'side', ownerPartyId: w.qd.partyId },
      });
      expect(created.statusCode).toBe(201);
      const seen = (await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/agreements`, { token: w.tokens.sz })).json<{ items: unknown[] }>().items.length;

      expect(await agreementCount(w.tokens.qd, w.cooperationId)).toBe((before.qd ?? 0) + 1);
      expect(await agreementCount(w.tokens.admin, w.cooperationId)).toBe((before.admin ?? 0) + 1);
      expect(await agreementCount(w.tokens.sz, w.cooperationId)).toBe(before.sz);
      expect(await agreementCount(w.tokens.sz, w.cooperationId)).toBe(seen);
    });

    it('gives every reader, on every listed cooperation, the count of agreements it can open there', async () => {
      // A public cooperation 大连 is no member of, with an agreement for its parties only.
      const listed = (await t.call('GET', '/api/v1/cooperations?pageSize=100', { token: w.tokens.dl })).json<CooperationList>().items;
      let foreignPublic: string | undefined;
      for (const c of listed.filter((c) => c.visibility === 'public')) {
        if ((await t.call('GET', `/api/v1/cooperations/${c.id}/memberships`, { token: w.tokens.dl })).statusCode === 403) foreignPublic = c.id;
      }
      if (!foreignPublic) throw new Error('no public cooperation outside 大连');
      const created = await t.call('POST', `/api/v1/cooperations/${foreignPublic}/agreements`, { token: w.tokens.admin, body: { kind: 'other', title: '成员可见协议', visibility: 'parties' } });
      expect(created.statusCode).toBe(201);

      for (const token of [w.tokens.dl, w.tokens.sz, w.tokens.szUnit, w.tokens.leader, w.tokens.qdUnit]) {
        const items = (await t.call('GET', '/api/v1/cooperations?pageSize=100', { token })).json<CooperationList>().items;
        for (const c of items) {
          const opened = (await t.call('GET', `/api/v1/cooperations/${c.id}/agreements`, { token })).json<{ items: unknown[] }>().items.length;
          expect({ cooperation: c.id, count: c.agreementCount }).toEqual({ cooperation: c.id, count: opened });
        }
      }
    });
  });

  describe('refusals', () => {
    type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
    /** The answer with the asked-for id taken out: what may differ between two ids of rows one cannot see. */
    const answer = async (method: Method, url: (id: string) => string, id: string, token: string, body?: unknown) => {
      const res = await t.call(method, url(id), { token, ...(body === undefined ? {} : { body }) });
      return { status: res.statusCode, body: res.body.replaceAll(id, '<id>') };
    };
    const expectAsUnknown = async (method: Method, url: (id: string) => string, hiddenId: string, token: string, body?: unknown) => {
      const hidden = await answer(method, url, hiddenId, token, body);
      expect(hidden.status).toBe(404);
      expect(hidden).toEqual(await answer(method, url, randomUUID(), token, body));
    };
    const created = async (method: Method, url: string, token: string, body: unknown) => {
      const res = await t.call(method, url, { token, body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };

    it("answers a clause of 青岛's own agreement to 深圳 as a clause that does not exist, naming no agreement", async () => {
      const agreementId = await created('POST', `/api/v1/cooperations/${w.cooperationId}/agreements`, w.tokens.qd, { kind: 'other', title: '青岛内部条款协议', visibility: 'side', ownerPartyId: w.qd.partyId });
      const clauseId = await created('POST', `/api/v1/agreements/${agreementId}/clauses`, w.tokens.qd, { level: 'area', title: '青岛内部条款' });
      await expectAsUnknown('PATCH', (id) => `/api/v1/clauses/${id}`, clauseId, w.tokens.sz, { version: 1, title: '改' });
      await expectAsUnknown('DELETE', (id) => `/api/v1/clauses/${id}?version=1`, clauseId, w.tokens.sz);
      await expectAsUnknown('POST', (id) => `/api/v1/clauses/${id}/move`, clauseId, w.tokens.sz, { version: 1, parentId: null, ordinal: 0 });
      const patched = await t.call('PATCH', `/api/v1/clauses/${clauseId}`, { token: w.tokens.sz, body: { version: 1, title: '改' } });
      expect(patched.body).not.toContain(agreementId);
    });

    it('answers a task, its milestones and an agreement of another cooperation as rows that do not exist, naming no cooperation', async () => {
      const listed = (await t.call('GET', '/api/v1/cooperations?q=大连', { token: w.tokens.dl })).json<CooperationList>().items;
      const dalian = listed[0]?.id;
      if (!dalian) throw new Error('demo cooperation 大连—烟台 missing');
      const taskId = await created('POST', `/api/v1/cooperations/${dalian}/tasks`, w.tokens.dl, { title: '大连内部任务', milestones: [{ title: '开工' }] });
      const milestoneId = (await t.call('GET', `/api/v1/tasks/${taskId}/milestones`, { token: w.tokens.dl })).json<{ items: { id: string }[] }>().items[0]?.id ?? '';
      const agreementId = (await t.call('GET', `/api/v1/cooperations/${dalian}/agreements`, { token: w.tokens.dl })).json<{ items: { id: string }[] }>().items[0]?.id ?? '';
      for (const token of [w.tokens.sz, w.tokens.szUnit]) {
        await expectAsUnknown('GET', (id) => `/api/v1/tasks/${id}`, taskId, token);
        await expectAsUnknown('GET', (id) => `/api/v1/tasks/${id}/milestones`, taskId, token);
        await expectAsUnknown('PATCH', (id) => `/api/v1/tasks/${id}`, taskId, token, { version: 1, title: '改' });
        await expectAsUnknown('PATCH', (id) => `/api/v1/milestones/${id}`, milestoneId, token, { version: 1, title: '改' });
        await expectAsUnknown('GET', (id) => `/api/v1/agreements/${id}`, agreementId, token);
        await expectAsUnknown('POST', (id) => `/api/v1/agreements/${id}/tasks/bulk`, agreementId, token, { leadUnits: [{ partyId: w.sz.partyId, organizationId: w.sz.unitOrganizationId }] });
        const res = await t.call('GET', `/api/v1/tasks/${taskId}`, { token });
        expect(res.body).not.toContain(dalian);
      }
    });

    it("shows 深圳 a joint task 青岛 filed under its own agreement without that agreement or its clause, and keeps them when 深圳 changes the clauses", async () => {
      const agreementId = await created('POST', `/api/v1/cooperations/${w.cooperationId}/agreements`, w.tokens.qd, { kind: 'other', title: '青岛内部规划', visibility: 'side', ownerPartyId: w.qd.partyId });
      const ownClause = await created('POST', `/api/v1/agreements/${agreementId}/clauses`, w.tokens.qd, { level: 'area', title: '青岛内部规划条目' });
      const shared = (await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/agreements`, { token: w.tokens.sz })).json<{ items: { id: string; kind: string }[] }>().items.find((a) => a.kind === 'framework');
      const sharedClause = await created('POST', `/api/v1/agreements/${shared?.id}/clauses`, w.tokens.sz, { level: 'area', title: '双方共同条目' });
      const taskId = await created('POST', `/api/v1/cooperations/${w.cooperationId}/tasks`, w.tokens.qd, { title: '青岛规划下的联合任务', agreementId, clauseIds: [ownClause] });

      const forShenzhen = await t.call('GET', `/api/v1/tasks/${taskId}`, { token: w.tokens.sz });
      expect(forShenzhen.statusCode).toBe(200);
      expect(forShenzhen.json()).toMatchObject({ agreementId: null, clauses: [] });
      expect(forShenzhen.body).not.toContain('青岛内部规划');
      expect(forShenzhen.body).not.toContain(agreementId);

      const version = forShenzhen.json<{ version: number }>().version;
      const changed = await t.call('PATCH', `/api/v1/tasks/${taskId}`, { token: w.tokens.sz, body: { version, clauseIds: [sharedClause] } });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json<{ clauses: { id: string }[] }>().clauses.map((c) => c.id)).toEqual([sharedClause]);
      const forQingdao = (await t.call('GET', `/api/v1/tasks/${taskId}`, { token: w.tokens.qd })).json<{ agreementId: string; clauses: { id: string }[] }>();
      expect(forQingdao.agreementId).toBe(agreementId);
      expect(forQingdao.clauses.map((c) => c.id).sort()).toEqual([ownClause, sharedClause].sort());
    });
  });
});
