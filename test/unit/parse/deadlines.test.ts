import { describe, expect, test } from 'vitest';
import { extractSchedule } from '../../../src/parse/deadlines.ts';

const period: [number, number] = [2024, 2026];
const years = (text: string) => extractSchedule(text, period).milestones.map((m) => m.year);
/** Each milestone as [year, month, qualifier, phrase]. */
const read = (text: string) => extractSchedule(text, period).milestones.map((m) => [m.year, m.month, m.qualifier, m.phrase]);

describe('extractSchedule', () => {
  test('keeps a ten-day part or a season in the phrase as written, the month or year as before', () => {
    expect(read('2024年11月中旬前完成排查，2024年12月上旬完成复核。')).toEqual([
      [2024, 11, '前', '2024年11月中旬前'],
      [2024, 12, '月', '2024年12月上旬'],
    ]);
    expect(read('2025年春节前完成检查，2025年汛期前完成演练，2025年国庆节前完成验收。')).toEqual([
      [2025, null, '前', '2025年春节前'],
      [2025, null, '前', '2025年汛期前'],
      [2025, null, '前', '2025年国庆节前'],
    ]);
  });

  test('keeps the day, the ten-day part or the occasion a date is written with, for its calendar date', () => {
    const named = (text: string, labelled = false) => extractSchedule(text, period, labelled).milestones.map((m) => [m.phrase, m.day, m.occasion]);
    expect(named('2024年6月15日前完成排查，2024年11月中旬前完成复核，2025年春节前完成检查，2025年国庆节前完成验收，2026年汛期前完成演练。')).toEqual([
      ['2024年6月15日前', 15, undefined],
      ['2024年11月中旬前', undefined, '中旬'],
      ['2025年春节前', undefined, '春节'],
      ['2025年国庆节前', undefined, '国庆'],
      ['2026年汛期前', undefined, '汛期'],
    ]);
    // A span of days is due by its end; 前后 (around) is not 前; 开始 is a start; quotes around an occasion.
    expect(named('2025年6月1日至9月30日开展汛期专项检查，2025年7月1日至15日开展集中排查。')).toEqual([
      ['2025年6月1日至9月30日', 30, undefined],
      ['2025年7月1日至15日', 15, undefined],
    ]);
    expect(read('2024年春节前后开展检查，2025年6月1日开始实施，2024年“五一”前完成。')).toEqual([
      [2024, null, '年', '2024年春节'],
      [2025, 6, '起', '2025年6月1日开始'],
      [2024, null, '前', '2024年“五一”前'],
    ]);
    // Several occasions, written with 、 or run together, and 两节/双节; 中下旬 and a span of ten-day parts; 年中, 末.
    expect(named('2025年元旦、春节前完成检查，2025年元旦春节期间加强值守，2025年“两节”前完成排查，2024年国庆、中秋“双节”前完成检查，2024年“双节”前完成。')).toEqual([
      ['2025年元旦、春节前', undefined, '元旦、春节'],
      ['2025年元旦春节', undefined, '元旦、春节'],
      ['2025年“两节”前', undefined, '两节'],
      ['2024年国庆、中秋“双节”前', undefined, '国庆、中秋'],
      ['2024年“双节”前', undefined, '双节'],
    ]);
    expect(read('2025年3月中下旬完成摸底，2025年6月中旬至7月上旬开展检查，2024年年中完成评估，2024年8月末完成，2024年第三季度末完成验收。')).toEqual([
      [2025, 3, '月', '2025年3月中下旬'],
      [2025, 7, '月', '2025年6月中旬至7月上旬'],
      [2024, 6, '底', '2024年年中'],
      [2024, 8, '底', '2024年8月末'],
      [2024, 9, '底', '2024年第三季度末'],
    ]);
    // A day the month does not have is a slip: the month stands, the day is not kept.
    expect(named('2025年2月30日前完成。')).toEqual([['2025年2月30日前', undefined, undefined]]);
    // In a time column: a numeric date, and the end of a span.
    expect(named('2024.6.15', true)).toEqual([['2024.6.15', 15, undefined]]);
    expect(named('2024年4月1日—9月30日', true)).toEqual([['2024年4月1日—9月30日', 30, undefined]]);
  });

  test('reads 2024年底前 with its clause up to the next deadline', () => {
    const { milestones } = extractSchedule(
      '2024年底前，各负有安全生产监管职责的部门，培树本行业、本领域2-3家企业；2026年底前，各负有安全生产监管职责的部门总结经验做法，在本行业、本领域企业进行推广，形成长效机制。',
      period,
    );
    expect(milestones).toEqual([
      { year: 2024, month: null, qualifier: '底前', phrase: '2024年底前', text: '2024年底前，各负有安全生产监管职责的部门，培树本行业、本领域2-3家企业' },
      { year: 2026, month: null, qualifier: '底前', phrase: '2026年底前', text: '2026年底前，各负有安全生产监管职责的部门总结经验做法，在本行业、本领域企业进行推广，形成长效机制' },
    ]);
  });

  test('reads staged years 2024年，…；2025年，…；2026年，… as three milestones, each with its own clause', () => {
    const { milestones } = extractSchedule(
      '其中：2024年，组织燃气生产经营单位主要负责人和二级三级医院消防安全责任人参加集中培训；2025年，组织金属冶炼生产经营单位主要负责人、重点文物保护等单位消防安全责任人参加集中培训；2026年，组织大型商业综合体消防安全责任人参加集中培训。街道也将结合实际，组织开展安全教育培训。',
      period,
    );
    expect(milestones.map((m) => [m.year, m.qualifier, m.text])).toEqual([
      [2024, '年', '2024年，组织燃气生产经营单位主要负责人和二级三级医院消防安全责任人参加集中培训'],
      [2025, '年', '2025年，组织金属冶炼生产经营单位主要负责人、重点文物保护等单位消防安全责任人参加集中培训'],
      [2026, '年', '2026年，组织大型商业综合体消防安全责任人参加集中培训'],
    ]);
  });

  test('reads a month: 2024年 6月底前 (with the space a PDF leaves)', () => {
    const [milestone] = extractSchedule('2024年 6月底前，完善重大事故隐患判定标准汇编，结合安全宣传“五进”，开展重大事故隐患政策解读。', period).milestones;
    expect(milestone).toMatchObject({ year: 2024, month: 6, qualifier: '底前' });
  });

  test('names the qualifier of 2024年前, 2025年内, 2026年年底前, 2026年底 and 到2026年', () => {
    const qualifiers = (text: string) => extractSchedule(text, period).milestones.map((m) => [m.year, m.qualifier, m.phrase]);
    expect(qualifiers('2024年前完成排查。')).toEqual([[2024, '前', '2024年前']]);
    expect(qualifiers('2025年内完成改造。')).toEqual([[2025, '年内', '2025年内']]);
    expect(qualifiers('2026年年底前全面建成。')).toEqual([[2026, '底前', '2026年年底前']]);
    expect(qualifiers('2026年底安全生产风险智能化管控能力显著增强。')).toEqual([[2026, '底', '2026年底']]);
    expect(qualifiers('到2026年，基本达到建设标准。')).toEqual([[2026, '年', '到2026年']]);
  });

  test('ignores the year in a document number like 〔2023〕17号', () => {
    expect(years('推动落实《关于加强本区安全生产举报处理和奖励工作的通知》（沪松安委办〔2023〕17 号），发挥主渠道优势。')).toEqual([]);
  });

  test('ignores the year of a standard like AQ8011-2023 or GB 55037-2022', () => {
    expect(years('贯彻实施《安全生产培训机构基本条件》标准（AQ8011-2023），执行 GB 55037-2022 规定，2024年底前培育鼓励建设安全生产培训机构。')).toEqual([2024]);
  });

  test('ignores 2023行动, which names a campaign', () => {
    expect(years('总结重大事故隐患专项排查整治2023行动经验做法，采取多种方式加强学习宣贯。')).toEqual([]);
  });

  test('ignores a year before the plan period: 2023年及以前排查发现的 refers to the past', () => {
    expect(years('2024年底前基本消除2023年及以前排查发现的重大事故隐患存量。')).toEqual([2024]);
  });

  test('ignores years inside a title 《…（2024—2026年）》', () => {
    const schedule = extractSchedule('根据《浦东新区安全生产治本攻坚三年行动实施方案（2024-2026年）》，结合辖区实际。', period);
    expect(schedule.milestones).toEqual([]);
    expect(schedule.periods).toEqual([]);
  });

  test('reads 2024年至2026年期间 as a period, not a deadline', () => {
    const schedule = extractSchedule('根据新区工作要求和安排，在2024年至2026年期间，集中开展重点行业领域生产经营单位主要负责人专题安全教育轮训。', period);
    expect(schedule.milestones).toEqual([]);
    expect(schedule.periods).toEqual([{ from: 2024, to: 2026, text: '2024年至2026年期间，集中开展重点行业领域生产经营单位主要负责人专题安全教育轮训' }]);
  });

  test('reads 三年内 and 3年内 as the plan period, not a deadline', () => {
    const schedule = extractSchedule('深入实施本市重点国有企业安全生产“啄木鸟”计划，三年内完成全覆盖。3年内，开设课堂。', period);
    expect(schedule.milestones).toEqual([]);
    expect(schedule.periods.map((p) => [p.from, p.to])).toEqual([[2024, 2026], [2024, 2026]]);
  });

  test('reports an implausible year instead of making it a deadline', () => {
    const schedule = extractSchedule('2062年底前完成改造。', period);
    expect(schedule.milestones).toEqual([]);
    expect(schedule.implausible).toMatchObject([{ year: 2062, phrase: '2062年底前' }]);
  });

  test('reads a day, a quarter and a half year with the month they end in', () => {
    expect(read('2024年12月31日前完成隐患整改。')).toEqual([[2024, 12, '前', '2024年12月31日前']]);
    expect(read('2024年6月30日前完成排查。')).toEqual([[2024, 6, '前', '2024年6月30日前']]);
    expect(read('2025年第二季度完成验收。')).toEqual([[2025, 6, '底', '2025年第二季度']]);
    expect(read('2025年三季度前完成改造。')).toEqual([[2025, 9, '底前', '2025年三季度前']]);
    expect(read('2024年上半年完成摸底。')).toEqual([[2024, 6, '底', '2024年上半年']]);
    expect(read('2024年下半年开展评估。')).toEqual([[2024, 12, '底', '2024年下半年']]);
    expect(read('2024年年底前完成。')).toEqual([[2024, null, '底前', '2024年年底前']]);
    expect(read('2025年6月完成。')).toEqual([[2025, 6, '月', '2025年6月']]);
  });

  test('reads several quarters or a span of months as due by the end of the last', () => {
    expect(read('2024年第二、三季度完成排查。')).toEqual([[2024, 9, '底', '2024年第二、三季度']]);
    expect(read('2024年二、三季度开展检查。')).toEqual([[2024, 9, '底', '2024年二、三季度']]);
    expect(read('2024年第一至第三季度完成。')).toEqual([[2024, 9, '底', '2024年第一至第三季度']]);
    expect(read('2025年1—6月完成验收。')).toEqual([[2025, 6, '月', '2025年1—6月']]);
    expect(read('2024年1至6月底前完成。')).toEqual([[2024, 6, '底前', '2024年1至6月底前']]);
    expect(read('2024年10月至12月开展专项检查。')).toEqual([[2024, 12, '月', '2024年10月至12月']]);
    // In a list of months each is a time node of that year (安全生产月 in June, 119消防宣传月 in November); a count is no month.
    expect(read('2024年6月、11月组织宣传活动。')).toEqual([[2024, 6, '月', '2024年6月'], [2024, 11, '月', '11月']]);
    expect(extractSchedule('2024年6月、11月组织宣传活动。', period).milestones[1]?.inferredYear).toBe('preceding');
    expect(read('2024年3-5家企业完成。')).toEqual([[2024, null, '年', '2024年']]);
  });

  test('reads 2024 年 12 月 31 日前 with the spaces a PDF leaves as 2024年12月31日前', () => {
    expect(extractSchedule('2024 年 12 月 31 日前完成。', period).milestones.map((m) => [m.year, m.month, m.qualifier])).toEqual([[2024, 12, '前']]);
  });

  test('keeps a range in running text a period, but reads it under a label as due by its end year', () => {
    for (const range of ['2024—2025年', '2024-2025年', '2024年—2025年']) {
      expect(extractSchedule(`${range}，开展燃气管道更新改造。`, period).milestones).toEqual([]);
      const labelled = extractSchedule(range, period, true);
      expect(labelled.milestones.map((m) => [m.year, m.phrase])).toEqual([[2025, range]]);
      expect(labelled.periods.map((p) => [p.from, p.to])).toEqual([[2024, 2025]]);
    }
  });

  test('reads 长期坚持, 持续推进, 常态化 and 长期 under a label as ongoing, with no year', () => {
    for (const words of ['长期坚持', '持续推进', '常态化', '长期']) {
      expect(extractSchedule(words, period, true)).toMatchObject({ milestones: [], ongoing: true });
      expect(extractSchedule(`${words}开展隐患排查。`, period).ongoing).toBe(false);
    }
  });

  test('gives a date without a year, in a plan of several years with no year before it, no deadline, and names it', () => {
    expect(extractSchedule('6月底前完成自查。', period)).toMatchObject({ milestones: [], yearless: ['6月底前'] });
    expect(extractSchedule('6月底前', period, true)).toMatchObject({ milestones: [], yearless: ['6月底前'] });
    expect(extractSchedule('每年6月底前', period, true).yearless).toEqual([]);
    expect(extractSchedule('每年11月', period, true).yearless).toEqual([]);
    expect(extractSchedule('2024年4月—9月', period, true)).toMatchObject({ milestones: [{ year: 2024, month: 9 }], yearless: [] });
    expect(extractSchedule('2024年11月至2025年3月', period, true).milestones).toMatchObject([{ year: 2025, month: 3 }]);
    expect(extractSchedule('2024.12.31前', period, true).milestones).toMatchObject([{ year: 2024, month: 12, qualifier: '前' }]);
    expect(extractSchedule('2024.12.31前', period).milestones).toEqual([]);
    expect(extractSchedule('2024年6月、11月', period, true).yearless).toEqual([]);
  });

  test('gives a date without a year the year of the date before it in the passage, and says so', () => {
    const inferred = (text: string, within: [number, number] = period) =>
      extractSchedule(text, within).milestones.map((m) => [m.phrase, m.year, m.month, m.qualifier, m.inferredYear ?? null]);
    expect(inferred('2025年3月底前完成排查，9月底前完成整改，年底前完成验收。')).toEqual([
      ['2025年3月底前', 2025, 3, '底前', null],
      ['9月底前', 2025, 9, '底前', 'preceding'],
      ['年底前', 2025, null, '底前', 'preceding'],
    ]);
    expect(inferred('2024年11月起开展夜查，12月15日前完成首轮检查。')).toEqual([
      ['2024年11月起', 2024, 11, '起', null],
      ['12月15日前', 2024, 12, '前', 'preceding'],
    ]);
    expect(inferred('2025年6月起开展排查，第三季度末前完成整改，国庆前组织复查。')).toEqual([
      ['2025年6月起', 2025, 6, '起', null],
      ['第三季度末前', 2025, 9, '底前', 'preceding'],
      ['国庆前', 2025, null, '前', 'preceding'],
    ]);
    expect(extractSchedule('2025年6月中旬启动，7月中旬至8月上旬集中整治。', period).milestones.at(-1)).toMatchObject({ phrase: '7月中旬至8月上旬', year: 2025, month: 8, occasion: '上旬', inferredYear: 'preceding' });
    // Earlier in the year than the date before it: perhaps the next year, so not guessed.
    expect(extractSchedule('2024年12月底前完成排查，3月底前完成整改。', period)).toMatchObject({ milestones: [{ phrase: '2024年12月底前' }], yearless: ['3月底前'] });
    expect(extractSchedule('2024年12月底前完成排查，春节前完成整改。', period).yearless).toEqual(['春节前']);
    expect(extractSchedule('2024年底前完成排查，6月底前完成整改。', period).yearless).toEqual(['6月底前']);
    expect(extractSchedule('2025年，开展专项检查，6月底前完成整改。', period).milestones.at(-1)).toMatchObject({ phrase: '6月底前', year: 2025, inferredYear: 'preceding' });
  });

  test('gives a date without a year the year of a one-year plan (a 工作要点), and says so; not 元旦 or 春节', () => {
    const year: [number, number] = [2025, 2025];
    expect(extractSchedule('3月底前印发实施，年内覆盖率达到100%。', year).milestones.map((m) => [m.phrase, m.year, m.month, m.qualifier, m.inferredYear])).toEqual([
      ['3月底前', 2025, 3, '底前', 'plan'],
      ['年内', 2025, null, '年内', 'plan'],
    ]);
    expect(extractSchedule('完成时限：8月末前', year, true)).toMatchObject({ milestones: [{ phrase: '8月末前', year: 2025, month: 8, qualifier: '底前', inferredYear: 'plan' }], yearless: [] });
    expect(extractSchedule('“汛期”前完成排查', year).milestones).toMatchObject([{ year: 2025, occasion: '汛期', inferredYear: 'plan' }]);
    // A plan issued in spring may mean the coming 元旦 and 春节.
    expect(extractSchedule('“两节”前开展检查', year)).toMatchObject({ milestones: [], yearless: ['“两节”前'] });
    expect(extractSchedule('春节前开展检查', year).yearless).toEqual(['春节前']);
  });

  test('reads a part of the year with a verb after it or ending a clause, and 年度内, as a date without a year', () => {
    const year: [number, number] = [2025, 2025];
    const read = (text: string, labelled = false) => extractSchedule(text, year, labelled).milestones.map((m) => [m.phrase, m.year, m.month, m.qualifier]);
    expect(read('第四季度完成年度考核。')).toEqual([['第四季度', 2025, 12, '底']]);
    expect(read('上半年完成高危行业企业全覆盖。')).toEqual([['上半年', 2025, 6, '底']]);
    expect(read('第四季度', true)).toEqual([['第四季度', 2025, 12, '底']]);
    expect(read('年度内', true)).toEqual([['年度内', 2025, null, '年内']]);
    expect(extractSchedule('2025年3月底前完成排查，下半年完成治理。', period).milestones.at(-1)).toMatchObject({ phrase: '下半年', year: 2025, month: 12, inferredYear: 'preceding' });
  });

  test('reads 启动 after a date as a start, not a deadline', () => {
    expect(read('2024年启动，2025年基本完成，2026年全面完成。')).toEqual([[2024, null, '起', '2024年启动'], [2025, null, '年', '2025年'], [2026, null, '年', '2026年']]);
  });

  test('reads months in brackets after 汛期 as what the season is, not a date to report', () => {
    expect(extractSchedule('汛期（5月至9月）', period, true)).toMatchObject({ milestones: [], yearless: [] });
    expect(extractSchedule('汛期（5月至9月）实行24小时值班。', period)).toMatchObject({ milestones: [], yearless: [] });
  });

  test('never reads a year, a count of months, another year or a noun as a date without a year', () => {
    const year: [number, number] = [2025, 2025];
    for (const text of ['每年6月开展安全生产月活动', '次年3月底前完成', '明年年底前完成', '每年年底前报送', '用3个月时间集中整治', '报送上半年隐患排查情况',
      '汛期24小时值班', '三年内全覆盖', '一年内完成两次', '半年内完成', '春节前后开展检查', '每月10日前报送', '上年12月发生的事故']) {
      expect(extractSchedule(text, year), text).toMatchObject({ milestones: [], yearless: [] });
    }
  });
});
