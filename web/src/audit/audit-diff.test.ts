import { describe, expect, it } from 'vitest';
import { auditDiff, isInternalField, valueInWords, type ValueWords } from './audit-diff.ts';

describe('auditDiff', () => {
  it('lists only the fields whose value changed', () => {
    expect(auditDiff({ status: 'in_progress', percent: 30, title: 'A' }, { status: 'blocked', percent: 30, title: 'A' })).toEqual([
      { field: 'status', before: 'in_progress', after: 'blocked' },
    ]);
  });

  it('shows every field of a created row as new', () => {
    expect(auditDiff(null, { title: '联合实验室', tags: ['科技'] })).toEqual([
      { field: 'title', before: undefined, after: '联合实验室' },
      { field: 'tags', before: undefined, after: ['科技'] },
    ]);
  });

  it('leaves out the version and update time that every write moves, and tells storage columns apart', () => {
    expect(auditDiff({ version: 1, updatedAt: 'x', percent: 10 }, { version: 2, updatedAt: 'y', percent: 20 })).toEqual([
      { field: 'percent', before: 10, after: 20 },
    ]);
    expect(isInternalField('cooperationId')).toBe(true);
    expect(isInternalField('dueOn')).toBe(false);
  });
});

describe('valueInWords', () => {
  const words: ValueWords = {
    names: new Map([['11111111-1111-4111-8111-111111111111', '青岛市']]),
    yes: '是',
    no: '否',
    moment: (iso) => `moment(${iso})`,
    date: (iso) => `date(${iso})`,
  };

  it('names ids the cooperation knows, in lists too', () => {
    expect(valueInWords('11111111-1111-4111-8111-111111111111', words)).toBe('青岛市');
    expect(valueInWords(['11111111-1111-4111-8111-111111111111', '科技'], words)).toBe('青岛市、科技');
  });

  it('writes dates, moments and yes or no the reader’s way', () => {
    expect(valueInWords('2026-12-02', words)).toBe('date(2026-12-02)');
    expect(valueInWords('2026-12-02T08:00:00.000Z', words)).toBe('moment(2026-12-02T08:00:00.000Z)');
    expect(valueInWords(true, words)).toBe('是');
    expect(valueInWords(null, words)).toBe('');
  });

  it('reads a report figure as its name, value and unit', () => {
    expect(valueInWords([{ name: '投资到位', unit: '万元', value: 5200 }], words)).toBe('投资到位 5200 万元');
  });
});
