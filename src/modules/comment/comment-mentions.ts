/** `@qd.fgw` in a comment: a username after an @ that does not continue a word or an e-mail address. */
const MENTION = /(?<![\w.@])@([A-Za-z0-9][A-Za-z0-9._-]{0,63})/g;

/** The usernames mentioned, once each, in order; sentence punctuation after a name is not part of it. */
export function mentionedUsernames(body: string): string[] {
  const names = [...body.matchAll(MENTION)].map((m) => (m[1] ?? '').replace(/[._-]+$/, '')).filter(Boolean);
  return [...new Set(names)];
}
