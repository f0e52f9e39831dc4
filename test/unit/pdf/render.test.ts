import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { PDFArray, PDFDocument, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { PlanSchema, type Plan } from '../../../src/model/schema.ts';
import { planTaskList, renderTaskList, unitTaskList, yearTaskList } from '../../../src/pdf/index.ts';
import type { TaskListDoc } from '../../../src/pdf/types.ts';
import { column, expectInkOnEveryLine, expectRowsInOrder, shipped } from './checks.ts';
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
    result = await renderTaskList(doc, shipped('plan'), options);
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

  test('puts 牵头 and 配合 units in their own columns, wrapping a long name inside its column', () => {
    const { geometry } = result.layout;
    const text = (content: 'lead-units' | 'support-units') => {
      const col = column(geometry, content);
      return squash(pdfText(result.bytes, { x: col.x + 1, y: 0, width: col.width - 2, height: geometry.page.height }));
    };
    expect(text('support-units')).toContain('松江区岳阳街道城市运行管理和应急管理综合服务中心（安全生产监管科）');
    expect(text('lead-units')).toContain('街道平安办');
    expect(text('lead-units')).not.toContain('松江区岳阳街道城市运行');
    expect(text('lead-units')).toContain('未写明');
  });

  test('prints a 序号 written （一）1 or （十二）3 on one line, the column grown from the task column; plain numbers keep the template width', async () => {
    const labelled = { ...doc, sections: doc.sections.map((sec, i) => ({ ...sec, rows: sec.rows.map((r, j) => ({ ...r, number: `（${['一', '十二'][i % 2]}）${j + 1}` })) })) };
    const { layout, bytes } = await renderTaskList(labelled, shipped('plan'), options);
    const numbers = layout.pages.flatMap((p) => p.ops.filter((o) => o.kind === 'text' && o.cell === 'number').map((o) => (o.kind === 'text' ? o.runs.map((r) => r.text).join('') : '')));
    // Every line of the column is a whole label (or 续 under a continued one): none starts with ）.
    const labels = new Set(labelled.sections.flatMap((s) => s.rows.map((r) => r.number)));
    for (const line of numbers) expect(labels.has(line) || line === '续', line).toBe(true);
    const grown = column(layout.geometry, 'number').width;
    expect(grown).toBeGreaterThan((1.2 * 72) / 2.54);
    expect(column(layout.geometry, 'task').width).toBeCloseTo(column(result.layout.geometry, 'task').width - (grown - column(result.layout.geometry, 'number').width), 3);
    expect(column(result.layout.geometry, 'number').width).toBeCloseTo((1.2 * 72) / 2.54, 3);
    expect(squash(pdfText(bytes))).toContain('（十二）1');
  });

  test('leaves a 完成情况 column of at least 4 cm, and prints the lines to fill in and to sign', () => {
    expect(column(result.layout.geometry, 'status').width).toBeGreaterThanOrEqual((4 * 72) / 2.54);
    const text = squash(pdfText(result.bytes));
    for (const label of ['填报单位：', '填报人：', '联系电话：', '填报日期：', '单位负责人（签字）：']) expect(text).toContain(label);
  });

  test('renders byte-identical files for the same build date', async () => {
    const again = await renderTaskList(planTaskList(fixture()), shipped('plan'), options);
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(result.bytes))).toBe(0);
  });

  test('sets title, subject, author, creator, language and one bookmark per action', async () => {
    const pdf = await PDFDocument.load(result.bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('岳阳街道安全生产治本攻坚三年行动任务清单（2024—2026年）');
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
    const { bytes, layout } = await renderTaskList(doc, shipped('year'), options);
    expectRowsInOrder(doc, bytes, layout.geometry);
  });

  test('lists each task one unit is named in once, under its plan', async () => {
    const doc = unitTaskList('街道平安办', [fixture()]);
    expect(doc.title).toBe('街道平安办');
    expect(doc.sections.map((s) => s.title)).toEqual(['岳阳街道']);
    const owed = fixture().tasks.filter((t) => t.units.some((u) => u.name === '街道平安办')).map((t) => t.label);
    expect(doc.sections[0]!.rows.map((r) => r.number)).toEqual(owed);
    const { bytes, layout } = await renderTaskList(doc, shipped('unit'), options);
    expect(layout.heading).toBe('街道平安办安全生产治本攻坚三年行动任务清单（2024—2026年）');
    expectRowsInOrder(doc, bytes, layout.geometry);
    expectInkOnEveryLine(layout, bytes);
  });
});

describe('units with the role 负责 or 落实', () => {
  test('join the 牵头单位 column with their role word when the template has no 责任单位 column', async () => {
    const plan = fixture();
    const some = plan.tasks.flatMap((t) => t.units)[0]!;
    plan.tasks[0] = { ...plan.tasks[0]!, units: [{ ...some, name: '区应急局', role: 'responsible', source: 'stated' }, { ...some, name: '各村居', role: 'implement', source: 'stated' }] };
    const { bytes, layout } = await renderTaskList(planTaskList(plan), shipped('plan'), options);
    const col = column(layout.geometry, 'lead-units');
    const text = squash(pdfText(bytes, { x: col.x + 1, y: 0, width: col.width - 2, height: layout.geometry.page.height }));
    expect(text).toContain('区应急局（负责）各村居（落实）');
  });
});

describe('Latin letters and digits', () => {
  test('print as measured at the start of a line, inside their cell (AQ8011-2023)', async () => {
    const plan = fixture();
    plan.tasks[0] = { ...plan.tasks[0]!, title: '', text: 'AQ8011-2023，GB30871，加强培训' };
    const doc = planTaskList(plan);
    const { bytes } = await renderTaskList(doc, shipped('plan'), options);
    expect(squash(pdfText(bytes))).toContain('AQ8011-2023，GB30871，加强培训');
  });
});

describe('characters outside the font', () => {
  test('fail the build with a message naming the file, task and character', async () => {
    const plan = fixture();
    const task = plan.tasks[2]!;
    plan.tasks[2] = { ...task, text: `${task.text}（联系人：吉𠮷）` };
    await expect(renderTaskList(planTaskList(plan), shipped('plan'), options)).rejects.toThrow(
      /^test\/fixtures\/pdf\/plan\.md:24:1: 岳阳街道任务 3 含有字体 Noto Sans SC Regular 不支持的字符“𠮷”（U\+20BB7）/,
    );
  });
});

describe('the embedded fonts', () => {
  test('give back every drawn character as text, ligatures (——) and letters included, and carry a width for every glyph', async () => {
    const plan = fixture();
    const tricky = '安全——生产……按AQ8011-2023①（一）“安全”ａｂ１２检查';
    plan.tasks[0] = { ...plan.tasks[0]!, text: `${plan.tasks[0]!.text}${tricky}` };
    const result = await renderTaskList(planTaskList(plan), shipped('plan'), options);
    expect(squash(pdfText(result.bytes))).toContain(tricky);
    const pdf = await PDFDocument.load(result.bytes, { updateMetadata: false });
    const widths: number[] = [];
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of('Subtype'))?.toString() === '/CIDFontType2') {
        // One run from glyph 0: [0 [w0 w1 …]], every advance a positive number.
        const w = object.lookup(PDFName.of('W'), PDFArray);
        expect(w.get(0)).toEqual(PDFNumber.of(0));
        const run = w.lookup(1, PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
        expect(run.length).toBeGreaterThan(100);
        widths.push(...run);
      }
    }
    expect(widths.every((n) => n >= 0)).toBe(true);
    expect(widths.filter((n) => n === 1000).length).toBeGreaterThan(100); // the ideographs, one em wide
  });
});

describe('font subsets', () => {
  test('keep what the layout needs: each piece shapes on a subset of its own characters as on the whole face (glyphs, width, ligatures)', async () => {
    const { createRequire } = await import('node:module');
    const fontkit = (await import('@pdf-lib/fontkit')).default;
    const { shape } = await import('../../../src/pdf/render.ts');
    const { fontkitFace, subsetFace, subsetFonts, substitutedCharacters } = await import('../../../src/pdf/fonts.ts');
    const { subsetMetrics } = await import('../../../src/pdf/font-tables.ts');
    const require = createRequire(import.meta.url);
    const substituted = await substitutedCharacters();
    const pieces = ['安全——生产', '――', '……', 'AQ8011-2023', 'office', '①②（一）', 'ａｂ１２', '“安全”、。', '가나', 'e\u0301'];
    const text = pieces.join('');
    const files = await subsetFonts(text, text);
    for (const [weight, file] of [['regular', '400Regular/NotoSansSC_400Regular.ttf'], ['bold', '700Bold/NotoSansSC_700Bold.ttf']] as const) {
      const whole = fontkit.create(readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`)));
      const subset = fontkit.create(files[weight]);
      const { advances } = subsetMetrics(files[weight]);
      // The subset's cmap as the renderer reads it (without fontkit) is fontkit's.
      const face = subsetFace(files[weight]);
      expect(new Map(face.characters())).toEqual(new Map([...fontkitFace(subset).characters()].filter(([, id]) => id !== 0)));
      for (const piece of pieces) {
        const a = shape(fontkitFace(whole), piece, null);
        const b = shape(face, piece, substituted, advances);
        expect(b.width, piece).toBe(a.width);
        expect(b.hex.length, piece).toBe(a.hex.length);
      }
      // Only glyphs horizontal text can reach: no vertical forms or width variants beyond the characters' own.
      expect(subset.numGlyphs).toBeLessThan(2 * [...new Set(text)].length);
    }
  });
});

describe('a unit that only leads a plan overall', () => {
  test('gets a list with that duty instead of an empty table', () => {
    const doc = unitTaskList('街道安委会', [fixture()]);
    expect(doc.sections[0]!.title).toBe('统筹牵头（全方案）');
    expect(doc.sections[0]!.rows[0]).toMatchObject({ lead: '岳阳街道', text: '\n街道安委会统筹推进', units: ['街道安委会（牵头）'], roles: { lead: ['街道安委会'] } });
  });
});

describe('shaping', () => {
  test("gives, without fontkit's layout where it can and with the advances of hmtx, the glyphs and advances the layout gives, for every piece of the five plans and ligatures", async () => {
    const { readdirSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const fontkit = (await import('@pdf-lib/fontkit')).default;
    const { shape } = await import('../../../src/pdf/render.ts');
    const { fontkitFace, substitutedCharacters } = await import('../../../src/pdf/fonts.ts');
    const { subsetMetrics } = await import('../../../src/pdf/font-tables.ts');
    const substituted = await substitutedCharacters();
    // —— is one ligature glyph in Noto Sans SC: the dash is left to the layout.
    expect(substituted?.has('—'.codePointAt(0)!)).toBe(true);
    expect(substituted?.has('安'.codePointAt(0)!)).toBe(false);
    const require = createRequire(import.meta.url);
    const pieces = new Set<string>();
    for (const name of readdirSync('content/plans').filter((n) => n.endsWith('.md'))) {
      for (const line of readFileSync(`content/plans/${name}`, 'utf8').split('\n')) {
        // As drawText cuts a run (letters apart from what follows), and pieces as the line breaker measures them.
        for (const part of line.match(/[A-Za-z]+|[^A-Za-z]+/g) ?? []) {
          pieces.add(part);
          for (let at = 0; at < part.length; at += 5) pieces.add(part.slice(at, at + 1 + (at % 11)));
        }
      }
    }
    expect(pieces.size).toBeGreaterThan(5000);
    for (const tricky of ['——', '安全——生产', '――', '……', '⋯⋯', 'AQ8011-2023', '①②', '（一）', '“安全”', 'ａｂ１２', '가나', 'e\u0301', '葛\u{E0100}']) pieces.add(tricky);
    for (const file of ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf']) {
      const bytes = readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`));
      const font = fontkit.create(bytes);
      const face = fontkitFace(font);
      // The advances as the renderer reads them, from the face's hmtx.
      const { advances } = subsetMetrics(bytes);
      const scale = 1000 / font.unitsPerEm;
      for (const piece of pieces) {
        const glyphs = font.layout(piece).glyphs;
        const width = glyphs.reduce((sum, g) => sum + g.advanceWidth * scale, 0) * (1 / 1000);
        const hex = glyphs.map((g) => g.id.toString(16).padStart(4, '0')).join('');
        expect(shape(face, piece, substituted, advances), piece).toEqual({ hex, width });
      }
    }
  });
});
