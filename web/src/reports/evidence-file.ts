/**
 * The kinds of evidence the server takes (src/modules/attachment/attachment-type.ts recognises them by their bytes),
 * by the names they come with, so a wrong file is refused when it is chosen rather than after the report is sent.
 */
export const EVIDENCE_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'doc', 'docx', 'xls', 'xlsx', 'pptx'] as const;

/** Why a chosen file cannot be evidence, or null when it may be sent; the server checks its bytes again. */
export function evidenceRefusal(file: { name: string; size: number }, maxBytes: number): 'type' | 'size' | null {
  const ext = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(ext)) return 'type';
  if (file.size > maxBytes) return 'size';
  return null;
}
