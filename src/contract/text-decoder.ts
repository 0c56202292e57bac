/**
 * Decodes an uploaded file: UTF-8 (with or without BOM), UTF-16 with a BOM,
 * otherwise GB18030 (a superset of GBK and GB2312, what Chinese Windows
 * saves). The byte-order mark is never part of the text.
 */
export function decodeText(bytes: Uint8Array): string {
  const decoded = decodeBytes(bytes);
  return decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030', { ignoreBOM: true }).decode(bytes);
  }
}
