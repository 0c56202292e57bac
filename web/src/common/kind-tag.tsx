import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgreementKind } from '../api/types.ts';

const COLORS: Record<AgreementKind, string> = {
  framework: 'red',
  departmental: 'blue',
  district: 'cyan',
  park: 'geekblue',
  enterprise: 'purple',
  other: 'default',
};

export function AgreementKindTag({ kind }: { kind: AgreementKind }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[kind]}>{t(`agreementKind.${kind}`)}</Tag>;
}
