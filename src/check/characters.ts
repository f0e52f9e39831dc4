/**
 * Characters a plan file may not contain, found in the raw text so each one
 * is reported at its own line and column, before anything is built:
 *
 * ```text
 * content/plans/yueyang.md:118:21: 错误 含有 PDF 字体 Noto Sans SC 无法显示的字符“😀”（U+1F600） (font-missing-glyph)
 * content/plans/yueyang.md:120:9: 错误 含有控制字符 TAB（U+0009） (control-character)
 * ```
 * The whole file is checked against both PDF faces (regular and bold), which
 * covers every string a task list can print: titles, tasks, units, cover.
 */
import { FONT_NAME, missingCharacters } from '../pdf/fonts.ts';
import type { Message } from '../model/schema.ts';
import { RULES } from './rules.ts';

/** At most this many messages per rule and file: one bad paste should not bury the rest. */
const LIMIT = 20;

const NAMES: Record<number, string> = { 0x09: 'TAB', 0x0b: '垂直制表符', 0x0c: '换页符', 0x0d: '回车符', 0x2028: '行分隔符', 0x2029: '段分隔符', 0xfeff: '字节顺序标记' };

/** C0 and C1 controls except the line feed, DEL, the Unicode line/paragraph separators, and a BOM not at the start. */
function isControl(cp: number, offset: number): boolean {
  if (cp === 0x0a) return false;
  if (cp === 0xfeff) return offset > 0;
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029;
}

export const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

export async function checkCharacters(text: string, file: string): Promise<Message[]> {
  const missing = new Set([...(await missingCharacters(text, 'regular')), ...(await missingCharacters(text, 'bold'))]);
  const messages: Message[] = [];
  const counts = { 'control-character': 0, 'font-missing-glyph': 0 };
  let line = 1;
  let column = 1;
  let offset = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    // A CR of a CRLF line end is the line end, not a stray character.
    const crlf = cp === 0x0d && text[offset + 1] === '\n';
    const control = !crlf && isControl(cp, offset);
    const rule = control ? 'control-character' : !crlf && missing.has(char) ? 'font-missing-glyph' : null;
    if (rule && counts[rule]++ < LIMIT) {
      const message =
        rule === 'control-character'
          ? `含有控制字符 ${NAMES[cp] ?? ''}（${codePoint(cp)}）`.replace(' （', '（')
          : `含有 PDF 字体 ${FONT_NAME} 无法显示的字符“${char}”（${codePoint(cp)}）`;
      messages.push({ file, line, column, severity: 'error', rule, message, hint: RULES[rule].hint });
    }
    offset += char.length;
    if (cp === 0x0a) {
      line += 1;
      column = 1;
    } else column += 1;
  }
  return messages;
}
