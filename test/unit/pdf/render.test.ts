import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { PDFDocument, PDFDict, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { PlanSchema, type Plan } from '../../../src/model/schema.ts';
import { planTaskList, renderTaskList, unitTaskList, yearTaskList } from '../../../src/pdf/index.ts';
import { PAGE } from '../../../src/pdf/layout.ts';
import type { TaskListDoc } from '../../../src/pdf/types.ts';
import { column, expectInkOnEveryLine, expectRowsInOrder } from './checks.ts';
import { pdfFonts, pdfText } from './poppler.ts';

const fixture = (): Plan => PlanSchema.parse(JSON.parse(readFileSync('test/fixtures/pdf/plan.json', 'utf8')));
const options = { buildDate: '2026-11-23' };
const squash = (s: string) => s.replace(/\s+/g, '');

describe('renderTaskList on the fixture plan', () => {
  let plan: Plan;
  let doc: TaskListDoc;
  let result: Awaited<ReturnType<typeof renderTaskList>>;
  beforeAll(async () => {
    plan = fixture();
    doc = planTaskList(plan);
    result = await renderTaskList(doc, options);
  });

  test('prints every task, lead phrase then text, in order in the task column', () => {
    expect(doc.sections.flatMap((s) => s.rows.map((r) => r.number))).toEqual(['1', '2', '3', '4', '5', '6']);
    expectRowsInOrder(doc, result.bytes);
  });

  test('embeds both faces as CID TrueType with a ToUnicode map', () => {
    const fonts = pdfFonts(result.bytes);
    expect(fonts.map((f) => f.name).sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);
    for (const f of fonts) expect([f.type, f.emb, f.uni]).toEqual(['CID TrueType', 'yes', 'yes']);
  });

  test('draws ink on every laid-out text line when rendered', () => {
    expectInkOnEveryLine(result.layout, result.bytes);
  });

  test('continues a task longer than a page on the next page, marked 续, repeating the header', () => {
    const pagesWith4 = result.layout.pages
      .map((p, i) => (p.ops.some((o) => o.kind === 'text' && o.cell === 'number' && o.runs[0]?.text === '4') ? i : -1))
      .filter((i) => i >= 0);
    expect(pagesWith4.length).toBeGreaterThanOrEqual(2);
    const continued = result.layout.pages[pagesWith4[1]!]!.ops.filter((o) => o.kind === 'text' && o.cell === 'number');
    expect(continued.some((o) => o.kind === 'text' && o.runs[0]?.text === '续')).toBe(true);
    for (const page of result.layout.pages) {
      const header = page.ops.filter((o) => o.kind === 'text' && o.runs[0]?.text === '完成情况');
      expect(header).toHaveLength(1);
    }
    const text = pdfText(result.bytes);
    expect(text.match(/第\s*\d\s*页\s*\/\s*共\s*\d\s*页/g)).toHaveLength(result.layout.pages.length);
  });

  test('wraps a unit name longer than its column inside the column', () => {
    const col = column('units');
    const unitLines = result.layout.pages.flatMap((p) => p.ops).filter((o) => o.kind === 'text' && o.cell === 'units');
    expect(unitLines.length).toBeGreaterThan(3);
    const text = squash(pdfText(result.bytes, { x: col.x + 1, y: 0, width: col.width - 2, height: PAGE.height }));
    expect(text).toContain('松江区岳阳街道城市运行管理和应急管理综合服务中心（安全生产监管科）（配合）');
    expect(text).toContain('未写明');
  });

  test('renders byte-identical files for the same build date', async () => {
    const again = await renderTaskList(planTaskList(fixture()), options);
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(result.bytes))).toBe(0);
  });

  test('sets title, subject, author, creator, language and one bookmark per action', async () => {
    const pdf = await PDFDocument.load(result.bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('岳阳街道安全生产治本攻坚三年行动实施方案（2024—2026年） 任务清单（2024—2026年）');
    expect(pdf.getSubject()).toContain('任务清单');
    expect(pdf.getAuthor()).toBe('岳阳街道办事处');
    expect(pdf.getCreator()).toBe('planbook');
    expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('zh-CN');
    const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const titles: string[] = [];
    let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item) {
      titles.push(item.lookup(PDFName.of('Title'), PDFHexString).decodeText());
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
    expect(titles).toEqual(['（一）开展安全生产责任落实提升行动', '（二）开展重大事故隐患动态清零行动']);
  });
});

describe('per-year and per-unit lists', () => {
  test('lists the milestones due in a year with their clause, then the recurring duties', async () => {
    const doc = yearTaskList(fixture(), 2025);
    expect(doc.covers).toBe('2025年度任务清单');
    const rows = doc.sections.flatMap((s) => s.rows);
    expect(rows.map((r) => r.number)).toEqual(['2', '4', '5', '1', '4', '6']);
    expect(rows[0]!.text).toContain('进一步厘清职责分工');
    expect(rows[0]!.deadline).toBe('2025年底前');
    expect(doc.sections.at(-1)!.title).toContain('周期性工作');
    const { bytes } = await renderTaskList(doc, options);
    expectRowsInOrder(doc, bytes);
  });

  test('lists what one unit owes across plans, by year', async () => {
    const doc = unitTaskList('街道平安办', [fixture()]);
    expect(doc.title).toBe('街道平安办');
    expect(doc.sections.map((s) => s.title)).toEqual(['2024年 · 岳阳街道', '2025年 · 岳阳街道', '2026年 · 岳阳街道', '周期性工作（各年度按期开展）']);
    const { bytes, layout } = await renderTaskList(doc, options);
    expectRowsInOrder(doc, bytes);
    expectInkOnEveryLine(layout, bytes);
  });
});

describe('characters outside the font', () => {
  test('fail the build with a message naming the file, task and character', async () => {
    const plan = fixture();
    const task = plan.tasks[2]!;
    plan.tasks[2] = { ...task, text: `${task.text}（联系人：吉𠮷）` };
    await expect(renderTaskList(planTaskList(plan), options)).rejects.toThrow(
      /^test\/fixtures\/pdf\/plan\.md:24:1: 岳阳街道任务 3 含有字体 Noto Sans SC Regular 不支持的字符“𠮷”（U\+20BB7）/,
    );
  });
});

describe('a unit that only leads a plan overall', () => {
  test('gets a list with that duty instead of an empty table', () => {
    const doc = unitTaskList('街道安委会', [fixture()]);
    expect(doc.sections[0]!.title).toBe('统筹牵头（全方案）');
    expect(doc.sections[0]!.rows[0]).toMatchObject({ lead: '岳阳街道', text: '\n街道安委会统筹推进', units: ['街道安委会（牵头）'] });
  });
});
