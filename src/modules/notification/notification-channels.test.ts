import { describe, expect, it } from 'vitest';
import { dingtalkPayload, inertMarkdown, wecomPayload } from './notification-channels.ts';

describe('robot messages', () => {
  it('turns brackets a user typed into full-width ones, so no link, image or tag is formed', () => {
    expect(inertMarkdown('[点我领取](http://evil.example) ![x](http://evil.example/a.png) <font color="warning">紧急</font>')).toBe(
      '［点我领取］(http://evil.example) !［x］(http://evil.example/a.png) ＜font color="warning"＞紧急＜/font＞',
    );
  });

  it('keeps the link to the page it is about working, and ordinary Chinese text as written', () => {
    const message = { title: '督办：推进港口合作（第3号）', body: '请于2026年12月1日前反馈。', url: 'https://liandong.example/tasks/1' };
    const wecom = wecomPayload(message).markdown.content;
    expect(wecom).toBe('### 督办：推进港口合作（第3号）\n\n请于2026年12月1日前反馈。\n\n[在联动中查看](https://liandong.example/tasks/1)');
    expect(dingtalkPayload({ ...message, title: '[假链接](http://x)' }).markdown.text).toContain('### ［假链接］(http://x)');
  });
});
