/**
 * OCR confusables: characters that look like the intended one but are from
 * another script (katakana カ for 力), traditional forms among simplified
 * text (爲 for 为) or full-width digits/letters. Each fix is reported.
 */
const TABLE: Record<string, string> = {
  // Katakana look-alikes of CJK ideographs.
  'カ': '力', 'エ': '工', 'ロ': '口', 'ト': '卜', 'ニ': '二', 'タ': '夕', 'ハ': '八', 'ー': '一',
  // Traditional forms that simplified plans never use.
  '爲': '为', '為': '为', '們': '们', '個': '个', '這': '这', '來': '来', '產': '产', '業': '业',
  '發': '发', '經': '经', '國': '国', '區': '区', '縣': '县', '鄉': '乡', '應': '应', '處': '处',
  '對': '对', '與': '与', '關': '关', '開': '开', '時': '时', '問': '问', '題': '题', '體': '体',
  '門': '门', '電': '电', '話': '话', '說': '说', '實': '实', '會': '会', '員': '员', '單': '单',
  '責': '责', '務': '务', '標': '标', '準': '准', '設': '设', '備': '备', '機': '机', '構': '构',
  '監': '监', '險': '险', '隱': '隐', '導': '导', '檢': '检',
  '辦': '办', '級': '级', '強': '强', '動': '动', '訓': '训', '練': '练', '營': '营',
};

export interface Confusable {
  line: number; // 1-based line in the raw input
  column: number; // 1-based, in characters
  from: string;
  to: string;
}

/** Replaces confusables in one raw line; returns the fixed line and the fixes. */
export function fixConfusables(text: string, line: number): { text: string; fixes: Confusable[] } {
  const fixes: Confusable[] = [];
  let out = '';
  let column = 0;
  for (const ch of text) {
    column++;
    const to = replacement(ch);
    if (to !== null) {
      fixes.push({ line, column, from: ch, to });
      out += to;
    } else out += ch;
  }
  return { text: out, fixes };
}

function replacement(ch: string): string | null {
  const code = ch.codePointAt(0)!;
  if (ch in TABLE && TABLE[ch] !== ch) return TABLE[ch]!;
  // Full-width digits and Latin letters (ＡＢＣ１２３) → ASCII.
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
    return String.fromCodePoint(code - 0xfee0);
  }
  return null;
}

/**
 * Kana with no known ideograph twin: reported for review, never changed.
 * Returns 1-based columns.
 */
export function suspiciousColumns(text: string): number[] {
  const chars = [...text];
  const columns: number[] = [];
  chars.forEach((ch, i) => {
    if (/[\u3040-\u30ff]/.test(ch) && replacement(ch) === null) columns.push(i + 1);
  });
  // An English word between Chinese words (`执法检查 and 应急救援`).
  for (const match of text.matchAll(/(?<=[\u4e00-\u9fff] ?)[a-z]{2,}(?= ?[\u4e00-\u9fff])/g)) {
    columns.push([...text.slice(0, match.index)].length + 1);
  }
  return columns.sort((a, b) => a - b);
}

/** The single-character fixes this module may make, for tests and docs. */
export function isKnownConfusable(from: string, to: string): boolean {
  return replacement(from) === to;
}
