import { describe, expect, it } from 'vitest';
import { buildView, cleanSource, normaliseText, pieceOf } from './text-normaliser.ts';

describe('text normaliser', () => {
  it('keeps the length of the text so offsets stay valid', () => {
    const text = '青島市（一）２０２５年，合作協議';
    const normal = normaliseText(text);
    expect(normal).toHaveLength(text.length);
    expect(normal).toBe('青岛市(一)2025年,合作协议');
  });

  it('reads a half-width dot after Chinese as a full stop, but not inside a number', () => {
    expect(normaliseText('两市签署协议.总投资4026.5亿元.')).toBe('两市签署协议。总投资4026.5亿元。');
  });

  it('joins a sentence broken across lines and maps view offsets back to the original', () => {
    const original = '双方将共建产业\n\n  园区，推动合作。';
    const view = buildView(original, 0, original.length);
    expect(view.text).toBe('双方将共建产业园区,推动合作。');
    const start = view.text.indexOf('产业园区');
    const piece = pieceOf(view, start, start + 4);
    expect(original.slice(piece.start, piece.end)).toBe('产业\n\n  园区');
    expect(piece.text).toBe('产业园区');
  });

  it('drops zero-width characters from views but not from spans', () => {
    const original = '深\u200b圳';
    const view = buildView(original, 0, original.length);
    expect(view.text).toBe('深圳');
    expect(pieceOf(view, 0, 2)).toEqual({ start: 0, end: 3, text: '深圳' });
  });

  it('cleans a source span the way views read it', () => {
    expect(cleanSource('签署战略 \n 合作协议')).toBe('签署战略合作协议');
  });
});

describe('text normaliser: mirror sites', () => {
  it('reads traditional characters through OpenCC, one for one', () => {
    expect(normaliseText('臺商區與滿洲里市簽訂戰略合作框架協議')).toBe('台商区与满洲里市签订战略合作框架协议');
    // 乾 is also the simplified name of places (乾县).
    expect(normaliseText('乾县')).toBe('乾县');
  });

  it('drops the pinyin readings a mirror inserts after characters, in views and item texts', () => {
    const text = '推動(dòng)兩市合作，夷陵區(qū)社會福利院';
    const view = buildView(text, 0, text.length);
    expect(view.text).toBe('推动两市合作,夷陵区社会福利院');
    expect(cleanSource(text)).toBe('推動兩市合作，夷陵區社會福利院');
    expect(cleanSource('合作(ICP)')).toBe('合作(ICP)');
  });
});
