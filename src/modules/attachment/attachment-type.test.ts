import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { docxOf, ole2Of, PDF, PNG, windowsExecutable, zipOf } from '../../../test/integration/report-fixtures.ts';
import { cleanFileName } from './attachment.service.ts';
import { detectAttachmentType, ole2Kind } from './attachment-type.ts';

const detect = (bytes: Buffer) => detectAttachmentType(async () => Readable.from([bytes], { objectMode: false }));

describe('evidence file types', () => {
  it('recognises PDF, PNG and Word by their bytes', async () => {
    expect((await detect(PDF)).type?.mime).toBe('application/pdf');
    expect((await detect(PNG)).type?.mime).toBe('image/png');
    expect((await detect(docxOf('x'))).type?.ext).toBe('docx');
  });

  it('refuses an executable, a plain ZIP and text, saying what it saw', async () => {
    expect(await detect(windowsExecutable())).toEqual({ type: null, detected: 'exe' });
    expect((await detect(zipOf([{ name: 'a.txt', data: 'a' }]))).type).toBeNull();
    expect(await detect(Buffer.from('just text'))).toEqual({ type: null, detected: null });
  });

  it('tells a Word or Excel compound file from another OLE2 file by its directory', () => {
    expect(ole2Kind(ole2Of('WordDocument'))?.ext).toBe('doc');
    expect(ole2Kind(ole2Of('Workbook'))?.ext).toBe('xls');
    expect(ole2Kind(ole2Of('\u0005SummaryInformation'))).toBeNull();
  });

  it('keeps only the last segment of an uploaded name, without control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\a\\报告.pdf')).toBe('报告.pdf');
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('///')).toBe('attachment');
  });
});
