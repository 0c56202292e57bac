import { eq, sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { cooperations } from '../src/db/schema/core.ts';
import { taskUnits } from '../src/db/schema/work.ts';
import type { Actor } from '../src/modules/access/actor.ts';

export interface DatasetSize {
  cooperations: number;
  tasks: number;
  unitsPerSide: number;
}

/**
 * A synthetic national dataset: cooperations between prefecture-level cities
 * all over China, units on each side, and tasks with a lead unit per side and two milestones,
 * spread over statuses, priorities and three years of due dates. Built with
 * generate_series so 200,000 tasks take seconds, not minutes.
 */
export async function generateNationalDataset(db: Db, size: DatasetSize): Promise<void> {
  await db.execute(sql`
    create temporary table bench_cities as
      select code, name, row_number() over (order by code) as n from regions where level = 'city'`);
  await db.execute(sql`
    insert into cooperations (name, summary, status, visibility)
    select 'bench合作' || g, '基准测试合作 ' || g, 'active', case when g % 5 = 0 then 'public' else 'parties' end
    from generate_series(1, ${size.cooperations}::int) g`);
  await db.execute(sql`
    insert into parties (cooperation_id, region_code, name, ordinal)
    select c.id, city.code, city.name, side
    from (select id, row_number() over (order by name) as n from cooperations where name like 'bench合作%') c
    cross join generate_series(0, 1) side
    join bench_cities city on city.n = 1 + ((c.n * 7 + side * 131) % (select count(*) from bench_cities))`);
  await db.execute(sql`
    insert into organizations (name, kind, region_code)
    select distinct on (p.region_code, u) p.name || '基准单位' || u, 'department', p.region_code
    from parties p join cooperations c on c.id = p.cooperation_id and c.name like 'bench合作%'
    cross join generate_series(1, ${size.unitsPerSide}::int) u
    on conflict do nothing`);
  const perCooperation = Math.ceil(size.tasks / size.cooperations);
  await db.execute(sql`
    insert into tasks (cooperation_id, title, description, source, joint, priority, status, percent, start_on, due_on, tags)
    select c.id,
           '重点任务 ' || c.n || '-' || t,
           '基准测试任务',
           'clause',
           t % 10 <> 0,
           (array['low','normal','normal','high','urgent'])[1 + t % 5],
           (array['not_started','in_progress','in_progress','done','blocked','cancelled'])[1 + ((t * 7 + c.n) % 6)::int],
           (t * 13) % 101,
           date '2025-01-01' + (t % 700),
           date '2025-03-01' + ((t * 37 + c.n) % 1000)::int,
           jsonb_build_array('标签' || (t % 12))
    from (select id, row_number() over (order by name) as n from cooperations where name like 'bench合作%') c
    cross join generate_series(1, ${perCooperation}::int) t`);
  await db.execute(sql`
    insert into task_units (cooperation_id, task_id, party_id, organization_id, role)
    select t.cooperation_id, t.id, p.id, o.id, 'lead'
    from tasks t
    join parties p on p.cooperation_id = t.cooperation_id
    join lateral (
      select id from organizations o
      where o.region_code = p.region_code and o.name like '%基准单位%'
      order by o.name offset (abs(hashtext(t.id::text)) % ${size.unitsPerSide}) limit 1
    ) o on true
    where t.description = '基准测试任务'`);
  // Both sides take part in every bench task, as they have a unit on each; without it no side could decide on them.
  await db.execute(sql`
    update tasks t set sides = (select jsonb_agg(p.id order by p.ordinal) from parties p where p.cooperation_id = t.cooperation_id)
    where t.description = '基准测试任务'`);
  await db.execute(sql`
    insert into milestones (cooperation_id, task_id, title, due_on, done_at, ordinal)
    select t.cooperation_id, t.id, '节点 ' || m, t.due_on - (3 - m) * 60, case when t.percent >= m * 40 then now() end, m
    from tasks t cross join generate_series(1, 2) m
    where t.description = '基准测试任务'`);
  await db.execute(sql`analyze`);
}

/** A task unit of the named cooperation, and the coordinator of its side who reads the ledger in the benchmarks. */
export async function benchCoordinator(db: Db, cooperationName: string) {
  const [sample] = await db
    .select({ cooperationId: taskUnits.cooperationId, partyId: taskUnits.partyId, organizationId: taskUnits.organizationId, taskId: taskUnits.taskId })
    .from(taskUnits)
    .innerJoin(cooperations, eq(cooperations.id, taskUnits.cooperationId))
    .where(eq(cooperations.name, cooperationName))
    .limit(1);
  if (!sample) throw new Error(`dataset has no ${cooperationName}`);
  const coordinator: Actor = {
    userId: '00000000-0000-4000-8000-000000000001',
    username: 'bench',
    isAdmin: false,
    organizationId: null,
    memberships: [{ cooperationId: sample.cooperationId, partyId: sample.partyId, role: 'coordinator' }],
  };
  return { sample, coordinator };
}

/**
 * Projects and money over the national dataset's cooperations: `projects` spread evenly, five signing events per
 * cooperation, and per project one signing at an event, an expansion for one in five, and in-place entries up to
 * `entriesPerProject` in all, over 2020–2026; stages cycle through the default template.
 */
export async function generateProjectsDataset(db: Db, size: { cooperations: number; projects: number; entriesPerProject: number }): Promise<void> {
  await db.execute(sql`
    insert into signing_events (cooperation_id, name, held_on, place, visibility)
    select c.id, '基准签约活动' || e, date '2020-03-01' + e * 300, '基准', 'parties'
    from cooperations c cross join generate_series(1, 5) e where c.name like 'bench合作%'`);
  const perCooperation = Math.ceil(size.projects / size.cooperations);
  await db.execute(sql`
    insert into projects (cooperation_id, name, kind, stage, investor_party_id, host_party_id, industry_code, investment, currency, visibility)
    select c.id, '基准项目' || p, 'investment',
           (array['negotiating','signed','registered','started','operating','operating','halted','ended'])[1 + p % 8],
           (select id from parties where cooperation_id = c.id order by ordinal limit 1),
           (select id from parties where cooperation_id = c.id order by ordinal desc limit 1),
           chr(65 + (p % 20)), (p % 50 + 1) * 10000000, 'CNY', case when p % 7 = 0 then 'public' else 'parties' end
    from cooperations c cross join generate_series(1, ${perCooperation}::int) p where c.name like 'bench合作%'`);
  await db.execute(sql`
    insert into project_transactions (cooperation_id, project_id, kind, basis, signing_event_id, "on", amount, currency)
    select p.cooperation_id, p.id, 'contracted', 'signing', e.id, e.held_on, p.investment, 'CNY'
    from projects p
    join lateral (select id, held_on from signing_events where cooperation_id = p.cooperation_id order by held_on offset abs(hashtext(p.id::text)) % 5 limit 1) e on true
    where p.name like '基准项目%'`);
  await db.execute(sql`
    insert into project_transactions (cooperation_id, project_id, kind, basis, signing_event_id, "on", amount, currency)
    select p.cooperation_id, p.id, 'contracted', 'expansion', e.id, e.held_on, p.investment / 5, 'CNY'
    from projects p
    join lateral (select id, held_on from signing_events where cooperation_id = p.cooperation_id order by held_on desc limit 1) e on true
    where p.name like '基准项目%' and abs(hashtext(p.id::text)) % 5 = 0`);
  await db.execute(sql`
    insert into project_transactions (cooperation_id, project_id, kind, "on", amount, currency)
    select p.cooperation_id, p.id, 'in_place', date '2020-06-30' + (i * 97 + abs(hashtext(p.id::text)) % 90), p.investment / ${size.entriesPerProject * 2}, 'CNY'
    from projects p cross join generate_series(1, ${Math.max(1, size.entriesPerProject - 1)}::int) i
    where p.name like '基准项目%'`);
  await db.execute(sql`analyze`);
}
