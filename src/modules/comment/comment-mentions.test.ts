import { describe, expect, it } from 'vitest';
import { mentionedUsernames } from './comment-mentions.ts';

describe('mentions in a comment', () => {
  it('finds usernames after @, once each, without the punctuation that ends a sentence', () => {
    expect(mentionedUsernames('请@qd.fgw 和 @sz.kj.看一下。@qd.fgw，谢谢')).toEqual(['qd.fgw', 'sz.kj']);
  });

  it('does not read an e-mail address or a word with @ inside as a mention', () => {
    expect(mentionedUsernames('发到 office@qd.gov.cn 或 a@b')).toEqual([]);
  });

  it('finds nothing in plain text', () => {
    expect(mentionedUsernames('本季度进展顺利')).toEqual([]);
  });
});
