import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json' with { type: 'json' };
import zhCN from '../i18n/zh-CN.json' with { type: 'json' };
import { ApiError } from './client.ts';
import { errorMessage } from './error-message.ts';

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
