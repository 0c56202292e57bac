import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

/**
 * Parallel, conflicting edits of one record: each writer reads the record,
 * appends its own marker to a list field and writes it back with the version
 * it read. Every write must either be applied or answered 409; the stored
 * list must hold exactly the markers of the applied writes.
 */

interface Subject {
  name: string;
  read(): Promise<{ version: number; list: string[] }>;
  write(version: number, list: string[]): Promise<LightMyRequestResponse>;
}

interface RaceResult {
  applied: string[];
  conflicts: number;
  other: string[];
  attempts: number;
}

/** Writers start together; with `retries`, a writer answered 409 reads again and tries again. */
async function race(subject: Subject, writers: number, retries: number): Promise<RaceResult> {
  const result: RaceResult = { applied: [], conflicts: 0, other: [], attempts: 0 };
  const stamp = Date.now().toString(36);
  await Promise.all(
    Array.from({ length: writers }, async (_, i) => {
      const marker = `w${i}-${stamp}`;
      for (let attempt = 0; attempt <= retries; attempt++) {
        const { version, list } = await subject.read();
        const res = await subject.write(version, [...list, marker]);
        result.attempts++;
        if (res.statusCode === 200) {
          result.applied.push(marker);
          return;
        }
        if (res.statusCode === 409) result.conflicts++;
        else {
          result.other.push(`${res.statusCode} ${res.body.slice(0, 120)}`);
          return;
        }
      }
    }),
  );
  return result;
}

describe.each(databaseFlavours())('no lost updates on %s', (flavour) => {
  let t: TestApp;
  const subjects: Subject[] = [];

  beforeAll(async () => {
    t = await startTestApp(flavour, { demo: false });
    await t.services.user.create(SYSTEM_ACTOR, { username: 'lu.admin', displayName: 'lu.admin', password: 'liandong-lost-update', isAdmin: true, organizationId: null, email: null });
    const token = await t.login('lu.admin', 'liandong-lost-update');
    const created = await t.call('POST', '/api/v1/cooperations', {
      token,
      body: { name: '并发编辑测试合作', parties: [{ regionCode: '370200' }, { regionCode: '440300' }] },
    });
    expect(created.statusCode).toBe(201);
    const cooperationId = created.json<{ id: string }>().id;
    const agreement = await t.call('POST', `/api/v1/cooperations/${cooperationId}/agreements`, { token, body: { kind: 'framework', title: '并发编辑测试协议' } });
    expect(agreement.statusCode).toBe(201);
    const agreementId = agreement.json<{ id: string }>().id;
    const task = await t.call('POST', `/api/v1/cooperations/${cooperationId}/tasks`, { token, body: { title: '并发编辑测试任务' } });
    expect(task.statusCode).toBe(201);
    const taskId = task.json<{ id: string }>().id;

    subjects.push(
      {
        name: 'cooperation principles',
        read: async () => {
          const body = (await t.call('GET', `/api/v1/cooperations/${cooperationId}`, { token })).json<{ version: number; principles: string[] }>();
          return { version: body.version, list: body.principles };
        },
        write: (version, list) => t.call('PATCH', `/api/v1/cooperations/${cooperationId}`, { token, body: { version, principles: list } }),
      },
      {
        name: 'agreement signatories',
        read: async () => {
          const body = (await t.call('GET', `/api/v1/agreements/${agreementId}`, { token })).json<{ version: number; signatories: string[] }>();
          return { version: body.version, list: body.signatories };
        },
        write: (version, list) => t.call('PATCH', `/api/v1/agreements/${agreementId}`, { token, body: { version, signatories: list } }),
      },
      {
        name: 'task tags',
        read: async () => {
          const body = (await t.call('GET', `/api/v1/tasks/${taskId}`, { token })).json<{ version: number; tags: string[] }>();
          return { version: body.version, list: body.tags };
        },
        write: (version, list) => t.call('PATCH', `/api/v1/tasks/${taskId}`, { token, body: { version, tags: list } }),
      },
    );
  });
  afterAll(() => t?.close());

  it('applies exactly one of many parallel edits made from the same version and answers every other one 409', async () => {
    for (const subject of subjects) {
      const before = await subject.read();
      const stamp = `same-${Date.now().toString(36)}`;
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => subject.write(before.version, [...before.list, `${stamp}-${i}`])));
      const applied = answers.map((res, i) => (res.statusCode === 200 ? `${stamp}-${i}` : null)).filter((m): m is string => m !== null);
      const after = await subject.read();
      console.log(`lost-update: ${subject.name}: 8 writes from version ${before.version} → ${applied.length} applied, ${answers.filter((r) => r.statusCode === 409).length} × 409`);
      expect(answers.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
      expect(applied).toHaveLength(1);
      expect(after.version).toBe(before.version + 1);
      expect(after.list).toEqual([...before.list, ...applied]);
    }
  });

  it('keeps every write of writers that re-read after a 409: the final list is exactly the applied ones', async () => {
    for (const subject of subjects) {
      const before = await subject.read();
      const writers = 6;
      const result = await race(subject, writers, 12);
      const after = await subject.read();
      const added = after.list.slice(before.list.length);
      console.log(`lost-update: ${subject.name}: ${writers} writers, ${result.attempts} attempts, ${result.applied.length} applied, ${result.conflicts} × 409, final version ${after.version}`);
      expect(result.other).toEqual([]);
      expect(after.list.slice(0, before.list.length)).toEqual(before.list);
      expect([...added].sort()).toEqual([...result.applied].sort());
      expect(new Set(added).size).toBe(added.length);
      expect(after.version).toBe(before.version + result.applied.length);
      expect(result.attempts).toBe(result.applied.length + result.conflicts);
    }
  });
});
