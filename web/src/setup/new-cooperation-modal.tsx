import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { CalendarKind } from '../api/settings.ts';
import { setupApi } from '../api/setup.ts';
import type { Cooperation, Visibility } from '../api/types.ts';
import { DateField } from '../common/date-field.tsx';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { RegionSelect } from '../ingest/region-select.tsx';
import { useSession } from '../session/session-context.tsx';
import { PeriodsChoice } from './periods-choice.tsx';
import { officesToSend, type SideDraft } from './side-drafts.ts';
import { officeRefusal, SideOffices, type OfficeRefusal } from './side-offices.tsx';

const NAME_MAX = 200;
const PARTY_NAME_MAX = 100;
const VISIBILITIES: Visibility[] = ['parties', 'public'];

interface Side extends SideDraft {
  /** The name the cooperation uses for the side; the region's name until changed. */
  displayName: string;
}

const emptySide = (): Side => ({ key: crypto.randomUUID(), regionCode: null, name: '', displayName: '' });

/** A cooperation registered by hand: its name, two or more parties, start date, visibility, offices and first periods. */
export function NewCooperationModal({ onClose, onCreated }: { onClose: () => void; onCreated: (cooperation: Cooperation) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [startedOn, setStartedOn] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('parties');
  const [sides, setSides] = useState<Side[]>([emptySide(), emptySide()]);
  const [offices, setOffices] = useState<Record<string, string>>({});
  const [periods, setPeriods] = useState<CalendarKind | 'none'>('quarterly');
  const [partiesError, setPartiesError] = useState<string | null>(null);
  const [refusedOffice, setRefusedOffice] = useState<OfficeRefusal | null>(null);
  const { saving, failure, save, clearFailure } = useSave();

  const change = (key: string, patch: Partial<Side>) => setSides((list) => list.map((side) => (side.key === key ? { ...side, ...patch } : side)));

  const submit = async () => {
    const trimmed = name.trim();
    const chosen = sides.filter((side) => side.regionCode);
    const codes = chosen.map((side) => side.regionCode);
    setNameError(trimmed ? null : t('setup.create.nameRequired'));
    let sidesProblem: string | null = null;
    if (chosen.length < 2) sidesProblem = t('setup.create.twoParties');
    else if (new Set(codes).size !== codes.length) sidesProblem = t('errorCodes.cooperation.duplicate_party');
    setPartiesError(sidesProblem);
    if (!trimmed || sidesProblem) return;
    await save(
      async () => {
        const created = await setupApi.createCooperation({
          name: trimmed,
          startedOn: startedOn || null,
          visibility,
          parties: chosen.map((side) => ({ regionCode: side.regionCode ?? '', name: side.displayName.trim() || side.name })),
          offices: officesToSend(chosen, offices),
          ...(periods === 'none' ? {} : { periods }),
        });
        // The user is now its office: the pages it opens on go by the roles in /me.
        await refresh();
        message.success(t('setup.create.created', { name: created.name }));
        onCreated(created);
      },
      (error) => {
        if (error instanceof ApiError && error.code === 'cooperation.duplicate') {
          setNameError(t('errorCodes.cooperation.duplicate'));
          return true;
        }
        const office = officeRefusal(error, chosen);
        setRefusedOffice(office);
        return office !== null;
      },
    );
  };

  return (
    <Modal
      open
      title={t('setup.create.title')}
      okText={t('setup.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      width={680}
      destroyOnHidden
    >
      <div data-testid="new-cooperation-form">
        <SaveFailure failure={failure} title={t('setup.create.failed')} testId="new-cooperation-error" />
        <Form layout="vertical" component="div" onValuesChange={clearFailure}>
          <Form.Item label={t('settings.general.name')} required validateStatus={nameError ? 'error' : undefined} help={nameError}>
            <Input
              aria-label={t('settings.general.name')}
              value={name}
              maxLength={NAME_MAX}
              onChange={(event) => {
                setName(event.target.value);
                setNameError(null);
              }}
            />
          </Form.Item>
          <Form.Item label={t('cooperation.parties')} required>
            {partiesError ? <Alert type="error" showIcon title={partiesError} style={{ marginBottom: 8 }} data-testid="new-cooperation-parties-error" /> : null}
            {sides.map((side, index) => (
              <Space.Compact key={side.key} style={{ display: 'flex', marginBottom: 8 }}>
                <div style={{ flex: 3, minWidth: 0 }}>
                  <RegionSelect
                    ariaLabel={t('import.parties.regionOf', { number: index + 1 })}
                    value={side.regionCode}
                    name={side.name}
                    onChange={(region) => {
                      change(side.key, { regionCode: region.code, name: region.name, displayName: region.name });
                      setPartiesError(null);
                    }}
                  />
                </div>
                <Input
                  style={{ flex: 2 }}
                  aria-label={t('setup.create.displayNameOf', { number: index + 1 })}
                  placeholder={t('setup.create.displayName')}
                  maxLength={PARTY_NAME_MAX}
                  value={side.displayName}
                  onChange={(event) => change(side.key, { displayName: event.target.value })}
                />
                <Button
                  aria-label={t('import.parties.remove')}
                  icon={<DeleteOutlined />}
                  disabled={sides.length <= 2}
                  onClick={() => setSides((list) => list.filter((s) => s.key !== side.key))}
                />
              </Space.Compact>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => setSides((list) => [...list, emptySide()])}>
              {t('import.parties.add')}
            </Button>
          </Form.Item>
          <Space wrap size={16} align="start">
            <Form.Item label={t('cooperation.startedOn')}>
              <DateField aria-label={t('cooperation.startedOn')} width={180} value={startedOn} onChange={(value) => setStartedOn(value ?? '')} />
            </Form.Item>
            <Form.Item label={t('cooperation.visibility')}>
              <Select<Visibility>
                aria-label={t('cooperation.visibility')}
                style={{ width: 180 }}
                value={visibility}
                onChange={setVisibility}
                options={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
              />
            </Form.Item>
          </Space>
          <Form.Item label={t('setup.offices.label')}>
            <SideOffices
              sides={sides}
              offices={offices}
              refusal={refusedOffice}
              onChange={(next) => {
                setOffices(next);
                setRefusedOffice(null);
              }}
            />
          </Form.Item>
          <Form.Item label={t('setup.periods.label')}>
            <PeriodsChoice value={periods} onChange={setPeriods} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
