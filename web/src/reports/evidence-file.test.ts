import { describe, expect, it } from 'vitest';
import { evidenceRefusal } from './evidence-file.ts';

const MB = 1024 * 1024;

describe('evidenceRefusal', () => {
  it('takes documents and pictures up to the limit, whatever the case of their names', () => {
    expect(evidenceRefusal({ name: '银行回单.PDF', size: 3 * MB }, 20 * MB)).toBeNull();
    expect(evidenceRefusal({ name: '现场.jpeg', size: 20 * MB }, 20 * MB)).toBeNull();
  });

  it('refuses another kind of file, or none named, and one over the limit', () => {
    expect(evidenceRefusal({ name: 'setup.exe', size: MB }, 20 * MB)).toBe('type');
    expect(evidenceRefusal({ name: '说明', size: MB }, 20 * MB)).toBe('type');
    expect(evidenceRefusal({ name: '合同.docx', size: 20 * MB + 1 }, 20 * MB)).toBe('size');
  });
});
