import { describe, expect, it } from 'vitest';
import { decodeText } from './text-decoder.ts';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const bytes = new TextEncoder().encode('两市签署合作协议');
    expect(decodeText(bytes)).toBe('两市签署合作协议');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe('两市签署合作协议');
  });

  it('reads GB18030 when the bytes are not UTF-8', () => {
    // 合作 in GB18030 (GBK range).
    expect(decodeText(new Uint8Array([0xba, 0xcf, 0xd7, 0xf7]))).toBe('合作');
  });

  it('reads UTF-16 files that carry a byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x08, 0x54, 0x5c, 0x4f]))).toBe('合作');
  });

  it('returns an empty string for no bytes', () => {
    expect(decodeText(new Uint8Array())).toBe('');
  });
});
