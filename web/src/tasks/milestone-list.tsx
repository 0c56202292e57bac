import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { App, Button, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';
import { tasksApi, type Milestone } from '../api/tasks.ts';
import { formatDate } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';

interface Props {
  milestones: Milestone[];
  editable: boolean;
  onChanged: () => void;
}

/** A task's milestones in order; those who work on the task mark them reached, which moves the task's percent. */
export function MilestoneList({ milestones, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  if (milestones.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.noMilestones')} />;

  const mark = (milestone: Milestone) => {
    setBusy(milestone.id);
    tasksApi.markMilestone(milestone, !milestone.doneAt).then(
      () => {
        setBusy(null);
        onChanged();
      },
      (error: unknown) => {
        message.error(errorMessage(error, t));
        setBusy(null);
      },
    );
  };

  return (
    <List<Milestone>
      size="small"
      dataSource={[...milestones].sort((a, b) => a.ordinal - b.ordinal)}
      data-testid="milestones"
      renderItem={(milestone) => (
        <List.Item
          actions={
            editable
              ? [
                  <Button key="mark" size="small" type={milestone.doneAt ? 'text' : 'default'} loading={busy === milestone.id} onClick={() => mark(milestone)}>
                    {milestone.doneAt ? t('tasks.markUndone') : t('tasks.markDone')}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            avatar={milestone.doneAt ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <ClockCircleOutlined style={{ color: '#bbb' }} />}
            title={milestone.title}
            description={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {milestone.doneAt
                  ? t('tasks.milestoneDone', { date: formatDate(milestone.doneAt, locale) })
                  : t('tasks.milestoneDueOn', { date: formatDate(milestone.dueOn, locale) ?? t('common.none') })}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
