import { decodeText } from '../../../src/contract/text-decoder.ts';

/**
 * A .txt file as text, decoded as the server's ingester decodes uploads (UTF-8, UTF-16 with a BOM, else
 * GB18030 for files saved by Chinese Windows). Line ends become "\n", as a pasted text has them, so that the
 * spans the server returns count the same characters the text area shows.
 */
export async function readTextFile(file: Blob): Promise<string> {
  return decodeText(new Uint8Array(await file.arrayBuffer())).replace(/\r\n?/g, '\n');
}
