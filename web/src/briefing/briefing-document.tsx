import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Briefing } from '../api/briefing.ts';
import { formatDate } from '../format/date.ts';
import { formatAmounts } from '../format/money.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { formatQuantity } from '../indicators/quantity.ts';
import './briefing.css';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

function Figure({ label, value, testId, alert }: { label: string; value: ReactNode; testId: string; alert?: boolean }) {
  return (
    <div className="briefing-figure" data-testid={testId}>
      <div className="briefing-figure-value" style={alert ? { color: '#B33F00' } : undefined}>
        {value}
      </div>
      <div className="briefing-figure-label">{label}</div>
    </div>
  );
}

function Part({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="briefing-part" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/**
 * 工作简报 as a document: the same markup on the page, in the browser's print and in the server's PDF. `note` is
 * where the page puts the 领导关注 paragraph (an editor for the offices); by default its text.
 */
export function BriefingDocument({ data, note, links = true }: { data: Briefing; note?: ReactNode; links?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const h = data.headline;
  const money = (amounts: Briefing['headline']['inPlace']) => (amounts.length ? formatAmounts(amounts, locale) : '0');
  const taskLink = (id: string, title: string) => (links ? <Link to={`/tasks/${id}`}>{title}</Link> : title);
  const empty = (text: string) => <p className="briefing-empty">{text}</p>;

  return (
    <article className="briefing-document" data-testid="briefing-document">
      <header className="briefing-title">
        <h1 data-testid="briefing-title">{t('briefing.documentTitle', { name: data.cooperation.name })}</h1>
        <p>
          {data.period ? t('briefing.periodLine', { label: data.period.label, from: formatDate(data.period.startsOn, locale), to: formatDate(data.period.endsOn, locale) }) : t('briefing.noPeriod')}
          {' · '}
          {t('briefing.asOf', { date: formatDate(data.asOf, locale) })}
        </p>
      </header>

      <Part title={t('briefing.headline')} testId="briefing-headline">
        <div className="briefing-figures">
          <Figure label={t('briefing.tasks')} value={h.tasks} testId="headline-tasks" />
          <Figure label={t('briefing.done')} value={h.done} testId="headline-done" />
          <Figure label={t('briefing.open')} value={h.open} testId="headline-open" />
          <Figure label={t('briefing.overdue')} value={h.overdue} testId="headline-overdue" alert={h.overdue > 0} />
          <Figure label={t('briefing.doneVsElapsed')} value={`${percent(h.doneShare)} / ${percent(h.elapsedShare)}`} testId="headline-share" />
          <Figure label={t('briefing.contracted')} value={money(h.contracted)} testId="headline-contracted" />
          <Figure label={t('briefing.inPlace')} value={money(h.inPlace)} testId="headline-in-place" />
          <Figure label={t('briefing.targetsOnTrack')} value={`${h.targetsOnTrack} / ${h.targetsTotal}`} testId="headline-targets" />
        </div>
        <p className="briefing-hint">{t('briefing.doneVsElapsedHint')}</p>
      </Part>

      <Part title={t('briefing.leaderNote')} testId="briefing-note">
        {note ?? (data.note?.text ? <p className="briefing-note-text">{data.note.text}</p> : empty(t('briefing.noNote')))}
      </Part>

      <Part title={t('briefing.moved')} testId="briefing-moved">
        {data.moved.length === 0
          ? empty(t('briefing.nothingMoved'))
          : (
            <ul>
              {data.moved.map((m) => (
                <li key={`${m.at}-${m.kind}-${m.title}`}>
                  <span className="briefing-muted">{formatDate(m.at.slice(0, 10), locale)}</span> {t(`dashboard.decision.${m.kind}`)} · {m.drill.to === 'task' ? taskLink(m.drill.id, m.title) : m.title}
                  {m.detail && m.kind === 'stage_changed' ? ` · ${m.detail}` : ''}
                </li>
              ))}
            </ul>
          )}
      </Part>

      <Part title={t('briefing.late')} testId="briefing-late">
        {data.late.length === 0 ? (
          empty(t('briefing.nothingLate'))
        ) : (
          <table className="briefing-table">
            <thead>
              <tr>
                <th>{t('briefing.unit')}</th>
                <th>{t('briefing.task')}</th>
                <th>{t('briefing.dueOn')}</th>
                <th>{t('briefing.daysOverdue')}</th>
                <th>{t('briefing.notice')}</th>
              </tr>
            </thead>
            <tbody>
              {data.late.flatMap((unit) =>
                unit.tasks.map((task, i) => (
                  <tr key={`${unit.organizationName ?? 'none'}-${task.id}`}>
                    {i === 0 ? <td rowSpan={unit.tasks.length}>{unit.organizationName ? `${unit.organizationName}（${unit.partyName ?? ''}）` : t('briefing.noLeadUnit')}</td> : null}
                    <td>{taskLink(task.id, task.title)}</td>
                    <td>{formatDate(task.dueOn, locale) ?? '—'}</td>
                    <td className="briefing-number">{task.daysOverdue ?? '—'}</td>
                    <td>{task.notice ?? '—'}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
        <p className="briefing-muted">{t('briefing.notices', { issued: data.notices.issued, signed: data.notices.signed, overdue: data.notices.overdue })}</p>
      </Part>

      <Part title={t('briefing.decisions')} testId="briefing-decisions">
        {data.decisions.length === 0 ? (
          empty(t('briefing.noDecisions'))
        ) : (
          <ul>
            {data.decisions.map((d) => (
              <li key={`${d.kind}-${d.taskId}-${d.organizationName ?? ''}-${d.periodLabel ?? ''}`}>
                {t(`briefing.awaiting.${d.kind}`, { unit: d.organizationName ?? '', period: d.periodLabel ?? '' })} · {taskLink(d.taskId, d.taskTitle)} ·{' '}
                <span className="briefing-muted">{t('briefing.awaitingSides', { sides: d.awaitingSides.map((s) => s.name).join('、') })}</span>
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part title={t('briefing.money')} testId="briefing-money">
        <p>
          {t('briefing.moneyLine', {
            projects: data.money.cumulative.projects,
            contracted: money(data.money.cumulative.contracted),
            inPlace: money(data.money.cumulative.inPlace),
            year: data.money.thisYear.year,
            yearInPlace: money(data.money.thisYear.inPlace),
          })}
        </p>
        {data.money.byStage.some((s) => s.projects > 0) ? (
          <table className="briefing-table">
            <thead>
              <tr>
                <th>{t('briefing.stage')}</th>
                <th>{t('briefing.projects')}</th>
                <th>{t('briefing.contracted')}</th>
                <th>{t('briefing.inPlace')}</th>
              </tr>
            </thead>
            <tbody>
              {data.money.byStage
                .filter((s) => s.projects > 0)
                .map((s) => (
                  <tr key={s.stage}>
                    <td>{s.name}</td>
                    <td className="briefing-number">{s.projects}</td>
                    <td className="briefing-number">{money(s.contracted)}</td>
                    <td className="briefing-number">{money(s.inPlace)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        ) : null}
      </Part>

      <Part title={t('briefing.targets')} testId="briefing-targets">
        {data.targets.length === 0 ? (
          empty(t('briefing.noTargets'))
        ) : (
          <table className="briefing-table">
            <thead>
              <tr>
                <th>{t('briefing.indicator')}</th>
                <th>{t('briefing.targetYear')}</th>
                <th>{t('briefing.target')}</th>
                <th>{t('briefing.actual')}</th>
                <th>{t('briefing.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.targets.flatMap((row) =>
                row.years.slice(0, 1).map((y) => (
                  <tr key={`${row.indicatorId}-${y.year ?? 'none'}`}>
                    <td>{row.name}</td>
                    <td>{y.year ?? '—'}</td>
                    <td className="briefing-number">{formatQuantity(Number(y.target), row.unit, locale)}</td>
                    <td className="briefing-number">{y.actual === null ? '—' : formatQuantity(y.actual, row.unit, locale)}</td>
                    <td>{t(`indicators.status.${y.status}`)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </Part>

      <Part title={t('briefing.coverage')} testId="briefing-coverage">
        {data.coverage.length === 0 ? (
          empty(t('briefing.noCoverage'))
        ) : (
          <table className="briefing-table">
            <thead>
              <tr>
                <th>{t('briefing.area')}</th>
                <th>{t('briefing.directions')}</th>
                <th>{t('briefing.tasks')}</th>
                <th>{t('briefing.done')}</th>
                <th>{t('briefing.gaps')}</th>
              </tr>
            </thead>
            <tbody>
              {data.coverage.map((area) => (
                <tr key={area.clauseId}>
                  <td>{`${area.label ?? ''}${area.title}`}</td>
                  <td className="briefing-number">{area.directions}</td>
                  <td className="briefing-number">{area.tasks}</td>
                  <td className="briefing-number">{area.done}</td>
                  <td className="briefing-number">{area.gaps}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data.reporting.period ? (
          <p className="briefing-muted">
            {t('briefing.reportingLine', { period: data.reporting.period.label, ...data.reporting.totals })}
          </p>
        ) : null}
      </Part>
    </article>
  );
}
