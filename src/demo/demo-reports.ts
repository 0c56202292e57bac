import type { Actor } from '../modules/access/actor.ts';
import { SYSTEM_ACTOR } from '../modules/access/actor.ts';
import { commentRepository } from '../modules/comment/comment.repository.ts';
import { cooperationRepository } from '../modules/cooperation/cooperation.repository.ts';
import { milestoneRepository } from '../modules/milestone/milestone.repository.ts';
import { periodRepository, type PeriodRow } from '../modules/period/period.repository.ts';
import type { Services } from '../app/services.ts';
import { taskRepository } from '../modules/task/task.repository.ts';

/**
 * Reporting on the 青岛—深圳 demo: the four quarters of 2026, and a few
 * progress reports on its tasks in each state a reviewer meets — approved by
 * both sides, awaiting one side, returned with a reason, and a draft.
 */

const COOPERATION = '青岛—深圳跨区域合作';

interface Reporters {
  units: Map<string, Actor>;
  offices: Map<string, Actor>;
}

type Plan = { period: string; percent: number; narrative: string; figures: { name: string; value: number; unit: string }[]; end: 'approved' | 'awaiting' | 'returned' | 'draft' };

const PLANS: Plan[] = [
  {
    period: '2026年第3季度',
    percent: 40,
    narrative: '双方召开对接会2次，签订合作备忘录1份，首批项目完成选址。',
    figures: [{ name: '投资到位', value: 3000, unit: '万元' }],
    end: 'approved',
  },
  {
    period: '2026年第3季度',
    percent: 25,
    narrative: '完成联合调研，形成工作方案初稿，正在征求双方意见。',
    figures: [],
    end: 'awaiting',
  },
  {
    period: '2026年第4季度',
    percent: 60,
    narrative: '项目主体工程推进中，本季度新增投资到位。',
    figures: [{ name: '投资到位', value: 5200, unit: '万元' }],
    end: 'returned',
  },
  { period: '2026年第4季度', percent: 70, narrative: '（草稿）本季度进展情况待汇总。', figures: [], end: 'draft' },
];

async function periodsOf(services: Services, cooperationId: string): Promise<Pick<PeriodRow, 'id' | 'label'>[]> {
  const existing = await periodRepository.listByCooperation(services.database.db, cooperationId);
  if (existing.length) return existing;
  return services.period.generate(SYSTEM_ACTOR, cooperationId, { kind: 'quarterly', from: '2026-01-01', to: '2026-12-31', dueAfterDays: 15 });
}

/** The demo user who reports on a task for a side: its unit's liaison when that unit works on the task, else the side's office. */
function reporterFor(reporters: Reporters, units: { partyId: string; organizationId: string }[]): Actor | undefined {
  for (const unit of units) {
    const liaison = [...reporters.units.values()].find((a) => a.organizationId === unit.organizationId && a.memberships.some((m) => m.partyId === unit.partyId));
    if (liaison) return liaison;
  }
  for (const unit of units) {
    const office = [...reporters.offices.values()].find((a) => a.memberships.some((m) => m.partyId === unit.partyId && m.role === 'coordinator'));
    if (office) return office;
  }
  return undefined;
}

export async function seedDemoReports(services: Services): Promise<void> {
  const { db } = services.database;
  const cooperation = await cooperationRepository.findByName(db, COOPERATION);
  if (!cooperation) return;
  const periods = await periodsOf(services, cooperation.id);
  const actors = await commentRepository.actorsByUsername(db, ['qd.kj', 'sz.kj', 'qd.fgw', 'sz.fgw']);
  const byName = new Map(actors.map((a) => [a.username, a]));
  const reporters: Reporters = {
    units: new Map([...byName].filter(([name]) => name.endsWith('.kj'))),
    offices: new Map([...byName].filter(([name]) => name.endsWith('.fgw'))),
  };
  // Tasks created in one statement share a creation time and differ only in random ids, so the
  // order is by title, compared by code point: every build gives each plan to the same task,
  // whichever database collates the titles.
  const ledger = await services.task.ledger(SYSTEM_ACTOR, cooperation.id, { sort: 'title', order: 'asc', page: 1, pageSize: 100 });
  const open = ledger.items.filter((t) => t.status !== 'done' && t.status !== 'cancelled').sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  let next = 0;
  for (const task of open) {
    const plan = PLANS[next];
    if (!plan) break;
    const period = periods.find((p) => p.label === plan.period);
    const units = await taskRepository.unitsOf(db, [task.id]);
    const reporter = reporterFor(reporters, units);
    if (!period || !reporter) continue;
    if ((await services.report.listForTask(SYSTEM_ACTOR, task.id)).length) continue;
    next++;
    const milestones = await milestoneRepository.listByTask(db, task.id);
    const draft = await services.report.create(reporter, task.id, {
      periodId: period.id,
      narrative: plan.narrative,
      percent: plan.percent,
      milestonesReached: plan.end === 'approved' && milestones[0] ? [milestones[0].id] : [],
      figures: plan.figures,
      indicatorValues: [],
    });
    if (plan.end === 'draft') continue;
    const submitted = await services.report.submit(reporter, draft.id, draft.version);
    const offices = submitted.decidingSides.flatMap((side) => [...reporters.offices.values()].filter((a) => a.memberships.some((m) => m.partyId === side && m.role === 'coordinator')));
    if (plan.end === 'returned') {
      const office = offices.at(-1);
      if (office) await services.report.review(office, draft.id, { decision: 'returned', reason: '请补充投资到位的银行回单或合同作为佐证材料。' });
      continue;
    }
    const deciding = plan.end === 'awaiting' ? offices.slice(0, Math.max(0, offices.length - 1)) : offices;
    for (const office of deciding) await services.report.review(office, draft.id, { decision: 'approved' });
  }
}
