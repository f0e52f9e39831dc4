/**
 * Web and document-sharing chrome around a plan copied from a government
 * site: the info-disclosure block, breadcrumbs, font-size banners, share and
 * print links, a file name. None of it is text of the plan. Where it states a
 * fact (发文字号, 成文日期, 发布机构) the fact is kept for the front matter.
 *
 * ```text
 * 当前位置：首页 > 政务公开 > 规划计划        → chrome (breadcrumb)
 * 发文字号：	闵古府办〔2024〕21号             → chrome; fact docNumber 闵古府办〔2024〕21号
 * 成文日期：	2024-05-08                       → chrome; fact issuedOn 2024-05-08
 * 字号：[大][中][小]　打印本页　关闭窗口       → chrome (banner)
 * 相关链接：  /  上一篇：…                     → chrome (footer)
 * 关于印发古美路街道安全生产…方案的通知.docx  → chrome (file name)
 * ```
 */
export interface ChromeFacts {
  docNumber?: string;
  issuedOn?: string;
  issuer?: string;
}

export type ChromeKind = '网页导航' | '信息公开目录' | '网页按钮' | '网页页脚' | '文件名' | '政策解读标题';

/** Labels of the info-disclosure block, and the fact each one states. */
const META: Array<{ label: RegExp; fact?: keyof ChromeFacts }> = [
  { label: /^发文字号|^文\s*号/, fact: 'docNumber' },
  { label: /^成文日期|^成文时间|^生成日期/, fact: 'issuedOn' },
  { label: /^发布机构|^发文机关|^发文单位/, fact: 'issuer' },
  { label: /^索\s*引\s*号|^主题分类|^体裁分类|^组配分类|^发布日期|^发布时间|^公开日期|^信息来源|^来\s*源|^浏览次数|^访问量|^点击数|^有\s*效\s*性|^生效日期|^废止日期|^公开方式|^公开范围|^信息分类|^关\s*键\s*词|^作\s*者|^编\s*号|^所属主题|^标\s*题/ },
];

const WHOLE_LINE: Array<{ kind: ChromeKind; re: RegExp }> = [
  { kind: '网页导航', re: /^(?:当前位置|您当前的位置|您所在的位置|您现在的位置|所在位置)\s*[:：]/ },
  { kind: '网页导航', re: /^首页\s*[>＞»/]/ },
  { kind: '网页按钮', re: /(?:字号|字体)\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小/ },
  { kind: '网页按钮', re: /^(?:[【\[]?\s*(?:打印(?:本页|正文)?|关闭(?:窗口|本页)?|收藏|分享到?|返回顶部|扫一扫.*|下载|我要纠错|大|中|小)\s*[】\]]?\s*[:：]?\s*)+$/ },
  { kind: '网页页脚', re: /^(?:相关链接|相关阅读|相关文件|附件下载|上一篇|下一篇|主办单位|承办单位|版权所有|网站标识码|联系我们)\s*(?:[:：].{0,80})?$|ICP备\d/ },
  { kind: '文件名', re: /^[^\s。，；]{2,120}\.(?:docx?|wps|pdf|ofd|txt)$/i },
  { kind: '政策解读标题', re: /^(?:政策解读|图解|一图读懂|解读)\s*[:：]/ },
];

/** The chrome kind of one line, with the fact it states; null for plan text. */
export function chromeLine(text: string, nearTop: boolean): { kind: ChromeKind; fact?: [keyof ChromeFacts, string] } | null {
  const line = text.trim();
  for (const { kind, re } of WHOLE_LINE) if (re.test(line)) return { kind };
  if (!nearTop) return null;
  const meta = /^([^:：\t]{1,8})\s*[:：]\s*(.*)$/.exec(line) ?? /^([^:：\t]{1,8})\t+(.*)$/.exec(line);
  if (!meta) return null;
  const label = meta[1]!.trim();
  const entry = META.find((m) => m.label.test(label));
  if (!entry) return null;
  // A metadata line is short: a label and a value, never a sentence.
  const value = meta[2]!.replace(/\t/g, ' ').trim();
  if (/[。；]/.test(value) || [...value].length > 60) return null;
  if (!entry.fact || value === '') return { kind: '信息公开目录' };
  const fact = entry.fact === 'issuedOn' ? isoDate(value) : value;
  return fact ? { kind: '信息公开目录', fact: [entry.fact, fact] } : { kind: '信息公开目录' };
}

/** `2024-05-08`, `2024年5月8日`, `2024/5/8` → `2024-05-08`; anything else null. */
function isoDate(value: string): string | null {
  const m = /^(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}
