import { ArrowDownOutlined, ArrowUpOutlined, CheckCircleFilled, ClockCircleOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, List, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tasksApi, type Milestone } from '../api/tasks.ts';
import { useRowAction } from '../common/use-row-action.ts';
import { formatDate } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { MilestoneModal } from './milestone-modal.tsx';

interface Props {
  taskId: string;
  milestones: Milestone[];
  editable: boolean;
  onChanged: () => void;
}

/**
 * A task's milestones in order. Those who work on the task mark them reached, which moves the task's percent,
 * and add, correct and remove them.
 */
export function MilestoneList({ taskId, milestones, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { busy, run } = useRowAction(onChanged);
  /** The milestone in the form: 'new' for one being added. */
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const saved = () => {
    setEditing(null);
    onChanged();
  };

  const ordered = [...milestones].sort((a, b) => a.ordinal - b.ordinal);
  /** One place up or down; the first has no up and the last no down. */
  const moveButton = (milestone: Milestone, direction: 'up' | 'down', index: number) => {
    const label = t(direction === 'up' ? 'tasks.milestone.moveUp' : 'tasks.milestone.moveDown');
    const edge = direction === 'up' ? index === 0 : index === ordered.length - 1;
    return (
      <Tooltip key={direction} title={label}>
        <Button
          size="small"
          type="text"
          aria-label={label}
          disabled={edge || busy !== null}
          icon={direction === 'up' ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
          onClick={() => run(milestone.id, () => tasksApi.moveMilestone(milestone, direction))}
        />
      </Tooltip>
    );
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {milestones.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.noMilestones')} />
      ) : (
        <List<Milestone>
          size="small"
          dataSource={ordered}
          data-testid="milestones"
          renderItem={(milestone, index) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Button
                        key="mark"
                        size="small"
                        type={milestone.doneAt ? 'text' : 'default'}
                        loading={busy === milestone.id}
                        onClick={() => run(milestone.id, () => tasksApi.markMilestone(milestone, !milestone.doneAt))}
                      >
                        {milestone.doneAt ? t('tasks.markUndone') : t('tasks.markDone')}
                      </Button>,
                      moveButton(milestone, 'up', index),
                      moveButton(milestone, 'down', index),
                      <Tooltip key="edit" title={t('common.edit')}>
                        <Button size="small" type="text" aria-label={t('common.edit')} icon={<EditOutlined />} onClick={() => setEditing(milestone)} />
                      </Tooltip>,
                      <Popconfirm
                        key="delete"
                        title={t('tasks.milestone.deleteConfirm', { title: milestone.title })}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => run(milestone.id, () => tasksApi.deleteMilestone(milestone))}
                      >
                        <Button size="small" type="text" danger aria-label={t('common.delete')} icon={<DeleteOutlined />} />
                      </Popconfirm>,
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
      )}
      {editable ? (
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('tasks.milestone.add')}
        </Button>
      ) : null}
      {editing ? <MilestoneModal taskId={taskId} milestone={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={saved} /> : null}
    </Space>
  );
}
