import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { reportWorld, type ReportWorld } from './report-fixtures.ts';

/**
 * What a reader learns of rows it may not see: nothing. Counts are computed
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
});
