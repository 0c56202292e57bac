import { describe, expect, it } from 'vitest';
import { versionChanges, type ChangePart } from './version-changes.ts';

const side = (parts: ChangePart[] | null, kind: 'added' | 'removed') => (parts ?? []).filter((p) => p.kind !== (kind === 'added' ? 'removed' : 'added')).map((p) => p.text).join('');

describe('versionChanges', () => {
  const OLD = '一、共建联合实验室。\n二、到位资金10亿元。\n三、互认科技成果。';
  const NEW = '一、共建联合实验室。\n二、到位资金12亿元。\n三、互认科技成果。\n四、共享大型科研仪器。';

  it('rebuilds each text from its side of the changes', () => {
    const parts = versionChanges(OLD, NEW);
    expect(side(parts, 'removed')).toBe(OLD);
    expect(side(parts, 'added')).toBe(NEW);
  });

  it('shows a changed figure in its line and an added line whole', () => {
    const parts = versionChanges(OLD, NEW) ?? [];
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['0']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['2', '\n四、共享大型科研仪器。']);
  });

  it('shows a rewritten line as removed and added, not as scattered characters', () => {
    const parts = versionChanges('甲乙丙丁\n', '戊己庚辛\n') ?? [];
    expect(parts).toEqual([
      { text: '甲乙丙丁\n', kind: 'removed' },
      { text: '戊己庚辛\n', kind: 'added' },
    ]);
  });

  it('has nothing changed for the same text', () => {
    expect(versionChanges(OLD, OLD)).toEqual([{ text: OLD, kind: 'same' }]);
  });
});
