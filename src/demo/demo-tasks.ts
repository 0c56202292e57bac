import { SYSTEM_ACTOR, type Actor } from '../modules/access/actor.ts';
import { rowScope } from '../modules/access/policy.ts';
import { agreementRepository } from '../modules/agreement/agreement.repository.ts';
import { authRepository } from '../modules/auth/auth.repository.ts';
import { cooperationRepository } from '../modules/cooperation/cooperation.repository.ts';
import { organizationRepository } from '../modules/organization/organization.repository.ts';
import type { Services } from '../app/services.ts';
import { addDays } from '../modules/task/business-date.ts';
import { taskRepository, type TaskPriority, type TaskUnitInput } from '../modules/task/task.repository.ts';
import { writeTransaction } from '../db/write-transaction.ts';

/**
 * The 青岛—深圳 task ledger: one joint task per direction of the framework
 * agreement (16), a lead unit on each side, 2–3 milestones, and dates around
 * today so the ledger and the 督办 view have late, due-soon, blocked, closing
 * and closed work to show.
 */

const COOPERATION = '青岛—深圳跨区域合作';
const QINGDAO = '370200';
const SHENZHEN = '440300';

type Outcome = 'open' | 'blocked' | 'closing' | 'done';

interface DirectionPlan {
  qingdao: string;
  shenzhen: string;
  co?: { side: typeof QINGDAO | typeof SHENZHEN; unit: string };
  owners: string[];
  /** Days from today to the due date; negative is already late. */
  dueInDays: number;
  priority: TaskPriority;
  milestones: string[];
  reached: number;
  outcome: Outcome;
  tags: string[];
}

const SCIENCE = ['青岛市科学技术局', '深圳市科技创新局'] as const;
const OFFICES = ['qd.fgw', 'sz.fgw'];
const LIAISONS = ['qd.kj', 'sz.kj'];

/** Keyed by the direction's title in the framework agreement, in its order. */
const PLANS: Record<string, DirectionPlan> = {
  鼓励高校院所互动合作: { qingdao: SCIENCE[0], shenzhen: SCIENCE[1], co: { side: QINGDAO, unit: '青岛市教育局' }, owners: LIAISONS, dueInDays: 60, priority: 'high', milestones: ['签订高校院所合作清单', '联合实验室挂牌', '首批联合攻关项目立项'], reached: 1, outcome: 'open', tags: ['科技'] },
  共促新兴产业发展: { qingdao: '青岛市工业和信息化局', shenzhen: '深圳市工业和信息化局', owners: OFFICES, dueInDays: -12, priority: 'urgent', milestones: ['梳理产业链合作清单', '举办产业对接会'], reached: 1, outcome: 'open', tags: ['产业'] },
  协同推进经略海洋: { qingdao: '青岛市海洋发展局', shenzhen: '深圳市规划和自然资源局', owners: OFFICES, dueInDays: 5, priority: 'high', milestones: ['海洋经济合作框架', '海洋科技成果对接'], reached: 0, outcome: 'open', tags: ['海洋'] },
  加强现代农业领域合作: { qingdao: '青岛市农业农村局', shenzhen: '深圳市商务局', owners: OFFICES, dueInDays: -30, priority: 'normal', milestones: ['农产品产销对接', '设立展销窗口'], reached: 1, outcome: 'open', tags: ['农业'] },
  开展金融深层次对接: { qingdao: '青岛市地方金融监督管理局', shenzhen: '深圳市地方金融监督管理局', owners: OFFICES, dueInDays: 90, priority: 'normal', milestones: ['金融机构互设网点对接', '产业基金合作方案'], reached: 0, outcome: 'blocked', tags: ['金融'] },
  推进应用场景开放共享: { qingdao: SCIENCE[0], shenzhen: SCIENCE[1], co: { side: SHENZHEN, unit: '深圳市工业和信息化局' }, owners: LIAISONS, dueInDays: -3, priority: 'normal', milestones: ['发布首批场景清单', '场景供需对接会', '示范项目落地'], reached: 3, outcome: 'done', tags: ['科技'] },
  共建文旅消费新场景: { qingdao: '青岛市文化和旅游局', shenzhen: '深圳市文化广电旅游体育局', owners: OFFICES, dueInDays: 3, priority: 'high', milestones: ['互设文旅推介窗口', '联合推出消费季活动'], reached: 1, outcome: 'open', tags: ['文旅'] },
  共促旅游产品与市场开发: { qingdao: '青岛市文化和旅游局', shenzhen: '深圳市文化广电旅游体育局', owners: OFFICES, dueInDays: 20, priority: 'normal', milestones: ['设计互送客源线路', '开展联合营销'], reached: 2, outcome: 'closing', tags: ['文旅'] },
  深化体育领域合作: { qingdao: '青岛市体育局', shenzhen: '深圳市文化广电旅游体育局', owners: OFFICES, dueInDays: 120, priority: 'low', milestones: ['赛事互办计划', '帆船运动交流'], reached: 0, outcome: 'open', tags: ['体育'] },
  深化海陆空互联互通: { qingdao: '青岛市交通运输局', shenzhen: '深圳市交通运输局', owners: OFFICES, dueInDays: -5, priority: 'high', milestones: ['加密两地航班', '开通海运航线', '多式联运方案'], reached: 1, outcome: 'open', tags: ['交通'] },
  推进重大开放平台交流合作: { qingdao: '青岛市商务局', shenzhen: '深圳市商务局', owners: OFFICES, dueInDays: 45, priority: 'normal', milestones: ['自贸片区结对', '平台政策互鉴清单'], reached: 1, outcome: 'open', tags: ['开放'] },
  开展会展活动交流: { qingdao: '青岛市商务局', shenzhen: '深圳市商务局', owners: OFFICES, dueInDays: -20, priority: 'normal', milestones: ['互邀参展', '联合办展'], reached: 2, outcome: 'done', tags: ['会展'] },
  开展综合改革试点交流: { qingdao: '青岛市发展和改革委员会', shenzhen: '深圳市发展和改革委员会', owners: OFFICES, dueInDays: 200, priority: 'low', milestones: ['改革经验交流会', '形成互鉴清单'], reached: 0, outcome: 'open', tags: ['改革'] },
  优化营商环境互鉴: { qingdao: '青岛市发展和改革委员会', shenzhen: '深圳市发展和改革委员会', owners: OFFICES, dueInDays: 30, priority: 'normal', milestones: ['营商环境指标对标', '政务服务跨城通办'], reached: 1, outcome: 'open', tags: ['营商环境'] },
  加强教育领域交流: { qingdao: '青岛市教育局', shenzhen: '深圳市教育局', owners: OFFICES, dueInDays: -2, priority: 'normal', milestones: ['校长教师互访', '学校结对'], reached: 1, outcome: 'open', tags: ['教育'] },
  深化招才引智合作: { qingdao: '青岛市人力资源和社会保障局', shenzhen: '深圳市人力资源和社会保障局', owners: OFFICES, dueInDays: 75, priority: 'normal', milestones: ['人才政策互通', '联合招聘活动', '干部双向挂职'], reached: 0, outcome: 'open', tags: ['人才'] },
};

/** Demo users as they act after logging in: closing needs each side's own office. */
async function actorsOf(services: Services, usernames: string[]): Promise<Actor[]> {
  const { db } = services.database;
  const actors: Actor[] = [];
  for (const username of usernames) {
    const user = await authRepository.findUserByUsername(db, username);
    if (!user) continue;
    const memberships = await authRepository.membershipsOf(db, user.id);
    actors.push({
      userId: user.id,
      username,
      isAdmin: user.isAdmin,
      organizationId: user.organizationId,
      memberships: memberships.map(({ cooperationId, partyId, role }) => ({ cooperationId, partyId, role })),
    });
  }
  return actors;
}

export async function seedDemoTasks(services: Services): Promise<void> {
  const { db } = services.database;
  const cooperation = await cooperationRepository.findByName(db, COOPERATION);
  if (!cooperation) return;
  const existing = await services.task.ledger(SYSTEM_ACTOR, cooperation.id, { sort: 'createdAt', order: 'asc', page: 1, pageSize: 1 });
  if (existing.total > 0) return;
  const framework = (await agreementRepository.listByCooperation(db, cooperation.id, rowScope(SYSTEM_ACTOR, cooperation.id))).find((a) => a.kind === 'framework');
  if (!framework) return;
  const parties = await cooperationRepository.partiesOf(db, cooperation.id);
  const sideOf = (region: string) => parties.find((p) => p.regionCode === region);
  const actors = await actorsOf(services, [...OFFICES, ...LIAISONS]);
  const userId = (username: string) => actors.find((a) => a.username === username)?.userId;
  const unitIds = new Map<string, string>();
  const named = Object.values(PLANS).flatMap((p) => [
    { region: QINGDAO, name: p.qingdao },
    { region: SHENZHEN, name: p.shenzhen },
    ...(p.co ? [{ region: p.co.side, name: p.co.unit }] : []),
  ]);
  for (const unit of named) {
    const found = unitIds.has(unit.name) ? undefined : await organizationRepository.findByName(db, unit.region, unit.name);
    if (found) unitIds.set(unit.name, found.id);
  }
  const today = services.task.today();
  const startOn = addDays(today, -150);

  const reachedAt = new Date();
  // One transaction for the whole ledger, milestones reached as they are created: seeding stays quick.
  const created = await writeTransaction(db, 'task', async (tx) => {
    const rows = [];
    for (const direction of await taskRepository.directionsOf(tx, framework.id)) {
      const plan = PLANS[direction.title];
      const qingdao = sideOf(QINGDAO);
      const shenzhen = sideOf(SHENZHEN);
      if (!plan || !qingdao || !shenzhen) continue;
      const units: TaskUnitInput[] = [];
      const wanted: { party: string; name: string; role: TaskUnitInput['role'] }[] = [
        { party: qingdao.id, name: plan.qingdao, role: 'lead' },
        { party: shenzhen.id, name: plan.shenzhen, role: 'lead' },
      ];
      if (plan.co) wanted.push({ party: plan.co.side === QINGDAO ? qingdao.id : shenzhen.id, name: plan.co.unit, role: 'co' });
      for (const unit of wanted) {
        const organizationId = unitIds.get(unit.name);
        if (organizationId) units.push({ partyId: unit.party, organizationId, role: unit.role });
      }
      const dueOn = addDays(today, plan.dueInDays);
      const span = plan.dueInDays + 150;
      const task = await services.task.createIn(tx, SYSTEM_ACTOR, cooperation.id, {
        title: direction.title,
        description: `落实《${framework.title}》${direction.label ?? ''}${direction.title}。`,
        source: 'clause',
        agreementId: framework.id,
        clauseIds: [direction.id],
        joint: true,
        visibility: 'parties',
        priority: plan.priority,
        tags: plan.tags,
        startOn,
        dueOn,
        units,
        ownerUserIds: plan.owners.map(userId).filter((id): id is string => !!id),
        milestones: plan.milestones.map((title, i) => ({
          title,
          dueOn: addDays(startOn, Math.round((span * (i + 1)) / plan.milestones.length)),
          doneAt: i < plan.reached ? reachedAt : null,
        })),
      });
      const complete = plan.reached === plan.milestones.length;
      rows.push({ task: complete ? await services.taskClosure.propose(tx, SYSTEM_ACTOR, task, 'last_milestone') : task, plan });
    }
    return rows;
  });

  const office = (region: string) => actors.find((a) => a.username === (region === QINGDAO ? 'qd.fgw' : 'sz.fgw'));
  for (const { task, plan } of created) {
    if (plan.outcome === 'blocked') await services.task.update(SYSTEM_ACTOR, task.id, task.version, { status: 'blocked' });
    if (plan.outcome === 'done') {
      for (const region of [QINGDAO, SHENZHEN]) {
        const approver = office(region);
        if (approver) await services.taskClosure.decide(approver, task.id, 'approved', undefined);
      }
    }
  }
}
