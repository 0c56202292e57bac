import { SYSTEM_ACTOR } from '../modules/access/actor.ts';
import { cooperationRepository } from '../modules/cooperation/cooperation.repository.ts';
import { indicatorRepository } from '../modules/indicator/indicator.repository.ts';
import type { IndicatorPatch, TargetInput } from '../modules/indicator/indicator.service.ts';
import { organizationRepository } from '../modules/organization/organization.repository.ts';
import { periodRepository, type PeriodRow } from '../modules/period/period.repository.ts';
import type { Services } from '../app/services.ts';
import { businessToday } from '../modules/task/business-date.ts';
import { regionLiesWithin } from '../modules/task/unit-side.ts';
import type { IndicatorFormula } from '../db/schema/core.ts';

/**
 * Indicators of the demo, drawn from the seeds: the 中日(青岛)示范区's 2025 and 2035 targets (the text gives them;
 * the baselines and the actuals of 2022–2026 are plausible, not official), 青岛—深圳's funds in place of Shenzhen
 * investment in Qingdao, computed from the projects' funds in place, and 大连—烟台's 绿证 trade, computed from the
 * cross-side transactions.
 * Deterministic: the same figures on every start.
 */

interface DemoActual {
  /** The period's label, e.g. 2023年度 or 2026年第2季度. */
  period: string;
  value: number;
  note: string;
}

interface DemoIndicator {
  name: string;
  unit: string;
  settings: IndicatorPatch;
  /** For a computed indicator: its formula, given the party id of a side by its region code. */
  formula?: (side: (regionCode: string) => string) => IndicatorFormula;
  /** Units responsible for the indicator: region code and name. */
  units: { regionCode: string; name: string }[];
  targets?: TargetInput[];
  actuals: DemoActual[];
}

const yearly = (values: Record<number, number>, note: string, factor = 1): DemoActual[] =>
  Object.entries(values).map(([year, value]) => ({ period: `${year}年度`, value: Math.round(value * factor), note }));
/** Money the texts give in 亿 is kept in the currency's own unit, as the import keeps it (10亿美元 → 1,000,000,000 USD). */
const YI = 1e8;

const ZONE = { regionCode: '370211', name: '中日(青岛)地方发展合作示范区管理委员会' };
const ZONE_NOTE = '示范区管委会年度统计';

/** The seed's targets are saved by the import rules; these add what the text does not say. */
const CN_JP: DemoIndicator[] = [
  {
    name: '世界500强企业',
    unit: '家',
    settings: { rollup: 'latest', baseline: '0', baselineOn: '2022-01-01', description: '在示范区投资的世界500强企业数（家），取年末数。' },
    units: [ZONE],
    actuals: yearly({ 2022: 0, 2023: 1, 2024: 1, 2025: 2, 2026: 3 }, ZONE_NOTE),
  },
  {
    name: '累计使用外资金额',
    unit: 'USD',
    settings: { rollup: 'cumulative', baseline: String(3.2 * YI), baselineOn: '2022-01-01', description: '示范区设立以来实际使用外资，逐年累计。' },
    units: [ZONE],
    actuals: yearly({ 2022: 1.1, 2023: 1.4, 2024: 1.6, 2025: 1.9, 2026: 1.3 }, '市商务局外资统计', YI),
  },
  {
    name: '节能环保等主导产业产值',
    unit: 'CNY',
    settings: { rollup: 'latest', baseline: String(42 * YI), baselineOn: '2022-01-01', description: '节能环保、智能制造等主导产业当年产值。' },
    units: [ZONE],
    actuals: yearly({ 2022: 55, 2023: 68, 2024: 83, 2025: 104, 2026: 112 }, ZONE_NOTE, YI),
  },
  {
    name: '百亿级产业集群',
    unit: '个',
    settings: { rollup: 'latest', baseline: '0', baselineOn: '2022-01-01', description: '年产值超过100亿元的产业集群个数。' },
    units: [ZONE],
    actuals: yearly({ 2024: 0, 2025: 1, 2026: 1 }, ZONE_NOTE),
  },
  {
    name: '工业总产值',
    unit: 'CNY',
    settings: { rollup: 'latest', baseline: String(180 * YI), baselineOn: '2022-01-01', description: '示范区规模以上工业总产值。' },
    units: [ZONE],
    actuals: yearly({ 2022: 195, 2023: 210, 2024: 226, 2025: 241, 2026: 268 }, '区统计局年报', YI),
  },
];

const QD_SZ: DemoIndicator[] = [
  {
    name: '深圳企业在青岛投资项目到位资金',
    unit: '亿元',
    // The project library holds the 20 projects of 深圳企业家青岛行; the seed counts 126 with 近323.8亿元 in place by
    // 2020, so the other 106 projects' funds are the baseline and the library's own funds are added by the formula.
    settings: {
      rollup: 'cumulative',
      baseline: '305.9',
      baselineOn: '2019-01-01',
      description: '2019年以来深圳企业在青岛投资合作项目的到位资金，逐年累计。基期值为项目库以外106个项目截至2020年的到位资金（2020年共126个项目、近323.8亿元），其后为项目库中深圳投资、青岛承接项目的到位资金。',
    },
    // Computed from the projects' funds in place (到位资金): Shenzhen investing, Qingdao hosting, in 亿元.
    formula: (side) => ({ measure: 'in_place', where: { investorPartyId: side('440300'), hostPartyId: side('370200') }, currency: null, divisor: 1e8 }),
    units: [
      { regionCode: '370200', name: '青岛市商务局' },
      { regionCode: '440300', name: '深圳市商务局' },
    ],
    targets: [
      { year: 2025, comparator: '>=', value: '450', sourceText: null },
      { year: 2026, comparator: '>=', value: '480', sourceText: null },
    ],
    actuals: [],
  },
];

const DL_YT: DemoIndicator[] = [
  {
    name: '绿色电力证书交易量',
    unit: '张',
    settings: { rollup: 'sum_per_year', baseline: '0', baselineOn: '2024-01-01', description: '烟台海上风电售予大连企业的绿色电力证书（绿证）张数，按年合计，取自双方的跨区域交易记录。' },
    formula: (side) => ({ measure: 'cross_side_quantity', where: { crossSideKind: 'green_certificate', fromPartyId: side('370600'), toPartyId: side('210200'), unit: '张' }, currency: null, divisor: 1 }),
    units: [
      { regionCode: '210200', name: '大连市发展和改革委员会' },
      { regionCode: '370600', name: '烟台市发展和改革委员会' },
    ],
    targets: [
      { year: 2025, comparator: '>=', value: '150000', sourceText: null },
      { year: 2026, comparator: '>=', value: '200000', sourceText: null },
    ],
    actuals: [],
  },
];

/** Periods from years before the demo's reporting: closed, so nothing is chased or reported for them. */
async function pastPeriods(services: Services, cooperationId: string, kind: 'yearly' | 'quarterly', from: string, to: string): Promise<void> {
  const existing = await periodRepository.listByCooperation(services.database.db, cooperationId);
  if (existing.some((p) => p.startsOn <= to && p.endsOn >= from)) return;
  const created = await services.period.generate(SYSTEM_ACTOR, cooperationId, { kind, from, to, dueAfterDays: 30 });
  const today = businessToday(services.config.timeZone);
  for (const period of created) if (period.endsOn < today) await services.period.close(SYSTEM_ACTOR, period.id, period.version);
}

async function seedIndicators(services: Services, cooperationName: string, defs: DemoIndicator[]): Promise<void> {
  const { db } = services.database;
  const cooperation = await cooperationRepository.findByName(db, cooperationName);
  if (!cooperation) return;
  const parties = await cooperationRepository.partiesOf(db, cooperation.id);
  const periods: PeriodRow[] = await periodRepository.listByCooperation(db, cooperation.id);
  for (const def of defs) {
    const units = [];
    for (const unit of def.units) {
      const organization = await organizationRepository.findByName(db, unit.regionCode, unit.name);
      const party = parties.find((p) => regionLiesWithin(unit.regionCode, p.regionCode));
      if (organization && party) units.push({ partyId: party.id, organizationId: organization.id });
    }
    const existing = await indicatorRepository.findByName(db, cooperation.id, def.name, def.unit);
    const indicator = existing ?? (await services.indicator.create(SYSTEM_ACTOR, cooperation.id, { name: def.name, unit: def.unit, visibility: cooperation.visibility, targets: [] }));
    if (existing && (await indicatorRepository.actualsOf(db, [existing.id])).length) continue;
    const side = (regionCode: string) => parties.find((p) => p.regionCode === regionCode)?.id ?? '';
    const updated = await services.indicator.update(SYSTEM_ACTOR, indicator.id, indicator.version, { ...def.settings, units, ...(def.formula ? { formula: def.formula(side) } : {}) });
    for (const target of def.targets ?? []) await services.indicator.addTarget(SYSTEM_ACTOR, updated.id, target);
    for (const actual of def.actuals) {
      const period = periods.find((p) => p.label === actual.period);
      if (period) await services.indicator.addActual(SYSTEM_ACTOR, updated.id, { periodId: period.id, value: String(actual.value), sourceNote: actual.note });
    }
  }
}

export async function seedDemoIndicators(services: Services): Promise<void> {
  const { db } = services.database;
  const cooperation = async (name: string) => (await cooperationRepository.findByName(db, name))?.id;
  const cnJp = await cooperation('中日(青岛)地方发展合作示范区');
  if (cnJp) await pastPeriods(services, cnJp, 'yearly', '2022-01-01', '2026-12-31');
  const qdSz = await cooperation('青岛—深圳跨区域合作');
  if (qdSz) await pastPeriods(services, qdSz, 'yearly', '2019-01-01', '2025-12-31');
  const dlYt = await cooperation('大连—烟台“双城联动”');
  if (dlYt) await pastPeriods(services, dlYt, 'quarterly', '2024-01-01', '2026-12-31');
  await seedIndicators(services, '中日(青岛)地方发展合作示范区', CN_JP);
  await seedIndicators(services, '青岛—深圳跨区域合作', QD_SZ);
  await seedIndicators(services, '大连—烟台“双城联动”', DL_YT);
}
