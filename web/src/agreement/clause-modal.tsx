import { App, Col, Form, Input, Modal, Row, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementsApi, CLAUSE_LEVELS } from '../api/agreements.ts';
import type { ClauseLevel, ClauseNode } from '../api/types.ts';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { indexClauses, possibleParents } from './clause-index.ts';

/** The parent select's value for the top of the tree (a select cannot hold null). */
const TOP = '';

interface Values {
  parentId: string;
  level: ClauseLevel;
  label?: string | undefined;
  title: string;
  body?: string | undefined;
}

/** The level a new clause beneath a parent usually has: area → direction → measure. */
function childLevel(parent: ClauseNode | undefined): ClauseLevel {
  if (!parent) return 'area';
  return parent.level === 'area' ? 'direction' : 'measure';
}

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

/** The clause tree as the parent select shows it, without the clause being moved and what lies beneath it. */
function parentOptions(nodes: ClauseNode[], allowed: Set<string>): TreeOption[] {
  return [...nodes]
    .sort((a, b) => a.ordinal - b.ordinal)
    .filter((n) => allowed.has(n.id))
    .map((n) => ({ value: n.id, title: n.label ? `${n.label} ${n.title}` : n.title, children: parentOptions(n.children, allowed) }));
}

interface Props {
  agreementId: string;
  /** The whole tree, for choosing where an edited clause sits. */
  clauses: ClauseNode[];
  /** Editing this clause; absent: adding one beneath `parent` (or at the top). */
  clause?: ClauseNode | undefined;
  parent?: ClauseNode | undefined;
  onClose: () => void;
  onSaved: () => void;
}

/** Adding a clause (领域, 方向 or 举措) to an agreement's tree, or correcting one. */
export function ClauseModal({ agreementId, clauses, clause, parent, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save } = useSave();
  const parents = useMemo(() => {
    if (!clause) return [];
    const allowed = new Set(possibleParents(clauses, clause).map((c) => c.id));
    return [{ value: TOP, title: t('agreement.clause.topOfTree'), children: [] }, ...parentOptions(clauses, allowed)];
  }, [clauses, clause, t]);

  const submit = async () => {
    const values = await form.validateFields();
    const fields = { level: values.level, label: values.label?.trim() ? values.label.trim() : null, title: values.title.trim(), body: values.body?.trim() ?? '' };
    await save(async () => {
      if (clause) {
        const updated = await agreementsApi.updateClause(clause, fields);
        const parentId = values.parentId === TOP ? null : values.parentId;
        if (parentId !== clause.parentId) {
          const newSiblings = parentId ? (indexClauses(clauses).byId.get(parentId)?.children ?? []) : clauses;
          await agreementsApi.moveClause(updated, parentId, Math.max(-1, ...newSiblings.map((c) => c.ordinal)) + 1);
        }
      } else await agreementsApi.createClause(agreementId, { ...fields, parentId: parent?.id ?? null });
      message.success(t(clause ? 'agreement.clause.saved' : 'agreement.clause.added'));
      onSaved();
    });
  };

  const title = clause ? t('agreement.clause.editTitle') : parent ? t('agreement.clause.addBeneath', { parent: parent.title }) : t('agreement.clause.addTop');
  return (
    <Modal open width={680} title={title} okText={t('common.save')} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} confirmLoading={saving}>
      <SaveFailure failure={failure} title={t('agreement.clause.failed')} />
      <Form<Values>
        form={form}
        name="clause"
        layout="vertical"
        initialValues={clause ? { parentId: clause.parentId ?? TOP, level: clause.level, label: clause.label ?? undefined, title: clause.title, body: clause.body ?? undefined } : { level: childLevel(parent), title: '' }}
      >
        {clause ? (
          <Form.Item name="parentId" label={t('agreement.clause.parent')} extra={t('agreement.clause.parentHint')}>
            <TreeSelect treeData={parents} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} popupMatchSelectWidth={false} />
          </Form.Item>
        ) : null}
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="level" label={t('agreement.clause.level')}>
              <Select options={CLAUSE_LEVELS.map((level) => ({ value: level, label: t(`clauseLevel.${level}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="label" label={t('agreement.clause.label')}>
              <Input maxLength={20} placeholder={t('agreement.clause.labelPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('agreement.clause.title')} rules={[{ required: true, whitespace: true, message: t('tasks.create.errors.required') }]}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="body" label={t('agreement.clause.body')}>
          <Input.TextArea rows={4} maxLength={20_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
