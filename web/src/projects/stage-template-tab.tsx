import { App, Button, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';
import { projectsApi, type Stage, type StageTemplate } from '../api/projects.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { stageName } from './project-words.ts';

const KINDS = ['step', 'halted', 'ended'] as const;
const MILESTONES = ['signed', 'registered', 'started', 'operating'] as const;

/** The cooperation's stage template: steps in order, 停滞/终止, and which steps mark the milestones the rates count. */
export function StageTemplateTab({ cooperationId, template, onSaved }: { cooperationId: string; template: StageTemplate; onSaved: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Stage[]>(template.items);
  const [saving, setSaving] = useState(false);
  const edit = (index: number, patch: Partial<Stage>) => setRows((r) => r.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const save = () => {
    setSaving(true);
    projectsApi
      .replaceStages(cooperationId, rows.map((s) => ({ code: s.code, name: s.name, kind: s.kind, milestone: s.milestone })))
      .then(
        () => {
          message.success(t('projects.stages.saved'));
          onSaved();
        },
        (error: unknown) => message.error(errorMessage(error, t)),
      )
      .finally(() => setSaving(false));
  };
  const editable = template.can.edit;
  const columns: TableColumnsType<Stage> = [
    { title: t('projects.stages.code'), dataIndex: 'code', width: 160, render: (code: string, _s, i) => (editable ? <Input value={code} onChange={(e) => edit(i, { code: e.target.value })} /> : code) },
    { title: t('projects.stages.name'), dataIndex: 'name', render: (name: string, s, i) => (editable ? <Input value={name} onChange={(e) => edit(i, { name: e.target.value })} /> : stageName(rows, s.code, locale, t)) },
    {
      title: t('projects.stages.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (kind: Stage['kind'], _s, i) => (editable ? <Select style={{ width: '100%' }} value={kind} onChange={(v) => edit(i, { kind: v })} options={KINDS.map((k) => ({ value: k, label: t(`projects.stageKind.${k}`) }))} /> : t(`projects.stageKind.${kind}`)),
    },
    {
      title: t('projects.stages.milestone'),
      dataIndex: 'milestone',
      width: 170,
      render: (m: Stage['milestone'], _s, i) =>
        editable ? (
          <Select style={{ width: '100%' }} value={m ?? 'none'} onChange={(v: string) => edit(i, { milestone: v === 'none' ? null : (v as Stage['milestone']) })} options={['none', ...MILESTONES].map((k) => ({ value: k, label: t(`projects.milestone.${k as 'none'}`) }))} />
        ) : (
          t(`projects.milestone.${m ?? 'none'}`)
        ),
    },
    ...(editable
      ? [
          {
            title: '',
            key: 'remove',
            width: 80,
            render: (_: unknown, _s: Stage, i: number) => (
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setRows((r) => r.filter((_x, j) => j !== i))}>
                {t('projects.stages.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 860 }}>
      <Typography.Text type="secondary">{t('projects.stages.hint')}</Typography.Text>
      <Table<Stage> rowKey={(s) => `${s.ordinal}:${rows.indexOf(s)}`} size="small" bordered pagination={false} columns={columns} dataSource={rows} data-testid="stage-template" />
      {editable ? (
        <Space>
          <Button onClick={() => setRows((r) => [...r, { code: `stage_${r.length + 1}`, name: '', ordinal: r.length, kind: 'step', milestone: null }])}>{t('projects.stages.add')}</Button>
          <Button type="primary" loading={saving} onClick={save}>
            {t('projects.stages.save')}
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}
