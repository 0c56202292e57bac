import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../src/db/schema/platform.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

interface Cooperation {
  id: string;
  name: string;
  visibility: string;
  version: number;
}
interface CreatedToken {
  id: string;
  token: string;
  scope: string;
}

describe.each(databaseFlavours())('API tokens on %s', (flavour) => {
  let t: TestApp;
  let qd: string;
  let admin: string;
  let all: Cooperation[];
  const byName = (prefix: string) => {
    const found = all.find((c) => c.name.startsWith(prefix));
    if (!found) throw new Error(`demo cooperation ${prefix} missing`);
    return found;
  };
  const createToken = async (session: string, cooperationId: string, scope: 'read' | 'write', name = `${scope} token`) => {
    const res = await t.call('POST', `/api/v1/cooperations/${cooperationId}/api-tokens`, { token: session, body: { name, scope } });
    expect(res.statusCode).toBe(201);
    return res.json<CreatedToken>();
  };

  beforeAll(async () => {
    t = await startTestApp(flavour);
    qd = await t.login('qd.fgw');
    admin = await t.login('admin');
    all = (await t.call('GET', '/api/v1/cooperations?pageSize=50', { token: admin })).json<{ items: Cooperation[] }>().items;
  });
  afterAll(() => t?.close());

  it('shows the secret once, with its own prefix, and stores only a hash of it', async () => {
    const qdSz = byName('青岛—深圳');
    const created = await createToken(qd, qdSz.id, 'read');
    expect(created.token).toMatch(/^ldt_[A-Za-z0-9_-]{40,}$/);
    const listed = (await t.call('GET', `/api/v1/cooperations/${qdSz.id}/api-tokens`, { token: qd })).json<{ items: Record<string, unknown>[] }>();
    const row = listed.items.find((i) => i.id === created.id);
    expect(row).toMatchObject({ name: 'read token', scope: 'read', username: 'qd.fgw', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const [stored] = await t.services.database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.token.slice(4));
  });

  it('lets a read token read its cooperation and refuses every write with 403', async () => {
    const qdSz = byName('青岛—深圳');
    const { token } = await createToken(qd, qdSz.id, 'read');
    const read = await t.call('GET', `/api/v1/cooperations/${qdSz.id}/agreements`, { token });
    const patch = await t.call('PATCH', `/api/v1/cooperations/${qdSz.id}`, { token, body: { version: qdSz.version, summary: 'by a read token' } });
    const create = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/projects`, { token, body: { name: 'read token project' } });
    console.log(`api tokens: read token GET ${read.statusCode}, PATCH ${patch.statusCode}, POST ${create.statusCode}`);
    expect(read.statusCode).toBe(200);
    expect(patch.statusCode).toBe(403);
    expect(create.statusCode).toBe(403);
  });

  it('lets a write token write in its cooperation, as the user who made it would', async () => {
    const qdSz = byName('青岛—深圳');
    const { token } = await createToken(qd, qdSz.id, 'write');
    const create = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/projects`, { token, body: { name: '写令牌建立的项目' } });
    expect(create.statusCode).toBe(201);
    const unit = await t.login('qd.kj');
    const { token: unitToken } = await createToken(unit, qdSz.id, 'write');
    // A unit user may not change the cooperation's structure, and neither may its token.
    expect((await t.call('POST', `/api/v1/cooperations/${qdSz.id}/projects`, { token: unitToken, body: { name: '单位令牌' } })).statusCode).toBe(403);
  });

  it('reaches nothing outside its cooperation: not another one of the user, not a public one, not platform registers', async () => {
    const qdSz = byName('青岛—深圳');
    const jiaodong = byName('胶东');
    const cnJp = byName('中日');
    const { token } = await createToken(qd, jiaodong.id, 'write');
    const own = await t.call('GET', `/api/v1/cooperations/${jiaodong.id}`, { token });
    const otherOfUser = await t.call('GET', `/api/v1/cooperations/${cnJp.id}/agreements`, { token });
    const publicOne = await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token });
    const list = (await t.call('GET', '/api/v1/cooperations?pageSize=50', { token })).json<{ items: Cooperation[] }>();
    const register = await t.call('POST', '/api/v1/cooperations', { token, body: { name: '令牌登记的合作', parties: [{ regionCode: '370200' }, { regionCode: '440300' }] } });
    console.log(`api tokens: own cooperation ${own.statusCode}, user's other cooperation ${otherOfUser.statusCode}, public cooperation ${publicOne.statusCode}, register ${register.statusCode}, list ${list.items.length} item(s)`);
    expect(own.statusCode).toBe(200);
    expect(otherOfUser.statusCode).toBe(404);
    expect(publicOne.statusCode).toBe(404);
    expect(list.items.map((c) => c.id)).toEqual([jiaodong.id]);
    expect(register.statusCode).toBe(403);
  });

  it("confines an administrator's token to its cooperation too", async () => {
    const dlyt = byName('大连');
    const szSt = byName('深圳—汕头');
    const { token } = await createToken(admin, dlyt.id, 'read');
    expect((await t.call('GET', `/api/v1/cooperations/${dlyt.id}/agreements`, { token })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/cooperations/${szSt.id}`, { token })).statusCode).toBe(404);
  });

  it('stops working once revoked, and tokens cannot mint or revoke tokens', async () => {
    const qdSz = byName('青岛—深圳');
    const created = await createToken(qd, qdSz.id, 'write');
    const mint = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/api-tokens`, { token: created.token, body: { name: 'child', scope: 'write' } });
    expect(mint.statusCode).toBe(403);
    const revoke = await t.call('DELETE', `/api/v1/cooperations/${qdSz.id}/api-tokens/${created.id}`, { token: qd });
    expect(revoke.statusCode).toBe(204);
    const after = await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token: created.token });
    console.log(`api tokens: after revoke → ${after.statusCode}`);
    expect(after.statusCode).toBe(401);
  });

  it("does not let one user revoke or see another user's token", async () => {
    const qdSz = byName('青岛—深圳');
    const created = await createToken(qd, qdSz.id, 'read');
    const sz = await t.login('sz.fgw');
    const revoke = await t.call('DELETE', `/api/v1/cooperations/${qdSz.id}/api-tokens/${created.id}`, { token: sz });
    const listed = (await t.call('GET', `/api/v1/cooperations/${qdSz.id}/api-tokens`, { token: sz })).json<{ items: { id: string }[] }>();
    expect(revoke.statusCode).toBe(404);
    expect(listed.items.map((i) => i.id)).not.toContain(created.id);
    expect((await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token: created.token })).statusCode).toBe(200);
  });

  it('answers an unknown or malformed token as not logged in', async () => {
    expect((await t.call('GET', '/api/v1/me', { token: 'ldt_not-a-real-token' })).statusCode).toBe(401);
    expect((await t.call('GET', '/api/v1/me', { token: 'ldt_' })).statusCode).toBe(401);
  });
});
