export type TextEncoding = 'utf-8' | 'gb18030';

/**
 * A .txt file as text. Most files are UTF-8; older government systems still save GBK/GB2312, which GB18030
 * decodes too. Line ends become "\n", as a pasted text has them, so that spans count the same characters.
 */
export async function readTextFile(file: Blob): Promise<{ text: string; encoding: TextEncoding }> {
  const bytes = await file.arrayBuffer();
  let text: string;
  let encoding: TextEncoding = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    encoding = 'gb18030';
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}
