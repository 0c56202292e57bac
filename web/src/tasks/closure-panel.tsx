import { App, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';
import { tasksApi, type TaskDetail } from '../api/tasks.ts';
import { formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { ReasonModal } from '../reports/reason-modal.tsx';

/** Closing (销号): a request, then each required side's decision in the round; the task is done when all approve. */
export function ClosurePanel({ task, onChanged }: { task: TaskDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const { closure } = task;
  const partyName = (partyId: string) => task.sides.find((s) => s.partyId === partyId)?.partyName ?? partyId;
  const closed = task.status === 'done' || task.status === 'cancelled';

  const act = (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    call().then(
      () => {
        message.success(done);
        setBusy(false);
        onChanged();
      },
      (error: unknown) => {
        message.error(errorMessage(error, t));
        setBusy(false);
      },
    );
  };

  const giveBack = async (reason: string) => {
    try {
      await tasksApi.decideClose(task.id, 'returned', reason);
    } catch (error) {
      message.error(errorMessage(error, t));
      throw error;
    }
    message.success(t('tasks.closeReturned'));
    setReturning(false);
    onChanged();
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="closure">
      <Typography.Text type="secondary">{t('tasks.closureHint')}</Typography.Text>
      {closure.requestedAt ? (
        <Typography.Text>
          {t('tasks.closeRequestedAt', { date: formatDateTime(closure.requestedAt, locale) })} · {t('tasks.closureRound', { round: closure.round })}
        </Typography.Text>
      ) : closed ? null : (
        <Typography.Text>{t('tasks.notClosing')}</Typography.Text>
      )}
      {closure.requiredPartyIds.length > 0 && (closure.requestedAt || closed) ? (
        <Space size={4} wrap>
          {closure.requiredPartyIds.map((partyId) => {
            const decision = closure.approvals.find((a) => a.round === closure.round && a.partyId === partyId);
            const state = decision ? t(decision.decision === 'approved' ? 'tasks.approved' : 'tasks.returned') : t('tasks.pending');
            return (
              <Tag key={partyId} color={decision?.decision === 'approved' ? 'success' : decision ? 'warning' : 'default'}>
                {t('reports.sideState', { party: partyName(partyId), state })}
              </Tag>
            );
          })}
        </Space>
      ) : null}
      <Space>
        {!closed && !task.closeRequested && task.can.edit ? (
          <Button loading={busy} onClick={() => act(() => tasksApi.requestClose(task.id), t('tasks.closeRequested'))}>
            {t('tasks.requestClose')}
          </Button>
        ) : null}
        {task.can.decideClosure ? (
          <>
            <Button type="primary" loading={busy} onClick={() => act(() => tasksApi.decideClose(task.id, 'approved'), t('tasks.closeApproved'))}>
              {t('tasks.approve')}
            </Button>
            <Button danger disabled={busy} onClick={() => setReturning(true)}>
              {t('tasks.return')}
            </Button>
          </>
        ) : null}
      </Space>
      <ReasonModal open={returning} title={t('tasks.reasonTitle')} placeholder={t('tasks.reasonPlaceholder')} onCancel={() => setReturning(false)} onSubmit={giveBack} />
    </Space>
  );
}
