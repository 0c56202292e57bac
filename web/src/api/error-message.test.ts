import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json' with { type: 'json' };
import zhCN from '../i18n/zh-CN.json' with { type: 'json' };
import { ApiError } from './client.ts';
import { detailWords, errorMessage } from './error-message.ts';

async function translator(lng: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const throttled = (retryAfterSeconds?: number) =>
  new ApiError(429, 'auth.throttled', 'Too many wrong passwords from this address', retryAfterSeconds === undefined ? undefined : { retryAfterSeconds });

describe('the login page’s words for a throttled login', () => {
  it('tells the wait in seconds, then in minutes, in both languages', async () => {
    const zh = await translator('zh-CN');
    const english = await translator('en');
    expect(errorMessage(throttled(4), zh)).toBe('该地址输错密码次数过多，请 4 秒后再试');
    expect(errorMessage(throttled(4), english)).toBe('Too many wrong passwords from this address; try again in 4 s');
    expect(errorMessage(throttled(900), zh)).toBe('该地址输错密码次数过多，请 15 分钟后再试');
    expect(errorMessage(throttled(61), english)).toBe('Too many wrong passwords from this address; try again in 2 min');
  });

  it('still says what happened when the wait is missing', async () => {
    expect(errorMessage(throttled(), await translator('en'))).toBe('Too many wrong passwords from this address; try again later');
  });
});

describe('the words for fields refused by the shared text and number rules', () => {
  const invalid = (message: string) => new ApiError(400, 'request.invalid', 'The request has invalid fields', [{ path: 'body.title', message }]);

  it('names the rule in both languages instead of zod’s wording', async () => {
    const zh = await translator('zh-CN');
    const english = await translator('en');
    const characters = invalid('text.invalid_characters: right-to-left overrides, direction isolates and lone surrogates are not allowed');
    const number = invalid('number.out_of_range: numbers must lie within ±1000000000000000');
    expect(errorMessage(characters, zh)).toBe('内容含有不允许的字符（如从右向左的方向控制符），请删除后重试');
    expect(errorMessage(characters, english)).toMatch(/characters that are not allowed/);
    expect(errorMessage(number, zh)).toBe('数值超出允许范围（绝对值不超过 10¹⁵）');
    expect(errorMessage(number, english)).toMatch(/out of range/);
    expect(errorMessage(invalid('Too small: expected string to have >=1 characters'), english)).toBe('The request has invalid fields');
  });
});

describe('the details an error message names', () => {
  it('puts names, numbers and the labels of listed rows into the words', async () => {
    expect(detailWords({ label: '2027年第1季度', max: 120, overlaps: [{ label: '2027年上半年' }, { label: '2027年度' }], nested: { a: 1 } }, '、')).toEqual({
      label: '2027年第1季度',
      max: '120',
      overlaps: '2027年上半年、2027年度',
    });
    const overlap = new ApiError(409, 'period.overlap', 'overlaps', { label: '2027年第1季度', overlaps: [{ label: '2027年上半年' }] });
    expect(errorMessage(overlap, await translator('zh-CN'))).toBe('2027年第1季度与已有的报送周期（2027年上半年）重叠，未生成任何周期');
    expect(errorMessage(overlap, await translator('en'))).toBe('2027年第1季度 overlaps existing reporting periods (2027年上半年); no period was created');
  });
});
