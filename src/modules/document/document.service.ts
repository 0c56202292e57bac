import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import type { BriefingService } from '../briefing/briefing.service.ts';
import type { Briefing } from '../briefing/briefing.schemas.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import { supervisionRepository } from '../supervision/supervision.repository.ts';
import type { SupervisionService } from '../supervision/supervision.service.ts';
import { officialDate, officialDocx, type Block } from './official-docx.ts';

export interface DocumentDeps {
  briefing: BriefingService;
  supervision: SupervisionService;
  today(): string;
}

const CN = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** Money as Chinese readers expect: 亿元 from 1亿, 万元 below; other currencies by their code. */
function amounts(list: Briefing['headline']['inPlace']): string {
  if (!list.length) return '0元';
  return list
    .map(({ currency, amount }) => {
      const value = Number(amount);
      if (currency !== 'CNY') return `${CN.format(value)} ${currency}`;
      return Math.abs(value) >= 1e8 ? `${CN.format(value / 1e8)}亿元` : `${CN.format(value / 1e4)}万元`;
    })
    .join('、');
}

const TARGET_WORDS: Record<string, string> = { met: '已完成', on_track: '符合序时进度', at_risk: '有风险', off_track: '滞后', no_data: '暂无数据' };
const DECISION_WORDS: Record<string, string> = {
  report_approved: '进展报告通过',
  report_returned: '进展报告退回',
  closing_approved: '同意销号',
  closing_returned: '退回销号申请',
  task_closed: '任务销号',
  stage_changed: '项目阶段变化',
  big_transaction: '大额资金',
};

/**
 * The Word documents of a cooperation: 工作简报 and 督办通报 for a period, 督办单 per notice. Their figures are the
 * briefing's and the 督办 view's answers for the reader, so a document never shows more than its reader sees.
 */
export function createDocumentService(db: Db, deps: DocumentDeps) {
  /** 青深: the sides' region short names, first character each, as offices abbreviate a joint office. */
  async function abbreviation(cooperationId: string) {
    const names = await supervisionRepository.sideShortNames(db, cooperationId);
    return names.map((n) => (n.shortName ?? '').slice(0, 1)).join('') || '联';
  }

  /** 〔2026〕3号: the period's place among the cooperation's periods of its kind in its year. */
  function sequence(briefing: Briefing): { year: number; n: number } {
    const period = briefing.period;
    const year = Number((period?.startsOn ?? briefing.asOf).slice(0, 4));
    if (!period) return { year, n: 1 };
    const span = (p: { startsOn: string; endsOn: string }) => p.endsOn.localeCompare(p.startsOn);
    const sameKind = briefing.periods.filter((p) => p.startsOn.startsWith(String(year)) && span(p) === span(period) && p.startsOn <= period.startsOn);
    return { year, n: Math.max(sameKind.length, 1) };
  }

  const issuerOf = (briefing: Briefing) => `${briefing.cooperation.name}协调办公室`;
  const periodWords = (briefing: Briefing) => (briefing.period ? `${briefing.period.label}（${officialDate(briefing.period.startsOn)}至${officialDate(briefing.period.endsOn)}）` : `截至${officialDate(briefing.asOf)}`);

  const lateTable = (briefing: Briefing): Block =>
    briefing.late.length
      ? {
          kind: 'table',
          head: ['责任单位', '所属方', '逾期任务', '完成时限', '逾期天数', '督办单'],
          widths: [3, 2, 4, 2.4, 1.4, 2.4],
          rows: briefing.late.flatMap((u) => u.tasks.map((t) => [u.organizationName ?? '未明确牵头单位', u.partyName ?? '—', t.title, t.dueOn ? officialDate(t.dueOn) : '—', String(t.daysOverdue ?? '—'), t.notice ?? '—'])),
        }
      : { kind: 'p', text: '目前没有逾期任务。' };

  const areaTable = (briefing: Briefing): Block => ({
    kind: 'table',
    head: ['合作领域', '方向', '任务', '已完成', '无任务方向'],
    widths: [6, 1.2, 1.2, 1.4, 1.8],
    rows: briefing.coverage.map((a) => [`${a.label ?? ''}${a.title}`, String(a.directions), String(a.tasks), String(a.done), String(a.gaps)]),
  });

  const moneyTable = (briefing: Briefing): Block => ({
    kind: 'table',
    head: ['项目阶段', '项目数', '签约金额', '到位资金'],
    widths: [3, 1.5, 3, 3],
    rows: briefing.money.byStage.filter((s) => s.projects > 0).map((s) => [s.name, String(s.projects), amounts(s.contracted), amounts(s.inPlace)]),
  });

  const targetTable = (briefing: Briefing): Block =>
    briefing.targets.length
      ? {
          kind: 'table',
          head: ['指标', '目标年份', '目标值', '实际值', '状态'],
          widths: [5, 1.6, 2.4, 2.4, 2.4],
          rows: briefing.targets.flatMap((t) =>
            t.years.slice(0, 1).map((y) => [t.name, String(y.year ?? '—'), `${CN.format(Number(y.target))}${t.unit}`, y.actual === null ? '—' : `${CN.format(y.actual)}${t.unit}`, TARGET_WORDS[y.status] ?? y.status]),
          ),
        }
      : { kind: 'p', text: '本合作尚未设置目标指标。' };

  const fileName = (briefing: Briefing, what: string) => `${briefing.cooperation.name}${what}${briefing.period?.label ?? briefing.asOf}.docx`;

  return {
    async briefingDocx(actor: Actor | null, cooperationId: string, query: { period?: string | undefined }) {
      const b = await deps.briefing.get(actor, cooperationId, query);
      const h = b.headline;
      const { year, n } = sequence(b);
      const blocks: Block[] = [
        { kind: 'p', text: `本期为${periodWords(b)}，数据截至${officialDate(b.asOf)}。` },
        { kind: 'h1', text: '一、总体情况' },
        {
          kind: 'p',
          text: `共有任务${h.tasks}项，已完成${h.done}项，未完成${h.open}项，其中逾期${h.overdue}项；完成率${pct(h.doneShare)}，序时进度${pct(h.elapsedShare)}。累计项目${h.projects}个，签约金额${amounts(h.contracted)}，到位资金${amounts(h.inPlace)}；目标指标${h.targetsTotal}项，已完成或符合序时进度${h.targetsOnTrack}项。`,
        },
        { kind: 'h1', text: '二、领导关注' },
        { kind: 'p', text: b.note?.text || '本期暂无领导关注事项。' },
        { kind: 'h1', text: '三、本期进展' },
        ...(b.moved.length ? b.moved.map((m): Block => ({ kind: 'p', text: `${officialDate(m.at.slice(0, 10))}，${DECISION_WORDS[m.kind] ?? m.kind}：${m.title}${m.detail && m.kind === 'stage_changed' ? `（${m.detail}）` : ''}。` })) : [{ kind: 'p' as const, text: '本期没有审核通过、销号、项目阶段变化或大额资金记录。' }]),
        { kind: 'h1', text: '四、逾期事项及责任单位' },
        lateTable(b),
        { kind: 'h1', text: '五、待决事项' },
        ...(b.decisions.length
          ? b.decisions.map((d): Block => ({ kind: 'p', text: `${d.kind === 'report' ? `${d.organizationName ?? ''}${d.periodLabel ?? ''}进展报告待审核` : '销号申请待审批'}：${d.taskTitle}，待${d.awaitingSides.map((s) => s.name).join('、')}决定。` }))
          : [{ kind: 'p' as const, text: '目前没有等待审核或销号决定的事项。' }]),
        { kind: 'h1', text: '六、分领域推进情况' },
        areaTable(b),
        { kind: 'h1', text: '七、项目与资金' },
        { kind: 'p', text: `累计项目${b.money.cumulative.projects}个，签约金额${amounts(b.money.cumulative.contracted)}，到位资金${amounts(b.money.cumulative.inPlace)}；${b.money.thisYear.year}年以来到位${amounts(b.money.thisYear.inPlace)}。` },
        moneyTable(b),
        { kind: 'h1', text: '八、目标指标' },
        targetTable(b),
      ];
      const body = await officialDocx({ issuer: issuerOf(b), number: `${await abbreviation(cooperationId)}协办〔${year}〕${n}号`, title: `${b.cooperation.name}工作简报`, date: deps.today(), blocks });
      return { body, fileName: fileName(b, '工作简报') };
    },

    async bulletinDocx(actor: Actor | null, cooperationId: string, query: { period?: string | undefined }) {
      const [b, overview] = await Promise.all([deps.briefing.get(actor, cooperationId, query), deps.supervision.overview(actor, cooperationId, { withinDays: 0 })]);
      const { year, n } = sequence(b);
      const units = overview.units.filter((u) => u.counts.overdue + u.counts.notReported + u.counts.returned > 0);
      const blocks: Block[] = [
        { kind: 'p', text: `现将${periodWords(b)}各责任单位任务推进和督办落实情况通报如下。` },
        { kind: 'h1', text: '一、总体情况' },
        {
          kind: 'p',
          text: `截至${officialDate(b.asOf)}，共有任务${b.headline.tasks}项，逾期${b.headline.overdue}项；${overview.period ? `${overview.period.label}应报未报${overview.totals.notReported}项，退回未重报${overview.totals.returned}项；` : ''}已发督办单${b.notices.issued}份，已签收${b.notices.signed}份，超期未办结${b.notices.overdue}份。`,
        },
        { kind: 'h1', text: '二、各责任单位情况' },
        units.length
          ? {
              kind: 'table',
              head: ['责任单位', '所属方', '逾期', '未报送', '退回未重报', '督办单'],
              widths: [4, 2, 1.2, 1.4, 1.8, 3],
              rows: units.map((u) => [u.organizationName ?? '未明确牵头单位', u.partyName ?? '—', String(u.counts.overdue), String(u.counts.notReported), String(u.counts.returned), u.tasks.flatMap((t) => (t.notice ? [t.notice.number] : [])).join('、') || '—']),
            }
          : { kind: 'p', text: '各责任单位均无逾期、未报送或退回未重报事项。' },
        { kind: 'h1', text: '三、逾期事项清单' },
        lateTable(b),
        { kind: 'h1', text: '四、分领域推进情况' },
        areaTable(b),
        { kind: 'h1', text: '五、项目与资金' },
        moneyTable(b),
        { kind: 'h1', text: '六、目标指标' },
        targetTable(b),
        { kind: 'h1', text: '七、工作要求' },
        { kind: 'h2', text: '（一）逾期事项限期办结。' },
        { kind: 'p', text: '请各责任单位对照清单，逐项明确整改措施和完成时限，已发督办单的事项在督办期限内办结并反馈。' },
        { kind: 'h2', text: '（二）按时报送进展。' },
        { kind: 'p', text: '请未报送、被退回的单位及时报送或修改进展报告，协调办将在下期通报中继续跟踪。' },
      ];
      const body = await officialDocx({ issuer: issuerOf(b), number: `${await abbreviation(cooperationId)}督办〔${year}〕${n}号`, title: `关于${b.period?.label ?? ''}合作任务推进情况的督办通报`, date: deps.today(), blocks });
      return { body, fileName: fileName(b, '督办通报') };
    },

    async noticeDocx(actor: Actor | null, noticeId: string) {
      const { notice, task } = await deps.supervision.getReadable(actor, noticeId);
      const parties = await cooperationRepository.partiesOf(db, task.cooperationId);
      const issuer = `${parties.find((p) => p.id === notice.issuedPartyId)?.name ?? ''}协调办公室`;
      const units = notice.recipients.map((r) => `${r.organizationName}（${r.partyName}）`).join('、');
      const blocks: Block[] = [
        { kind: 'p', text: `${units}：` },
        { kind: 'p', text: notice.body },
        {
          kind: 'table',
          head: ['督办事项', '内容'],
          widths: [1, 3],
          rows: [
            ['任务', task.title],
            ['任务完成时限', task.dueOn ? officialDate(task.dueOn) : '—'],
            ['督办期限', officialDate(notice.deadline)],
            ['承办单位', units],
            ...notice.recipients.map((r) => [`${r.organizationName}签收`, r.acknowledgedAt ? `${r.acknowledgedByName ?? ''} ${officialDate(r.acknowledgedAt.slice(0, 10))}` : '未签收']),
          ],
        },
        { kind: 'p', text: `请于${officialDate(notice.deadline)}前办结并反馈办理结果。` },
      ];
      const body = await officialDocx({ issuer, number: notice.number, title: '督办单', date: notice.createdAt.slice(0, 10), blocks });
      return { body, fileName: `督办单${notice.number}.docx` };
    },
  };
}
