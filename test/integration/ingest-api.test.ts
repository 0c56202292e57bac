import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

const SEED = fs.readFileSync(path.resolve(import.meta.dirname, '../../src/demo/seeds/000_486529034f761ae3.txt'), 'utf8');

interface Proposal {
  title: string | null;
  parties: string[];
  party_details: { name: string; code: string }[];
  agreement: string | null;
  signed_on: string | null;
  areas: { label: string | null; title: string | null; start: number; end: number; items: { label: string | null; title: string; start: number; end: number }[] }[];
  sub_agreements: string[];
  projects: string[];
  targets: { text: string; year: number | null; indicator: string; value: number; value_max: number | null; unit: string; comparator: string }[];
}

describe.each(databaseFlavours())('ingestion through the API on %s', (flavour) => {
  let t: TestApp;
  let qd: string;
  beforeAll(async () => {
    t = await startTestApp(flavour);
    qd = await t.login('qd.fgw');
  });
  afterAll(() => t?.close());

  it('proposes the structure of a news text, then saves it as a cooperation that reads back the same', async () => {
    const res = await t.call('POST', '/api/v1/ingest', { token: qd, body: { text: SEED } });
    expect(res.statusCode).toBe(200);
    const proposal = res.json<Proposal>();
    expect(proposal.parties).toEqual(['青岛市', '深圳市']);
    const directions = proposal.areas.flatMap((a) => a.items);
    expect(directions).toHaveLength(16);
    for (const d of directions) expect(SEED.slice(d.start, d.end)).toContain(d.title);

    const commit = await t.call('POST', '/api/v1/ingest/commit', {
      token: qd,
      body: {
        cooperation: { name: '青深合作（导入）' },
        parties: proposal.party_details.map((p) => ({ regionCode: p.code })),
        agreement: { title: proposal.agreement ?? '战略合作协议', signedOn: proposal.signed_on, text: SEED },
        areas: proposal.areas.map((a) => ({ label: a.label, title: a.title, start: a.start, end: a.end, items: a.items })),
        sub_agreements: proposal.sub_agreements,
        projects: proposal.projects.map((name) => ({ name })),
        targets: proposal.targets,
      },
    });
    expect(commit.statusCode).toBe(201);
    const saved = commit.json<{ cooperationId: string; agreementId: string; created: { clauses: number } }>();
    expect(saved.created.clauses).toBe(21);

    const cooperation = (await t.call('GET', `/api/v1/cooperations/${saved.cooperationId}`, { token: qd })).json<{ parties: { name: string }[] }>();
    expect(cooperation.parties.map((p) => p.name)).toEqual(['青岛市', '深圳市']);
    const tree = (await t.call('GET', `/api/v1/agreements/${saved.agreementId}/clauses`, { token: qd })).json<{ items: { title: string; children: unknown[] }[] }>();
    expect(tree.items).toHaveLength(5);
    expect(tree.items.flatMap((a) => a.children)).toHaveLength(16);
  });

  it('proposes the same result when the same text is read again', async () => {
    const first = await t.call('POST', '/api/v1/ingest', { token: qd, body: { text: SEED } });
    const second = await t.call('POST', '/api/v1/ingest', { token: qd, body: { text: SEED } });
    expect(second.json()).toEqual(first.json());
  });

  it('answers an empty text with an empty structure, and an oversized one with 413', async () => {
    const empty = await t.call('POST', '/api/v1/ingest', { token: qd, body: { text: '' } });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ parties: [], areas: [], amounts: [] });
    const huge = await t.call('POST', '/api/v1/ingest', { token: qd, body: { text: '合作'.repeat(2_600_000) } });
    expect(huge.statusCode).toBe(413);
  });

  it('saves nothing when any part of a commit is invalid', async () => {
    const before = (await t.call('GET', '/api/v1/cooperations?pageSize=100', { token: qd })).json<{ total: number }>().total;
    const res = await t.call('POST', '/api/v1/ingest/commit', {
      token: qd,
      body: {
        cooperation: { name: '不应保存的合作' },
        parties: [{ regionCode: '370200' }, { regionCode: '999999' }],
        agreement: { title: '协议', text: '正文' },
      },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('region.not_found');
    expect((await t.call('GET', '/api/v1/cooperations?pageSize=100', { token: qd })).json<{ total: number }>().total).toBe(before);
  });
});
