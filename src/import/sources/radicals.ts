/**
 * Some PDF writers (Chromium/Skia, some printer drivers) map a glyph that a
 * font shares between a character and its radical to the radical's code
 * point: 人 comes out as ⼈ (U+2F08), 民 as ⺠ (U+2EA0), 门 as ⻔. Kangxi
 * radicals and compatibility ideographs fold to the character by NFKC; the
 * simplified-form radicals of the supplement (U+2E80–U+2EFF) need this table.
 */
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺇': '几', '⺌': '小', '⺏': '尣', '⺟': '母', '⺠': '民', '⺩': '王', '⺮': '竹', '⺼': '月',
  '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻘': '青',
  '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼',
  '⻦': '鸟', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⻊': '足',
  // Noto CJK SC draws 户, 戶 and the radical ⼾ with one glyph; writers may name any.
  '戶': '户',
};

const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff戶]/g;

export function foldRadicals(text: string): string {
  return text.replace(RADICAL, (ch) => {
    const folded = SUPPLEMENT[ch] ?? (ch >= '\u2f00' && ch <= '\ufaff' ? ch.normalize('NFKC') : ch);
    return SUPPLEMENT[folded] ?? folded; // ⼾ folds to 戶, drawn as 户 by the same glyph
  });
}
