import type { CSSProperties } from 'react';

/** The reading panel of a text — an agreement's, a pasted one under review, a comparison of versions — scrolling on its own. */
export function textPanelStyle(height: string, minHeight = 360): CSSProperties {
  return {
    position: 'relative',
    height,
    minHeight,
    overflowY: 'auto',
    padding: '12px 16px',
    background: '#fcfcfd',
    border: '1px solid #e5e8ee',
    borderRadius: 4,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    lineHeight: 1.9,
    fontSize: 15,
  };
}
