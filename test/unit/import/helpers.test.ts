import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { decode } from '../../../src/import/decode.ts';
import { lineArtifact } from '../../../src/import/artifacts.ts';
import { fixConfusables } from '../../../src/import/confusables.ts';
import { escapeText } from '../../../src/import/escape.ts';
import { findLead } from '../../../src/import/lead.ts';
import { joinSplitWords, tidySpaces } from '../../../src/import/markers.ts';
import { tableCells } from '../../../src/import/tables.ts';
import { fixTitle } from '../../../src/import/title.ts';
import { importPlan } from '../../../src/import/index.ts';
import { rawPlan } from './plans.ts';

describe('decode', () => {
  test('reads UTF-16 LE without a BOM by where its NUL bytes fall', () => {
    const result = decode(iconv.encode('一、总体要求\n1.深化专项整治。\n', 'utf16le'));
    expect(result).toMatchObject({ ok: true, encoding: 'utf-16le', text: '一、总体要求\n1.深化专项整治。\n' });
  });

  test('falls back to GB18030 when the bytes are not UTF-8', () => {
    expect(decode(iconv.encode('湘乡市安全生产委员会', 'gbk'))).toMatchObject({ ok: true, encoding: 'gb18030', text: '湘乡市安全生产委员会' });
  });

  test('calls bytes with NULs and control characters binary', () => {
    expect(decode(new Uint8Array([1, 2, 3, 0, 0, 5, 6, 7, 0]))).toMatchObject({ ok: false, reason: 'binary' });
  });
});

describe('lineArtifact', () => {
  test('recognises page numbers and the no-text note, and nothing else', () => {
    for (const line of ['— 3 —', '-3-', ' - 12 - ', '第 2 页', '（此页无正文）', ' (此页无正文)']) expect(lineArtifact(line)).not.toBeNull();
    for (const line of ['2024', '3', '1.深化专项整治。', '—', '清单']) expect(lineArtifact(line)).toBeNull();
  });
});

describe('fixConfusables', () => {
  test('replaces katakana カ by 力 and reports the column', () => {
    expect(fixConfusables('提升基层应急管理能カ。', 7)).toEqual({
      text: '提升基层应急管理能力。',
      fixes: [{ line: 7, column: 10, from: 'カ', to: '力' }],
    });
  });

  test('turns full-width digits into ASCII digits', () => {
    expect(fixConfusables('２０２４年', 1).text).toBe('2024年');
  });
});

describe('tidySpaces', () => {
  test('joins numbers to their Chinese units as the text means', () => {
    expect(tidySpaces('2024年 4月 19日')).toBe('2024年4月19日');
    expect(tidySpaces('经十一届区委常委会第 114次会议')).toBe('经十一届区委常委会第114次会议');
    expect(tidySpaces('〔2023〕17 号')).toBe('〔2023〕17号');
  });

  test('keeps a space between Chinese words unless asked to join a title', () => {
    expect(tidySpaces('“管行业必须管安全 管业务必须管安全”')).toBe('“管行业必须管安全 管业务必须管安全”');
    expect(tidySpaces('三年行动 实施方案 (2024-2026年)', true)).toBe('三年行动实施方案(2024-2026年)');
  });

  test('keeps one space before the date of a printing line', () => {
    expect(tidySpaces('上海市宝山区庙行镇党政办公室        2024年3月22日印发')).toBe('上海市宝山区庙行镇党政办公室 2024年3月22日印发');
  });
});

describe('joinSplitWords', () => {
  test('joins a common word a PDF text layer split with a space', () => {
    expect(joinSplitWords('开展安全生 产大排查大整治，排 查隐患')).toBe('开展安全生产大排查大整治，排查隐患');
  });

  test('keeps a space that separates two phrases', () => {
    expect(joinSplitWords('“管行业必须管安全 管业务必须管安全”')).toBe('“管行业必须管安全 管业务必须管安全”');
  });
});

describe('fixTitle', () => {
  test('writes the period in full-width brackets without the spaces of a web copy', () => {
    const at = { text: '石峰区安全生产治本攻坚三年行动实施方案( 2024 - 2026 年 )', line: 1, column: 1, heading: false, lines: [1] };
    expect(fixTitle(at, 'x.txt')).toEqual({ text: '石峰区安全生产治本攻坚三年行动实施方案（2024-2026年）', messages: [] });
  });
});

describe('tableCells', () => {
  test('reads a group row that names only its first cell', () => {
    expect(tableCells('| 一、安全责任落实 | | | | |')).toEqual(['一、安全责任落实', '', '', '', '']);
    expect(tableCells('一、安全责任落实\t\t\t\t')).toEqual(['一、安全责任落实', '', '', '', '']);
  });

  test('never reads an indented paragraph or a label pair as a row', () => {
    expect(tableCells('\t为深入贯彻落实……制定本方案。')).toBeNull();
    expect(tableCells('发布机构：\t清溪镇人民政府')).toBeNull();
  });
});

describe('escapeText', () => {
  test('escapes characters Markdown would read as markup', () => {
    expect(escapeText('a*b_c[d]<e>|f`g~h&i#j\\k')).toBe('a\\*b\\_c\\[d\\]\\<e\\>\\|f\\`g\\~h\\&i\\#j\\\\k');
  });

  test('escapes a line start that would open a list', () => {
    expect(escapeText('1.深化')).toBe('1\\.深化');
    expect(escapeText('2024年底前')).toBe('2024年底前');
    expect(escapeText('- 项')).toBe('\\- 项');
  });
});

describe('findLead', () => {
  test('takes a short first sentence as the lead phrase', () => {
    expect(findLead(['深化专项整治。持续推进道路交通']).lead).toEqual({ phrase: '深化专项整治', punctuation: '。', rest: '持续推进道路交通' });
  });

  test('merges a title line of its own with the body that follows', () => {
    const { lead, paragraphs } = findLead(['进一步夯实部门监管责任。', '持续完善街道领导班子。', '工作协同。']);
    expect(lead).toEqual({ phrase: '进一步夯实部门监管责任', punctuation: '。', rest: '持续完善街道领导班子。' });
    expect(paragraphs).toEqual(['工作协同。']);
  });

  test('finds no lead phrase when the first sentence is a full statement', () => {
    expect(findLead(['进一步夯实属地管理责任，突出社区末梢，推进实施基层应急和安全治理体系和能力建设。强化']).lead).toBeNull();
    expect(findLead(['根据《上海市加快推进韧性安全城市建设的意见》。研究']).lead).toBeNull();
  });
});

describe('importPlan options', () => {
  test('refuses an id that cannot name a content file', () => {
    const result = importPlan(rawPlan('puxinglu'), { id: 'Pu Xing', path: 'p.txt' });
    expect(result.markdown).toBeNull();
    expect(result.messages.map((m) => m.rule)).toEqual(['import-invalid-id']);
  });
});

describe('enclosed numerals as task numbers', () => {
  test('⑴…⒇ read as （1）…（20） and ⒈…⒛ as 1.…20.', async () => {
    const { markerNumber, PAREN, TASK } = await import('../../../src/import/markers.ts');
    expect(markerNumber(PAREN.exec('⑴压实镇村两级责任')!)).toBe(1);
    expect(markerNumber(PAREN.exec('⒇ 开展复核')!)).toBe(20);
    expect(markerNumber(PAREN.exec('（12）开展复核')!)).toBe(12);
    expect(markerNumber(TASK.exec('⒈健全责任体系')!)).toBe(1);
    expect(markerNumber(TASK.exec('⒛健全责任体系')!)).toBe(20);
    expect(markerNumber(TASK.exec('7．健全责任体系')!)).toBe(7);
    // ① stays a circled number (sub-items), not a parenthesised one.
    expect(PAREN.exec('①压实责任')).toBeNull();
  });
});
