import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';

/** What evidence may be: documents and pictures, recognised by their bytes, never by name or declared type. */
export interface AttachmentType {
  ext: string;
  mime: string;
}

const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const DIRECTORY_ENTRY = 128;
const STREAM_OBJECT = 2;

/** OLE2 streams that make a compound file a Word or Excel document (an .msi has neither). */
const OLE2_KINDS: { stream: string; type: AttachmentType }[] = [
  { stream: 'WordDocument', type: { ext: 'doc', mime: 'application/msword' } },
  { stream: 'Workbook', type: { ext: 'xls', mime: 'application/vnd.ms-excel' } },
  { stream: 'Book', type: { ext: 'xls', mime: 'application/vnd.ms-excel' } },
];

/**
 * Directory entries of a compound file sit on 128-byte boundaries (sectors are
 * 512 or 4096 bytes after a 512-byte header) with a UTF-16 name, its length
 * and the object type; a Word or Excel file has a stream entry with its name.
 */
export function ole2Kind(bytes: Buffer): AttachmentType | null {
  if (bytes.length < 512 || !bytes.subarray(0, 8).equals(OLE2_MAGIC)) return null;
  for (const kind of OLE2_KINDS) {
    const name = Buffer.from(`${kind.stream}\0`, 'utf16le');
    for (let at = bytes.indexOf(name, 512); at >= 0; at = bytes.indexOf(name, at + 2)) {
      if (at % DIRECTORY_ENTRY === 0 && bytes.readUInt16LE(at + 64) === name.length && bytes[at + 66] === STREAM_OBJECT) return kind.type;
    }
  }
  return null;
}

/**
 * Enough of the start of a file to know its type: Office writes
 * [Content_Types].xml as the first entry of a document, well inside it.
 */
const HEAD_BYTES = 1024 * 1024;

/** Up to `max` bytes from the start of the stream (all of it when max is Infinity); the stream is closed afterwards. */
async function readHead(stream: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      chunks.push(bytes);
      length += bytes.length;
      if (length >= max) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, max);
}

/**
 * The type of a stored file if it is one we accept, else null with what it
 * looked like. `open` is called again for compound files, which need the
 * whole file to find their directory.
 */
export async function detectAttachmentType(open: () => Promise<Readable>): Promise<{ type: AttachmentType | null; detected: string | null }> {
  const detected = (await fileTypeFromBuffer(await readHead(await open(), HEAD_BYTES)))?.ext ?? null;
  if (detected === 'cfb') return { type: ole2Kind(await readHead(await open(), Infinity)), detected };
  const mime = detected ? ALLOWED[detected] : undefined;
  return { type: detected && mime ? { ext: detected, mime } : null, detected };
}
