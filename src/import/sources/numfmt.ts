/**
 * Word's list number formats (`w:numFmt`), as the numbers Word shows:
 * `chineseCounting` 11 → 十一, `decimalEnclosedCircle` 3 → ③. One entry per
 * format; a format not listed falls back to decimal, as Word does.
 */
const DIGITS = '〇一二三四五六七八九';
const UPPER_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** 1–9999 in Chinese counting: 十一, 二十, 一百零五. */
function counting(n: number, digits = DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0 || n > 9999) return String(n);
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i]!;
    if (d === 0) zero = out !== '';
    else (out += (zero ? '零' : '') + digits[d] + unit), (zero = false);
  });
  // 一十一 → 十一 for 10–19, as written.
  return digits === DIGITS && n >= 10 && n < 20 ? out.slice(1) : out;
}

function letters(n: number, base: string): string {
  const ch = base[(n - 1) % 26]!;
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, glyph] of table) while (n >= value) (out += glyph), (n -= value);
  return out;
}

const circled = (n: number) => (n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n));
const fullWidth = (n: number) => String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));

export const NUMBER_FORMATS: Record<string, (n: number) => string> = {
  decimal: String,
  decimalZero: (n) => String(n).padStart(2, '0'),
  decimalFullWidth: fullWidth,
  decimalFullWidth2: fullWidth,
  decimalHalfWidth: String,
  decimalEnclosedCircle: circled,
  decimalEnclosedCircleChinese: circled,
  decimalEnclosedFullstop: (n) => (n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`),
  decimalEnclosedParen: (n) => (n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`),
  chineseCounting: (n) => counting(n),
  chineseCountingThousand: (n) => counting(n),
  chineseLegalSimplified: (n) => counting(n, UPPER_DIGITS, ['', '拾', '佰', '仟']),
  ideographDigital: (n) => String(n).replace(/\d/g, (d) => DIGITS[Number(d)]!),
  ideographTraditional: (n) => '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10]!,
  ideographZodiac: (n) => '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12]!,
  japaneseCounting: (n) => counting(n),
  taiwaneseCounting: (n) => counting(n),
  upperLetter: (n) => letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  lowerLetter: (n) => letters(n, 'abcdefghijklmnopqrstuvwxyz'),
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  none: () => '',
};

export function formatNumber(format: string, n: number): string {
  return (NUMBER_FORMATS[format] ?? String)(n);
}
