/**
 * `readSource(bytes, path)`: what kind of file a plan arrived as (by its
 * bytes, not its name) and, for Word and PDF, its text in the importer's
 * convention with a way back to the page and line (`locate`). Plain text is
 * left to the importer's own decoder, so the text path is unchanged.
 *
 * A file that cannot be read gives one Chinese message with a hint.
 */
import type { Message } from '../../model/schema.ts';
import { readDocx } from './docx.ts';
import { readPdf } from './pdf.ts';
import { SourceProblem, type ProblemKind } from './problem.ts';
import { sniff } from './sniff.ts';
import { decode } from '../decode.ts';
import type { SourceText } from './output.ts';

export type { SourceText };
export type Source = { kind: 'text' } | SourceText | { kind: 'error'; message: Message };

const OCR_HINT = '请先用 OCR 软件识别文字，另存为带文字层的 PDF 或 Word 文件（.docx）后再导入';

/** Message and hint per problem (one catalogue, so the wording stays the same everywhere). */
export const PROBLEMS: Record<ProblemKind, { rule: string; message: string; hint: string }> = {
  'pdf-scanned': { rule: 'import-pdf-scanned', message: '这是扫描件：PDF 没有文字层，只有图片，无法读出文字', hint: OCR_HINT },
  'pdf-encrypted': { rule: 'import-pdf-encrypted', message: 'PDF 已加密，需要密码才能打开', hint: '请用 PDF 阅读器输入密码后另存为不加密的 PDF，或向发文单位索取未加密的文件' },
  'pdf-truncated': { rule: 'import-pdf-truncated', message: 'PDF 文件不完整：缺少文件结尾标记，可能下载或复制时中断', hint: '请重新下载或复制完整的文件后再导入' },
  'pdf-damaged': { rule: 'import-pdf-damaged', message: 'PDF 文件已损坏，无法读取', hint: '请用 PDF 阅读器确认能否打开；能打开时请“另存为”或“打印为 PDF”生成新文件后再导入' },
  'docx-damaged': { rule: 'import-docx-damaged', message: 'Word 文件（.docx）已损坏：不是完整的 zip 包或缺少正文部分', hint: '请用 Word 或 WPS 打开确认，然后“另存为” .docx 后再导入' },
  'docx-empty': { rule: 'import-docx-empty', message: 'Word 文件里没有文字（可能只贴了扫描图片）', hint: OCR_HINT },
  'old-word': { rule: 'import-old-word', message: '这是旧版 Word（.doc）或 WPS（.wps）格式，或加密的 Office 文件，无法直接读取', hint: '请用 Word 或 WPS 打开，“另存为” Word 文档（.docx，不设密码）后再导入' },
  rtf: { rule: 'import-rtf', message: '这是 RTF 格式，无法直接读取', hint: '请用 Word 或 WPS 打开，“另存为” Word 文档（.docx）后再导入' },
  'other-zip': { rule: 'import-other-zip', message: '这是一个 zip 压缩包（或 Excel 等其他 Office 文件），不是 Word 文档', hint: '请解压后导入其中的 .docx、.pdf 或 .txt 方案文件' },
};

/** Names that promise a Word or PDF file: binary bytes under them are a damaged file, not a text to extract. */
const NAMED = /\.(pdf|docx?|wps)$/i;

function isBinary(bytes: Uint8Array): boolean {
  const decoded = decode(bytes);
  return !decoded.ok && decoded.reason === 'binary';
}

export async function readSource(bytes: Uint8Array, path: string): Promise<Source> {
  const kind = sniff(bytes);
  const named = NAMED.exec(path)?.[1]?.toLowerCase();
  try {
    if (kind === 'text' && named && isBinary(bytes)) throw new SourceProblem(named === 'pdf' ? 'pdf-damaged' : 'docx-damaged', 'unknown binary content');
    if (kind === 'text') return { kind: 'text' };
    if (kind === 'docx') return readDocx(bytes);
    if (kind === 'pdf') return await readPdf(bytes);
    throw new SourceProblem(kind === 'ole' ? 'old-word' : kind === 'rtf' ? 'rtf' : 'other-zip');
  } catch (caught) {
    // Anything a reader did not foresee still means the file could not be read.
    const error = caught instanceof SourceProblem ? caught : new SourceProblem(kind === 'pdf' ? 'pdf-damaged' : 'docx-damaged', String(caught), { cause: caught });
    const { rule, message, hint } = PROBLEMS[error.kind];
    return {
      kind: 'error',
      message: { file: path, line: 1, column: 1, severity: 'error', rule, message, hint },
    };
  }
}
