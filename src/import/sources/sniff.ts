/**
 * Tells a file's kind from its first bytes, not its name: a `.pdf` renamed
 * `.txt`, or a `.wps` saved as `.docx`, is read as what it is.
 *
 *   %PDF-             → pdf
 *   PK\x03\x04        → zip: docx when it holds word/document.xml
 *   D0 CF 11 E0 …     → ole: old binary Word (.doc) or WPS (.wps)
 *   {\rtf             → rtf
 *   anything else     → text (decoded later, any common encoding)
 */
import { unzipSync } from 'fflate';

export type Kind = 'pdf' | 'docx' | 'zip' | 'ole' | 'rtf' | 'text';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniff(bytes: Uint8Array): Kind {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  // Some writers put a few bytes of junk before the header; readers accept it within 1 KB.
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return isWord(bytes) ? 'docx' : 'zip';
  if (startsWith(bytes, OLE)) return 'ole';
  if (head.startsWith('{\\rtf')) return 'rtf';
  return 'text';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** A zip is a Word document when it has the main document part (read without inflating anything). */
function isWord(bytes: Uint8Array): boolean {
  try {
    let found = false;
    unzipSync(bytes, { filter: (file) => ((found ||= file.name === 'word/document.xml'), false) });
    return found;
  } catch {
    // A damaged zip: call it Word if the part name shows in the raw bytes, so the message fits.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/');
  }
}
