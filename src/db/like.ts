/** Escapes `%`, `_` and `\\` so a user's text matches literally inside an ILIKE pattern. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
