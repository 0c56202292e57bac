import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json' with { type: 'json' };
import zhCN from '../i18n/zh-CN.json' with { type: 'json' };
import { ApiError } from './client.ts';
import { errorMessage } from './error-message.ts';

const serverRoot = fileURLToPath(new URL('../../../src/', import.meta.url));

/**
 * Every error code the server's source raises: the first argument of the error constructors and helpers
 * (`badRequest('task.invalid_dates', …)`), and the `code:` of the HTTP layer's own answers.
 */
function serverErrorCodes(): string[] {
  const codes = new Set<string>();
  const raised = /\b(?:badRequest|conflict|AppError|referencedByTasks|body)\(\s*'([a-z_]+(?:\.[a-z_]+)+)'/g;
  const declared = /\bcode: '([a-z_]+(?:\.[a-z_]+)+)'/g;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = readFileSync(file, 'utf8');
        for (const pattern of [raised, declared]) for (const match of text.matchAll(pattern)) if (match[1]) codes.add(match[1]);
      }
    }
  };
  walk(serverRoot);
  return [...codes].sort();
}

async function translator(lng: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const SERVER_WORDS = 'the server’s own English words';

describe('the words the web app has for the server’s error codes', () => {
  const codes = serverErrorCodes();

  it('finds the codes in the server’s source', () => {
    expect(codes).toContain('task.invalid_dates');
    expect(codes).toContain('request.invalid_json');
    expect(codes.length).toBeGreaterThan(60);
  });

  it('says every one of them in Chinese and in English, never falling back to the server’s words', async () => {
    const zh = await translator('zh-CN');
    const english = await translator('en');
    const untold = codes.filter((code) => {
      const error = new ApiError(400, code, SERVER_WORDS);
      const chinese = errorMessage(error, zh);
      return chinese === SERVER_WORDS || !/\p{Script=Han}/u.test(chinese) || errorMessage(error, english) === SERVER_WORDS;
    });
    expect(untold).toEqual([]);
  });

  it('keeps a code the UI does not know to the server’s words, so nothing is hidden', async () => {
    expect(errorMessage(new ApiError(400, 'future.rule', SERVER_WORDS), await translator('zh-CN'))).toBe(SERVER_WORDS);
  });
});
