import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { planCalendar, unitCalendar } from '../../../src/calendar/feeds.ts';
import { loadPlans } from '../../../src/load/plans.ts';
import type { Plan } from '../../../src/model/schema.ts';
import { extractSchedule } from '../../../src/parse/deadlines.ts';
import { parsePlan } from '../../../src/parse/index.ts';
import { importPlan } from '../../../src/import/index.ts';

const root = resolve(import.meta.dirname, '../../..');
const SITE = 'https://intranet.gov.test/anquan/';
let plans: Plan[];
beforeAll(async () => {
  plans = (await loadPlans(resolve(root, 'content/plans'))).plans;
});

/** Read a feed back with an independent parser (Mozilla's ical.js). */
function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return { uid: e.uid, date: e.startDate.toString(), allDay: e.startDate.isDate, summary: e.summary, url: String(c.getFirstPropertyValue('url')) };
  });
}

/** What the model says: each task's stated deadlines, last day of the stated period, no start (起) dates. */
function expected(plan: Plan) {
  return plan.tasks.flatMap((t) => {
    const dates = t.milestones.filter((m) => m.qualifier !== '起' && m.occasion === undefined).map((m) => {
      const month = m.month ?? 12;
      return `${m.year}-${String(month).padStart(2, '0')}-${String(m.day ?? new Date(Date.UTC(m.year, month, 0)).getUTCDate()).padStart(2, '0')}`;
    });
    return [...new Set(dates)].map((date) => `${t.id} ${date}`);
  }).sort();
}

describe('iCalendar feeds', () => {
  test.each(['changning', 'miaohang', 'puxinglu', 'xiangxiang', 'yueyang'])('%s: one all-day event per stated deadline, nothing else', (id) => {
    const plan = plans.find((p) => p.id === id)!;
    const text = planCalendar(plan, plans, SITE);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const read = events(text);
    expect(read.every((e) => e.allDay)).toBe(true);
    expect(read.map((e) => `${e.uid.replace(/-\d{4}-\d\d-\d\d@.*$/, '')} ${e.date}`).sort()).toEqual(expected(plan));
    expect(new Set(read.map((e) => e.uid)).size).toBe(read.length);
    const noDeadline = plan.tasks.filter((t) => t.milestones.every((m) => m.qualifier === '起'));
    for (const t of noDeadline) expect(read.some((e) => e.url.endsWith(t.url))).toBe(false);
  });

  test('without a public URL: the same events, no address and no placeholder host', () => {
    const plan = plans.find((p) => p.id === 'yueyang')!;
    const text = planCalendar(plan, plans, null);
    expect(events(text).length).toBe(events(planCalendar(plan, plans, SITE)).length);
    expect(text).not.toMatch(/^URL/m);
    expect(text).not.toContain('example');
    expect(events(planCalendar(plan, plans, SITE))[0]!.url).toMatch(/^https:\/\/intranet\.gov\.test\/anquan\/plans\/yueyang\/tasks\/\d+\/$/);
  });

  test('puts 2024年底前 on 2024-12-31 and a quarter on its last day', () => {
    const all = plans.flatMap((p) => events(planCalendar(p, plans, SITE)));
    const yearEnd = all.find((e) => e.summary.endsWith('（2024年底前）'))!;
    expect(yearEnd.date).toBe('2024-12-31');
    // No seed plan states a quarter: the parser's reading of 2025年第二季度 (month 6, 底) on a real task.
    const plan = plans[0]!;
    const task = { ...plan.tasks[0]!, milestones: [{ year: 2025, month: 6, qualifier: '底', phrase: '2025年第二季度', text: '完成' }] };
    const changed = { ...plan, tasks: [task] };
    const read = events(planCalendar(changed, [changed], SITE));
    expect(read.map((e) => e.date)).toEqual(['2025-06-30']);
  });

  test('puts a stated day, a ten-day part and a festival on their own day; a flood season gets no event', () => {
    const plan = plans[0]!;
    const text = '2024年6月15日前完成排查，2024年11月中旬前完成复核，2025年春节前完成检查，2026年汛期前完成演练。';
    const task = { ...plan.tasks[0]!, milestones: extractSchedule(text, [2024, 2026]).milestones };
    const changed = { ...plan, tasks: [task] };
    const read = events(planCalendar(changed, [changed], SITE));
    expect(read.map((e) => [e.date, e.summary.replace(/^.*（/u, '（')])).toEqual([
      ['2024-06-15', '（2024年6月15日前）'],
      ['2024-11-20', '（2024年11月中旬前）'],
      ['2025-01-28', '（2025年春节前）'],
    ]);
  });

  test('a 工作要点 written with days, a ten-day part, festivals and a flood season: each event on its day, none for 汛期', () => {
    const input = readFileSync(resolve(root, 'test/fixtures/shapes/yaodian-jieri-shixian/input.txt'));
    const { markdown } = importPlan(new Uint8Array(input), { id: 'changhe', path: 'changhe.txt' });
    const { plan } = parsePlan(markdown!, 'content/plans/changhe.md');
    const read = events(planCalendar(plan!, [plan!], SITE));
    expect(read.map((e) => [e.date, e.summary.replace(/^长河区 任务(\d+)：.*（/u, '$1（')])).toEqual([
      ['2025-01-28', '2（2025年春节前）'],
      ['2025-01-29', '5（2025年春节）'],
      ['2025-03-15', '1（2025年3月15日前）'],
      ['2025-04-30', '3（2025年“五一”前）'],
      ['2025-09-30', '2（2025年国庆节前）'],
      ['2025-09-30', '4（2025年6月1日至9月30日）'],
      ['2025-11-20', '3（2025年11月中旬前）'],
    ]);
  });

  test('a 工作要点 with several festivals, ten-day spans, 年中 and dates without a year: each event on its day, the year it was given said', () => {
    const input = readFileSync(resolve(root, 'test/fixtures/shapes/yaodian-shuangjie-nianzhong/input.txt'));
    const { markdown } = importPlan(new Uint8Array(input), { id: 'nanhu', path: 'nanhu.txt' });
    const { plan } = parsePlan(markdown!, 'content/plans/nanhu.md');
    const read = events(planCalendar(plan!, [plan!], SITE));
    expect(read.map((e) => [e.date, e.summary.replace(/^南湖镇 任务(\d+)：.*?（(?=\d|[^）]*[年月])/u, '$1（')])).toEqual([
      ['2025-01-28', '2（2025年元旦、春节前）'],
      ['2025-03-31', '4（2025年3月中下旬）'],
      ['2025-06-30', '4（2025年年中前）'],
      ['2025-06-30', '7（2025年6月）'],
      ['2025-07-10', '5（2025年6月中旬至7月上旬）'],
      ['2025-08-31', '5（8月末前（2025年，承前文））'],
      ['2025-09-30', '6（第三季度末前（2025年，按方案年度））'],
      ['2025-10-05', '3（2025年国庆、中秋“双节”前）'],
      ['2025-12-31', '6（2025年年底前）'],
      ['2025-12-31', '8（年末前（2025年，按方案年度））'],
    ]);
  });

  test('a unit feed holds the deadlines of the tasks naming that unit, across plans', () => {
    const unit = '市应急管理局';
    const read = events(unitCalendar(unit, plans, SITE));
    const tasks = plans.flatMap((p) => p.tasks.filter((t) => t.units.some((u) => u.name === unit)));
    expect(read.length).toBeGreaterThan(0);
    expect(new Set(read.map((e) => e.url.slice(SITE.length - 1)))).toEqual(
      new Set(tasks.filter((t) => t.milestones.some((m) => m.qualifier !== '起')).map((t) => t.url)),
    );
  });

  test('is the same text on every build (no clock, no random ids)', () => {
    const plan = plans[0]!;
    expect(planCalendar(plan, plans, SITE)).toBe(planCalendar(plan, plans, SITE));
  });
});
