import { ClearOutlined, FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { readTextFile } from './read-text-file.ts';

/** Step one: the text to read, pasted or from a .txt file. */
export function TextInputCard({
  text,
  analysing,
  error,
  onTextChange,
  onAnalyse,
}: {
  text: string;
  analysing: boolean;
  error: unknown;
  onTextChange: (text: string) => void;
  onAnalyse: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const load = (file: File) => {
    readTextFile(file).then(
      (read) => {
        onTextChange(read);
        message.success(t('import.input.loaded', { name: file.name, count: read.length }));
      },
      () => message.error(t('import.input.readFailed', { name: file.name })),
    );
  };

  let failure = null;
  if (error) {
    const tooLarge = error instanceof ApiError && (error.code === 'ingest.too_large' || error.status === 413);
    failure = (
      <Alert
        type="error"
        showIcon
        title={t('import.input.failed')}
        description={tooLarge ? t('import.input.tooLarge') : errorMessage(error, t)}
        data-testid="analyse-error"
      />
    );
  }

  return (
    <Card size="small" title={t('import.input.title')} extra={<Typography.Text type="secondary">{t('import.input.characters', { count: text.length })}</Typography.Text>}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('import.input.intro')}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('import.input.label')}
          data-testid="import-input"
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          placeholder={t('import.input.placeholder')}
          autoSize={{ minRows: 16, maxRows: 30 }}
          style={{ fontSize: 15, lineHeight: 1.8 }}
        />
        {failure}
        <Space wrap>
          <Button type="primary" icon={<FileSearchOutlined />} loading={analysing} disabled={!text.trim()} onClick={onAnalyse} data-testid="analyse">
            {t('import.input.analyse')}
          </Button>
          <Upload
            accept=".txt,text/plain"
            showUploadList={false}
            beforeUpload={(file) => {
              load(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('import.input.upload')}</Button>
          </Upload>
          <Button icon={<ClearOutlined />} disabled={!text} onClick={() => onTextChange('')}>
            {t('import.input.clear')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
