import type { HighlightKind } from './highlight-segments.ts';

/**
 * One colour per kind of extracted item: a pale fill that keeps black text readable and a stronger underline
 * that still tells kinds apart for readers who see the fills alike.
 */
export const HIGHLIGHT_COLOURS: Record<HighlightKind, { fill: string; line: string }> = {
  party: { fill: '#dbe7fb', line: '#1f4e8c' },
  date: { fill: '#ece2fa', line: '#6b3fa0' },
  agreement: { fill: '#fbdcdc', line: '#a8071a' },
  area: { fill: '#ffe4c2', line: '#c25e00' },
  item: { fill: '#fff3bf', line: '#ad8b00' },
  amount: { fill: '#d9f2d0', line: '#2f7d1f' },
  target: { fill: '#cdeeea', line: '#0b7a75' },
  subAgreement: { fill: '#f9dcea', line: '#a3246a' },
  project: { fill: '#eef5cf', line: '#6a7f00' },
  count: { fill: '#e8eaee', line: '#667085' },
};
