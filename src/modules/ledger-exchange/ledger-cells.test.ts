import { describe, expect, it } from 'vitest';
import { cellAddress, cellDate, cellList, cellPercent, cellText } from './ledger-cells.ts';
import { closestName } from './closest-name.ts';

describe('reading ledger cells', () => {
  it('takes dates however they are typed or stored', () => {
    for (const typed of ['2024-11-26', '2024/11/26', '2024.11.26', '2024年11月26日', '2024年11月26', '20241126', '２０２４．１１．２６']) {
      expect(cellDate(typed), typed).toEqual({ ok: true, value: '2024-11-26' });
    }
    expect(cellDate(new Date(Date.UTC(2024, 10, 26)))).toEqual({ ok: true, value: '2024-11-26' });
    expect(cellDate(45622)).toEqual({ ok: true, value: '2024-11-26' });
    expect(cellDate({ formula: 'DATE(2024,11,26)', result: new Date(Date.UTC(2024, 10, 26)) })).toEqual({ ok: true, value: '2024-11-26' });
    expect(cellDate('')).toEqual({ ok: true, value: null });
    for (const bad of ['2024-02-30', '明年', '11/26/2024', '2024.13.01']) expect(cellDate(bad), bad).toEqual({ ok: false });
  });

  it('takes a percent as a number, text or a percent-formatted fraction', () => {
    expect(cellPercent(45)).toEqual({ ok: true, value: 45 });
    expect(cellPercent('45%')).toEqual({ ok: true, value: 45 });
    expect(cellPercent(0.45, true)).toEqual({ ok: true, value: 45 });
    expect(cellPercent(null)).toEqual({ ok: true, value: null });
    for (const bad of [130, '-5', '四十', 12.5]) expect(cellPercent(bad)).toEqual({ ok: false });
  });

  it('reads formulas by their cached result, rich text as its text, lists at every separator', () => {
    expect(cellText({ formula: 'A1&B1', result: '推进中' })).toBe('推进中');
    expect(cellText({ richText: [{ text: '青岛市' }, { text: '科学技术局' }] })).toBe('青岛市科学技术局');
    expect(cellText({ error: '#REF!' })).toBe('');
    expect(cellList('青岛市教育局、青岛市商务局;青岛市科学技术局，')).toEqual(['青岛市教育局', '青岛市商务局', '青岛市科学技术局']);
    expect([cellAddress(3, 14), cellAddress(27, 2)]).toEqual(['C14', 'AA2']);
  });
});

describe('the closest name', () => {
  const units = ['青岛市发展和改革委员会', '青岛市科学技术局', '青岛市商务局'];
  it('reads an abbreviation as the name it abbreviates', () => {
    expect(closestName('市发改', units)).toBe('青岛市发展和改革委员会');
    expect(closestName('科技局', units)).toBe('青岛市科学技术局');
    expect(closestName('进行中', ['未启动', '推进中', '已完成'])).toBe('推进中');
  });
  it('suggests nothing when nothing is close', () => {
    expect(closestName('外交部', units)).toBeNull();
    expect(closestName('', units)).toBeNull();
  });
});
