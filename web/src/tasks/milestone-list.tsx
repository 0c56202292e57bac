import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Button, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { tasksApi, type Milestone } from '../api/tasks.ts';
import { useRowAction } from '../common/use-row-action.ts';
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
  const { busy, run } = useRowAction(onChanged);

  if (milestones.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.noMilestones')} />;

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
                  <Button key="mark" size="small" type={milestone.doneAt ? 'text' : 'default'} loading={busy === milestone.id} onClick={() => run(milestone.id, () => tasksApi.markMilestone(milestone, !milestone.doneAt))}>
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
