import { App, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_KINDS, agreementsApi, VISIBILITIES, type AgreementFields } from '../api/agreements.ts';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import type { Agreement, AgreementKind, AgreementListItem, Visibility } from '../api/types.ts';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { DateField } from '../common/date-field.tsx';

interface Values {
  kind: AgreementKind;
  title: string;
  parentId?: string | undefined;
  signedOn?: string | undefined;
  place?: string | undefined;
  signatories?: string[] | undefined;
  source?: string | undefined;
  visibility: Visibility;
  text?: string | undefined;
}

interface Props {
  cooperationId: string;
  /** The cooperation's agreements, to sign a new one under (1+N). */
  agreements: AgreementListItem[];
  /** The agreement being corrected; absent: registering a new one. */
  agreement?: Agreement | undefined;
  onClose: () => void;
  onSaved: (agreement: Agreement) => void;
}

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The agreements an agreement may be signed under: every other one except those signed under it (that would be a cycle). */
function possibleParents(agreements: AgreementListItem[], selfId: string | undefined): AgreementListItem[] {
  if (!selfId) return agreements;
  const beneath = new Set([selfId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of agreements) {
      if (a.parentId && beneath.has(a.parentId) && !beneath.has(a.id)) {
        beneath.add(a.id);
        grew = true;
      }
    }
  }
  return agreements.filter((a) => !beneath.has(a.id));
}

/** Which field a refusal of the server is about, so it is shown there. */
const FIELD_OF_CODE: Record<string, keyof Values> = {
  'agreement.parent_cycle': 'parentId',
  'agreement.not_found': 'parentId',
  'visibility.owner_required': 'visibility',
  'date.out_of_range': 'signedOn',
};

/** Registering an agreement of the cooperation (with its text), or correcting one's particulars. */
export function AgreementFormModal({ cooperationId, agreements, agreement, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save, clearFailure } = useSave();
  const editing = agreement !== undefined;

  const submit = async () => {
    const values = await form.validateFields();
    const fields: AgreementFields = {
      parentId: values.parentId ?? null,
      kind: values.kind,
      title: values.title.trim(),
      signedOn: orNull(values.signedOn),
      place: orNull(values.place),
      signatories: [...new Set((values.signatories ?? []).map((s) => s.trim()).filter(Boolean))],
      source: orNull(values.source),
      visibility: values.visibility,
    };
    await save(
      async () => {
        const saved = agreement ? await agreementsApi.update(agreement, fields) : await agreementsApi.create(cooperationId, { ...fields, text: values.text ?? '' });
        message.success(t(editing ? 'agreement.form.saved' : 'agreement.form.created', { title: saved.title }));
        onSaved(saved);
      },
      (error) => {
        const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
        if (field) form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
        return field !== undefined;
      },
    );
  };

  const initialValues: Values = agreement
    ? {
        kind: agreement.kind,
        title: agreement.title,
        parentId: agreement.parentId ?? undefined,
        signedOn: agreement.signedOn ?? undefined,
        place: agreement.place ?? undefined,
        signatories: agreement.signatories,
        source: agreement.source ?? undefined,
        visibility: agreement.visibility,
      }
    : { kind: agreements.length === 0 ? 'framework' : 'departmental', title: '', visibility: 'parties' };

  return (
    <Modal
      open
      width={760}
      title={t(editing ? 'agreement.form.editTitle' : 'agreement.form.createTitle')}
      okText={t(editing ? 'common.save' : 'agreement.form.create')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <SaveFailure failure={failure} title={t('agreement.form.failed')} />
      <Form<Values> form={form} name="agreement" layout="vertical" initialValues={initialValues} onValuesChange={clearFailure}>
        <Form.Item name="title" label={t('agreement.form.title')} rules={[{ required: true, whitespace: true, message: t('tasks.create.errors.required') }]}>
          <Input maxLength={300} placeholder={t('agreement.form.titlePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="kind" label={t('agreement.kind')}>
              <Select options={AGREEMENT_KINDS.map((kind) => ({ value: kind, label: t(`agreementKind.${kind}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="parentId" label={t('agreement.form.parent')} extra={t('agreement.form.parentHint')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('agreement.form.noParent')}
                options={possibleParents(agreements, agreement?.id).map((a) => ({ value: a.id, label: a.title }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="signedOn" label={t('agreement.signedOn')}>
              <DateField />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="place" label={t('agreement.place')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="signatories" label={t('agreement.signatories')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} placeholder={t('agreement.form.signatoriesPlaceholder')} />
        </Form.Item>
        <Form.Item name="source" label={t('agreement.source')}>
          <Input maxLength={2000} placeholder={t('agreement.form.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item name="visibility" label={t('agreement.form.visibility')}>
          <Radio.Group optionType="button" options={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))} />
        </Form.Item>
        {editing ? null : (
          <Form.Item name="text" label={t('agreement.text')} extra={t('agreement.form.textHint')}>
            <Input.TextArea rows={6} placeholder={t('agreement.form.textPlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
