/** Guesses a project's kind from its name (imported texts and the demo name projects, platforms and parks alike). */
export function projectKindOfName(name: string): 'investment' | 'platform' | 'park' | 'programme' {
  if (/平台|联盟|超级链接者|中心/.test(name)) return 'platform';
  if (/园|示范区|基地/.test(name)) return 'park';
  if (/计划|工程|行动|专项/.test(name)) return 'programme';
  return 'investment';
}
