import { SYSTEM_ACTOR } from '../modules/access/actor.ts';
import { cooperationRepository } from '../modules/cooperation/cooperation.repository.ts';
import { organizationRepository } from '../modules/organization/organization.repository.ts';
import type { Services } from '../app/services.ts';
import { signingEventRepository } from '../modules/signing-event/signing-event.repository.ts';
import { writeTransaction } from '../db/write-transaction.ts';

/**
 * Projects, money and trade drawn from the seeds: the 20 projects signed at "深圳企业家青岛行" on 2020-07-16
 * (总投资180亿元), with their stages and funds in place up to 2026; the 中日(青岛) zone's named projects; and
 * 大连—烟台's 绿证 trade by quarter. Names and splits are plausible, not real companies' commitments; every
 * figure is fixed here, so two demo databases are alike.
 */

const YI = 100_000_000;

interface EventProject {
  name: string;
  industry: string;
  division: string;
  district: string;
  /** 签约额 in 亿元. */
  yi: number;
  /** The furthest step reached, with the day: registered, started, operating. */
  path: [stage: string, on: string][];
  /** Funds in place per year (亿元). */
  funds: [year: number, yi: number][];
  plannedStart?: string;
  halted?: [on: string, reason: string];
}

const QD_SZ_PROJECTS: EventProject[] = [
  { name: '深青智能终端制造基地', industry: 'C', division: '39', district: '370211', yi: 15, path: [['registered', '2020-09-20'], ['started', '2021-03-18'], ['operating', '2022-10-09']], funds: [[2020, 2], [2021, 5], [2022, 4], [2023, 2]] },
  { name: '青岛智慧城市运营中心', industry: 'I', division: '65', district: '370202', yi: 12, path: [['registered', '2020-08-28'], ['started', '2020-12-01'], ['operating', '2021-11-15']], funds: [[2020, 3], [2021, 6], [2022, 2]] },
  { name: '青深科创母基金', industry: 'J', division: '67', district: '370212', yi: 20, path: [['registered', '2020-09-01'], ['operating', '2020-12-30']], funds: [[2020, 5], [2021, 5], [2022, 4], [2023, 3], [2024, 2]] },
  { name: '精准医学检测中心', industry: 'M', division: '73', district: '370212', yi: 8, path: [['registered', '2020-11-05'], ['started', '2021-05-20'], ['operating', '2023-04-12']], funds: [[2021, 3], [2022, 3], [2023, 1.5]] },
  { name: '胶州湾海上风电项目', industry: 'D', division: '44', district: '370281', yi: 25, path: [['registered', '2021-01-15'], ['started', '2022-06-30']], funds: [[2021, 2], [2022, 6], [2023, 5], [2024, 4], [2025, 3], [2026, 1.5]], plannedStart: '2021-12-31' },
  { name: '新能源商用车整车项目', industry: 'C', division: '36', district: '370215', yi: 18, path: [['registered', '2020-10-10'], ['started', '2021-04-26'], ['operating', '2023-09-01']], funds: [[2020, 1], [2021, 5], [2022, 6], [2023, 4]] },
  { name: '智慧冷链物流产业园', industry: 'G', division: '59', district: '370214', yi: 10, path: [['registered', '2020-09-30'], ['started', '2021-07-08'], ['operating', '2022-12-20']], funds: [[2021, 4], [2022, 4], [2023, 1]] },
  { name: '工业互联网创新中心', industry: 'I', division: '64', district: '370213', yi: 6, path: [['registered', '2020-08-20'], ['started', '2020-11-11'], ['operating', '2021-09-09']], funds: [[2020, 2], [2021, 3], [2022, 1]] },
  { name: '鲲鹏生态软件适配中心', industry: 'I', division: '65', district: '370212', yi: 5, path: [['registered', '2020-09-08'], ['operating', '2021-06-18']], funds: [[2020, 1], [2021, 2.5], [2022, 1]] },
  { name: '海洋无人装备研发基地', industry: 'C', division: '37', district: '370211', yi: 4, path: [['registered', '2021-02-22']], funds: [[2021, 0.5], [2022, 0.3]], plannedStart: '2022-06-30', halted: ['2023-05-10', '投资方调整海外布局，项目暂缓'] },
  { name: '邮轮母港综合开发项目', industry: 'K', division: '70', district: '370202', yi: 16, path: [['registered', '2021-03-01'], ['started', '2022-03-15']], funds: [[2021, 2], [2022, 3], [2023, 3], [2024, 2], [2025, 2], [2026, 1]], plannedStart: '2021-09-30' },
  { name: '红土创新投资基金', industry: 'J', division: '67', district: '370212', yi: 10, path: [['registered', '2020-08-25'], ['operating', '2020-10-30']], funds: [[2020, 3], [2021, 3], [2022, 2], [2023, 1]] },
  { name: '医疗器械北方区域总部', industry: 'C', division: '35', district: '370214', yi: 5, path: [['registered', '2020-10-28'], ['started', '2021-05-06'], ['operating', '2022-08-18']], funds: [[2021, 2], [2022, 2], [2023, 0.6]] },
  { name: '储能电池生产线项目', industry: 'C', division: '38', district: '370281', yi: 9, path: [['registered', '2020-12-15'], ['started', '2021-09-28'], ['operating', '2023-06-30']], funds: [[2021, 2], [2022, 3], [2023, 2], [2024, 1]] },
  { name: '滨海文旅综合体', industry: 'R', division: '90', district: '370211', yi: 6, path: [['registered', '2021-04-12'], ['started', '2022-09-01']], funds: [[2022, 1], [2023, 1.5], [2024, 1], [2025, 0.8]], plannedStart: '2021-12-31' },
  { name: '蓝色硅谷科技园', industry: 'L', division: '72', district: '370215', yi: 5, path: [['registered', '2020-11-18'], ['started', '2021-08-16'], ['operating', '2023-03-01']], funds: [[2021, 1.5], [2022, 2], [2023, 0.8]] },
  { name: '工业自动化控制系统项目', industry: 'C', division: '40', district: '370213', yi: 2, path: [['registered', '2020-09-15'], ['started', '2021-01-20'], ['operating', '2021-12-28']], funds: [[2020, 0.5], [2021, 1.2]] },
  { name: '人工智能教育实训基地', industry: 'P', division: '83', district: '370214', yi: 1.5, path: [['registered', '2020-10-20']], funds: [[2021, 0.3]], halted: ['2022-11-30', '场地租赁未谈妥，双方协商终止合作'] },
  { name: '企业云服务中心', industry: 'I', division: '65', district: '370202', yi: 1.2, path: [['registered', '2020-08-31'], ['operating', '2021-02-01']], funds: [[2020, 0.4], [2021, 0.6]] },
  { name: '专网通信产业园', industry: 'C', division: '39', district: '370211', yi: 1.3, path: [['registered', '2021-01-08'], ['started', '2021-10-10']], funds: [[2021, 0.3], [2022, 0.5], [2023, 0.2]], plannedStart: '2021-06-30' },
];

/** 青岛's districts, near enough for a map point in each. */
const DISTRICT_POINTS: Record<string, [number, number]> = {
  '370202': [36.0671, 120.3826],
  '370211': [35.9606, 120.1979],
  '370212': [36.1074, 120.4689],
  '370213': [36.1453, 120.4329],
  '370214': [36.3067, 120.3962],
  '370215': [36.3895, 120.4472],
  '370281': [36.2644, 120.0335],
};

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];
/** The day in a year funds are booked: the end of a quarter, the same one for a project each year (2026: up to its third). */
const bookedOn = (year: number, index: number) => (year === 2020 ? '2020-12-31' : `${year}-${QUARTER_ENDS[index % (year === 2026 ? 3 : 4)]}`);

async function seedQingdaoShenzhen(services: Services) {
  const { db } = services.database;
  const cooperation = await cooperationRepository.findByName(db, '青岛—深圳跨区域合作');
  if (!cooperation) return;
  if ((await signingEventRepository.listByCooperation(db, cooperation.id, { all: true, member: true, sides: [] })).length) return;
  const parties = await cooperationRepository.partiesOf(db, cooperation.id);
  const qingdao = parties.find((p) => p.regionCode === '370200')?.id ?? null;
  const shenzhen = parties.find((p) => p.regionCode === '440300')?.id ?? null;
  const commerce = (await organizationRepository.findByName(db, '370200', '青岛市商务局'))?.id ?? null;
  await writeTransaction(db, 'project', async (tx) => {
    const event = await services.signingEvent.createIn(tx, SYSTEM_ACTOR, cooperation.id, { name: '深圳企业家青岛行', heldOn: '2020-07-16', place: '青岛', visibility: cooperation.visibility });
    for (const [index, p] of QD_SZ_PROJECTS.entries()) {
      const [lat, lng] = DISTRICT_POINTS[p.district] ?? [36.07, 120.38];
      const project = await services.project.createIn(tx, SYSTEM_ACTOR, cooperation.id, {
        name: p.name,
        kind: /园|基地/.test(p.name) ? 'park' : /基金|中心/.test(p.name) ? 'platform' : 'investment',
        investor: '深圳企业',
        investorPartyId: shenzhen,
        hostPartyId: qingdao,
        hostRegionCode: p.district,
        industryCode: p.industry,
        industryDivision: p.division,
        investment: String(p.yi * YI),
        currency: 'CNY',
        latitude: Number((lat + (index % 5) * 0.004).toFixed(6)),
        longitude: Number((lng + (index % 3) * 0.005).toFixed(6)),
        address: `青岛市${p.name}项目地块`,
        responsibleOrganizationId: commerce,
        visibility: cooperation.visibility,
        stage: 'negotiating',
        stageOn: '2020-06-01',
        stagePlans: p.plannedStart ? [{ stage: 'started', plannedOn: p.plannedStart }] : [],
      });
      let current = await services.project.changeStageIn(tx, SYSTEM_ACTOR, project, project.version, { stage: 'signed', on: '2020-07-16' });
      await services.project.addTransactionIn(tx, SYSTEM_ACTOR, project.id, {
        kind: 'contracted',
        signingEventId: event.id,
        on: '2020-07-16',
        amount: String(p.yi * YI),
        currency: 'CNY',
        providerPartyId: shenzhen,
        receiverPartyId: qingdao,
      });
      for (const [stage, on] of p.path) current = await services.project.changeStageIn(tx, SYSTEM_ACTOR, current, current.version, { stage, on });
      if (p.halted) current = await services.project.changeStageIn(tx, SYSTEM_ACTOR, current, current.version, { stage: p.halted[1].includes('终止') ? 'ended' : 'halted', on: p.halted[0], reason: p.halted[1] });
      for (const [year, yi] of p.funds) {
        await services.project.addTransactionIn(tx, SYSTEM_ACTOR, project.id, { kind: 'in_place', on: bookedOn(year, index), amount: String(Math.round(yi * YI)), currency: 'CNY', providerPartyId: shenzhen, receiverPartyId: qingdao });
      }
      if (index === 0) {
        // A quarter booked twice and corrected by a negative entry: money is never overwritten.
        const sides = { currency: 'CNY', providerPartyId: shenzhen, receiverPartyId: qingdao };
        await services.project.addTransactionIn(tx, SYSTEM_ACTOR, project.id, { kind: 'in_place', on: '2023-06-30', amount: String(2 * YI), ...sides });
        await services.project.addTransactionIn(tx, SYSTEM_ACTOR, project.id, { kind: 'in_place', on: '2023-07-10', amount: String(-2 * YI), reason: '2023年第2季度到位资金重复录入', ...sides });
      }
    }
  });
}

interface ZoneProject {
  name: string;
  industry: string;
  division: string;
  /** 签约额 in 万美元. */
  wan: number;
  path: [stage: string, on: string][];
  funds: [on: string, wan: number][];
  plannedOperating?: string;
}

const ZONE_PROJECTS: ZoneProject[] = [
  { name: '日本来青特精密仪器项目', industry: 'C', division: '40', wan: 3500, path: [['signed', '2021-04-22'], ['registered', '2021-07-01'], ['started', '2022-03-10'], ['operating', '2023-05-18']], funds: [['2021-12-31', 800], ['2022-12-31', 1500], ['2023-12-31', 900]] },
  { name: '日本大明州医疗器械项目', industry: 'C', division: '35', wan: 2800, path: [['signed', '2021-09-15'], ['registered', '2021-12-20'], ['started', '2022-08-01']], funds: [['2022-06-30', 600], ['2023-06-30', 900], ['2024-06-30', 700]], plannedOperating: '2024-06-30' },
  { name: '富士精密磨具项目', industry: 'C', division: '34', wan: 1800, path: [['signed', '2022-03-08'], ['registered', '2022-05-30'], ['started', '2022-11-15'], ['operating', '2024-01-10']], funds: [['2022-12-31', 500], ['2023-12-31', 900], ['2024-12-31', 300]] },
  { name: '中日高端物流暨海上邮路合作项目', industry: 'G', division: '55', wan: 5000, path: [['signed', '2022-01-01'], ['registered', '2022-02-15'], ['operating', '2022-06-01']], funds: [['2022-12-31', 2000], ['2023-12-31', 1500], ['2024-12-31', 1000], ['2025-12-31', 400]] },
];

async function seedChinaJapanZone(services: Services) {
  const { db } = services.database;
  const cooperation = await cooperationRepository.findByName(db, '中日(青岛)地方发展合作示范区');
  if (!cooperation) return;
  const parties = await cooperationRepository.partiesOf(db, cooperation.id);
  const qingdao = parties.find((p) => p.regionCode === '370200')?.id ?? null;
  const japan = parties.find((p) => p.regionCode === 'JP')?.id ?? null;
  const zone = (await organizationRepository.findByName(db, '370211', '中日(青岛)地方发展合作示范区管理委员会'))?.id ?? null;
  const existing = await services.project.list(SYSTEM_ACTOR, cooperation.id, {}, { page: 1, pageSize: 200 });
  if (existing.items.some((i) => i.name === ZONE_PROJECTS[0]?.name)) return;
  await writeTransaction(db, 'project', async (tx) => {
    for (const [index, p] of ZONE_PROJECTS.entries()) {
      const project = await services.project.createIn(tx, SYSTEM_ACTOR, cooperation.id, {
        name: p.name,
        kind: 'investment',
        investor: p.name.replace(/项目$/, ''),
        investorPartyId: japan,
        hostPartyId: qingdao,
        hostRegionCode: '370211',
        hostOrganizationId: zone,
        industryCode: p.industry,
        industryDivision: p.division,
        investment: String(p.wan * 10_000),
        currency: 'USD',
        latitude: Number((35.9606 + index * 0.006).toFixed(6)),
        longitude: Number((120.1979 + index * 0.004).toFixed(6)),
        address: '青岛西海岸新区中日(青岛)地方发展合作示范区',
        responsibleOrganizationId: zone,
        visibility: cooperation.visibility,
        stage: 'negotiating',
        stageOn: '2021-01-10',
        stagePlans: p.plannedOperating ? [{ stage: 'operating', plannedOn: p.plannedOperating }] : [],
      });
      let current = project;
      for (const [stage, on] of p.path) {
        current = await services.project.changeStageIn(tx, SYSTEM_ACTOR, current, current.version, { stage, on });
        if (stage === 'signed') {
          await services.project.addTransactionIn(tx, SYSTEM_ACTOR, project.id, { kind: 'contracted', on, amount: String(p.wan * 10_000), currency: 'USD', providerPartyId: japan, receiverPartyId: qingdao });
        }
      }
      for (const [on, wan] of p.funds) {
        await services.project.addTransactionIn(tx, SYSTEM_ACTOR, project.id, { kind: 'in_place', on, amount: String(wan * 10_000), currency: 'USD', providerPartyId: japan, receiverPartyId: qingdao });
      }
    }
  });
}

/** 绿证 sold by 烟台's offshore wind to 大连's enterprises, quarter by quarter: certificates (张, one per MWh) and yuan. */
const GREEN_CERTIFICATES: [on: string, certificates: number, yuanEach: number][] = [
  ['2024-03-31', 12_000, 6],
  ['2024-06-30', 18_500, 6],
  ['2024-09-30', 21_000, 5.5],
  ['2024-12-31', 26_800, 5.5],
  ['2025-03-31', 31_200, 5],
  ['2025-06-30', 38_000, 5],
  ['2025-09-30', 42_500, 4.8],
  ['2025-12-31', 47_300, 4.8],
  ['2026-03-31', 52_000, 4.5],
  ['2026-06-30', 58_600, 4.5],
  ['2026-09-30', 63_900, 4.5],
];

async function seedDalianYantai(services: Services) {
  const { db } = services.database;
  const cooperation = await cooperationRepository.findByName(db, '大连—烟台“双城联动”');
  if (!cooperation) return;
  const existing = await services.crossSideTransaction.list(SYSTEM_ACTOR, cooperation.id, {}, { page: 1, pageSize: 1 });
  if (existing.total) return;
  const parties = await cooperationRepository.partiesOf(db, cooperation.id);
  const dalian = parties.find((p) => p.regionCode === '210200')?.id ?? null;
  const yantai = parties.find((p) => p.regionCode === '370600')?.id ?? null;
  const energy = (await services.agreement.list(SYSTEM_ACTOR, cooperation.id)).items.find((a) => a.title.startsWith('能源'))?.id ?? null;
  await writeTransaction(db, 'cross_side_transaction', async (tx) => {
    for (const [on, certificates, each] of GREEN_CERTIFICATES) {
      await services.crossSideTransaction.createIn(tx, SYSTEM_ACTOR, cooperation.id, {
        on,
        kind: 'green_certificate',
        fromPartyId: yantai,
        toPartyId: dalian,
        quantity: String(certificates),
        unit: '张',
        amount: String(Math.round(certificates * each)),
        currency: 'CNY',
        agreementId: energy,
        note: `${on.slice(0, 4)}年第${Math.ceil(Number(on.slice(5, 7)) / 3)}季度海上风电绿证交易`,
        visibility: cooperation.visibility,
      });
    }
    // A quarter's figure reported too high and corrected by a negative entry, as money is never overwritten.
    await services.crossSideTransaction.createIn(tx, SYSTEM_ACTOR, cooperation.id, {
      on: '2025-07-15',
      kind: 'green_certificate',
      fromPartyId: yantai,
      toPartyId: dalian,
      quantity: '-1500',
      unit: '张',
      amount: '-7500',
      currency: 'CNY',
      agreementId: energy,
      note: '2025年第2季度绿证交易更正',
      reason: '第2季度重复计入一批1500张绿证',
      visibility: cooperation.visibility,
    });
  });
}

export async function seedDemoProjects(services: Services): Promise<void> {
  await seedQingdaoShenzhen(services);
  await seedChinaJapanZone(services);
  await seedDalianYantai(services);
}
