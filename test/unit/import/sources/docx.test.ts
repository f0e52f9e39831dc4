import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { readDocx } from '../../../../src/import/sources/docx.ts';
import { Numbering } from '../../../../src/import/sources/numbering.ts';
import { parseXml } from '../../../../src/import/sources/xml.ts';
import { linesOf, officeFile } from './fixtures.ts';
import { makeDocx, type Block } from './office.ts';
import { importFile } from '../../../../src/import/sources/import-file.ts';
import { parsePlan } from '../../../../src/parse/index.ts';

describe('readDocx on a town plan with automatic numbering and an annex table', () => {
  const source = readDocx(officeFile('plan.docx'));
  const lines = linesOf(source.text);

  test('writes Word’s automatic numbers as the text Word shows', () => {
    expect(lines).toContain('一、总体要求');
    expect(lines).toContain('二、主要任务');
    expect(lines).toContain('（三）开展安全监管能力提升行动');
    // Tasks run on across actions: 4 follows 3 under the next （二）.
    expect(lines.filter((l) => /^\d\./.test(l)).map((l) => l.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
    // 保障措施 is a second list on the same scheme: it counts from （一） again.
    expect(lines).toContain('（一）加强组织领导。镇安委会统筹推进治本攻坚三年行动，各成员单位主要负责人是本单位第一责任人，要细化工作方案，明确责任分工。');
  });

  test('keeps a bold lead phrase and its sentence in one paragraph', () => {
    expect(lines).toContain('1.强化镇党委政府领导责任。镇党委、政府主要负责人每季度至少召开1次会议专题研究安全生产工作，将重大事故隐患排查整治列入镇党委理论学习中心组学习内容，镇安委办负责，2024年6月底前完成年度任务清单。');
  });

  test('leaves out the running header and the page-number footer', () => {
    expect(lines.filter((l) => l === '枫泾镇安全生产治本攻坚三年行动实施方案')).toHaveLength(1); // the title itself
    expect(source.text).not.toMatch(/—\s*\d+\s*—/);
  });

  test('writes the annex table one row per line, cells split by TAB, merged cells resolved', () => {
    const rows = lines.filter((l) => l.includes('\t')).map((l) => l.split('\t'));
    expect(rows[0]).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    expect(rows).toHaveLength(10);
    // 镇安委办 spans rows 1–2 and 镇安全生产监督管理所 rows 4–6: filled down.
    expect(rows.slice(1, 3).map((r) => r[2])).toEqual(['镇安委办', '镇安委办']);
    expect(rows.slice(4, 7).map((r) => r[2])).toEqual(['镇安全生产监督管理所', '镇安全生产监督管理所', '镇安全生产监督管理所']);
    expect(rows[5]).toEqual(['5', '建立重大事故隐患清单', '镇安全生产监督管理所', '镇安委办', '2025年6月底前']);
    // A note across all five columns keeps its text in the first and leaves the rest empty.
    expect(rows[9]).toEqual(['以上任务每季度末报送进展情况至镇安委办', '', '', '', '']);
    expect(source.text).toMatch(/分工表\n\n序号\t/); // a blank line before the table
  });

  test('locates paragraphs and table rows the way a reader counts them', () => {
    const at = (text: string) => source.locate(source.text.split('\n').indexOf(text) + 1);
    expect(at('一、总体要求')).toBe('第5段');
    expect(at('3\t夯实村居末梢责任\t各村（居）委会\t镇平安办\t2024年底前')).toBe('表1第4行');
  });
});

describe('Numbering', () => {
  const numbering = (xml: string) =>
    new Numbering(parseXml(`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${xml}</w:numbering>`));
  const level = (ilvl: number, fmt: string, text: string, extra = '') =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}<w:suff w:val="nothing"/></w:lvl>`;

  test('counts Chinese numbers past ten the way Word shows them: 十、十一、二十', () => {
    const n = numbering(`<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '（%1）')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`);
    const labels = Array.from({ length: 21 }, () => n.next('1', 0));
    expect([labels[0], labels[9], labels[10], labels[19], labels[20]]).toEqual(['（一）', '（十）', '（十一）', '（二十）', '（二十一）']);
  });

  test('restarts a deeper level after a higher one, unless lvlRestart says never', () => {
    const n = numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'decimal', '%2.')}${level(2, 'decimal', '(%3)', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
    );
    const seq = [[0], [1], [2], [1], [0], [1], [2]].map(([l]) => n.next('1', l!));
    expect(seq).toEqual(['一、', '1.', '(1)', '2.', '二、', '1.', '(2)']);
  });

  test('starts an instance with a start override at its own number, and shares counters otherwise', () => {
    const n = numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'decimal', '%1.')}</w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>`,
    );
    expect([n.next('1', 0), n.next('2', 0), n.next('3', 0), n.next('3', 0)]).toEqual(['1.', '2.', '9.', '10.']);
  });

  test('writes a legal-style number (isLgl) in digits: 2.1', () => {
    const n = numbering(`<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'decimal', '%1.%2', '<w:isLgl/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`);
    expect([n.next('1', 0), n.next('1', 0), n.next('1', 1)]).toEqual(['一、', '二、', '2.1']);
  });
});

describe('readDocx on hand-written OOXML', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const docx = (body: string) => zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`) });

  test('drops deleted revisions and hidden text, keeps insertions, and starts a new line at a soft break', () => {
    const source = readDocx(docx(
      '<w:p><w:r><w:t>长宁区安全生产治本攻坚三年行动</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>实施方案</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>2024年</w:t></w:r><w:del><w:r><w:delText>6月</w:delText></w:r></w:del><w:ins><w:r><w:t>底前</w:t></w:r></w:ins>' +
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（批注）</w:t></w:r><w:r><w:t>完成。</w:t></w:r></w:p>',
    ));
    expect(source.text).toBe('长宁区安全生产治本攻坚三年行动\n实施方案\n2024年底前完成。\n');
  });

  test('reads a text box where it is anchored, once, though Word writes it as DrawingML and again as VML', () => {
    const NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
    const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const both = (text: string) =>
      `<w:r><mc:AlternateContent ${NS}><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box(text)}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box(text)}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const source = readDocx(docx(
      `<w:p>${both('某镇人民政府文件')}</w:p>` +
        '<w:p><w:r><w:t>某府发〔2024〕3号</w:t></w:r></w:p>' +
        // A VML-only box (older Word, WPS), anchored in a paragraph with text of its own.
        `<w:p><w:r ${NS}><w:pict><v:shape><v:textbox>${box('某镇安全生产治本攻坚三年行动实施方案')}</v:textbox></v:shape></w:pict></w:r><w:r><w:t>为深入贯彻……制定本方案。</w:t></w:r></w:p>`,
    ));
    expect(source.text).toBe('某镇人民政府文件\n某府发〔2024〕3号\n某镇安全生产治本攻坚三年行动实施方案\n为深入贯彻……制定本方案。\n');
  });
});

test('a Word file whose cover sets the issuer and the title in text boxes imports with that title', async () => {
  const blocks: Block[] = [
    { text: '青浦镇人民政府', style: 'red-head', box: true },
    { text: '青府发〔2024〕8号', center: true },
    { text: '青浦镇安全生产治本攻坚三年行动工作方案', style: 'title', box: true },
    { text: '为深入贯彻落实安全生产治本攻坚三年行动部署，结合本镇实际，制定本方案。' },
    { text: '一、主要任务', bold: true },
    { text: '1.开展燃气安全专项整治。2024年底前完成餐饮场所燃气报警装置安装（责任单位：镇安全办；配合单位：镇市场监管所）。' },
    { text: '2.推进消防安全集中治理。2025年6月底前完成高层住宅消防设施排查（责任单位：镇消防站）。' },
  ];
  const file = await makeDocx(blocks);
  expect(strFromU8(unzipSync(file)['word/document.xml']!)).toContain('v:textbox');
  const lines = linesOf(readDocx(file).text);
  expect(lines.slice(0, 3)).toEqual(['青浦镇人民政府', '青府发〔2024〕8号', '青浦镇安全生产治本攻坚三年行动工作方案']);
  const result = await importFile(file, { id: 'qingpu', path: 'qingpu.docx' });
  const plan = parsePlan(result.markdown!, 'qingpu.md').plan!;
  expect(plan.title).toBe('青浦镇安全生产治本攻坚三年行动工作方案');
  expect(plan.tasks.map((t) => [t.number, t.units.map((u) => u.name), t.deadlineYear])).toEqual([
    [1, ['镇安全办', '镇市场监管所'], 2024],
    [2, ['镇消防站'], 2025],
  ]);
});

describe('a Word task table whose cells hold one unit per paragraph', () => {
  test('keeps the units apart, with their roles', async () => {
    const bytes = await makeDocx([
      { text: '廊下镇2025年安全生产重点任务清单', center: true, style: 'title' },
      { rows: [
        ['序号', '重点任务', '责任单位', '完成时限'],
        ['1', '落实党政领导责任。', '镇安委办\n镇党政办', '2025年3月底前'],
        ['2', '燃气安全专项整治。', '镇规建办（牵头）\n镇市场监管所\n各村（居）委会', '2025年6月底前（排查）\n2025年12月底前（整改）'],
        ['3', '压实部门监管责任。', '牵头：镇安委办\n配合：镇各相关部门', '2025年6月底前'],
      ] },
      { text: '廊下镇安全生产委员会', right: true },
      { text: '2025年2月26日', right: true },
    ]);
    const result = await importFile(bytes, { id: 'langxia', path: 'langxia.docx' });
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
    const tasks = parsePlan(result.markdown!, 'content/plans/langxia.md').plan!.tasks;
    expect(tasks.map((t) => t.units.map((u) => `${u.role}:${u.name}`))).toEqual([
      ['responsible:镇安委办', 'responsible:镇党政办'],
      ['lead:镇规建办', 'responsible:镇市场监管所', 'responsible:各村（居）委会'],
      ['lead:镇安委办', 'support:镇各相关部门'],
    ]);
    expect(tasks[1]!.milestones.map((m) => m.phrase)).toEqual(['2025年6月底前', '2025年12月底前']);
  });
});

