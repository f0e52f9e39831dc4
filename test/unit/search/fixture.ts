import type { Plan, Task } from '../../../src/model/schema.ts';
import { plan as basePlan, task as baseTask } from '../derive/plans.ts';

/** Tasks quoted from the plans (yueyang 8 and 2, changning 8), trimmed. */
export function task(plan: string, number: number, title: string, text: string, extra: Partial<Task> = {}): Task {
  return baseTask(plan, { number, title, text, paragraphs: [text], ...extra });
}

export function plan(id: string, name: string, tasks: Task[]): Plan {
  return basePlan(id, [], {
    name,
    title: `${name}安全生产治本攻坚三年行动实施方案（2024—2026年）`,
    jurisdiction: ['上海市', name],
    actions: [{ index: 1, series: null, ordinal: '（一）', title: '开展重点行业领域专项整治行动', tasks: tasks.map((t) => t.number), place: { line: 1, column: 1 } }],
    tasks,
  });
}

export const yueyang = plan('yueyang', '岳阳街道', [
  task(
    'yueyang',
    2,
    '进一步夯实部门监管责任',
    '进一步夯实部门监管责任。强化危险化学品、燃气、建筑施工、道路运输、消防、电力以及地下管线、高层建筑、厂房仓库、电动自行车、居民自建房、电气焊作业等跨区域、跨部门安全工作协同。',
    { units: [{ name: '街道发展办', role: 'lead', source: 'stated', clause: '', basis: '' }] },
  ),
  task(
    'yueyang',
    8,
    '深化城镇燃气专项治理',
    '深化城镇燃气专项治理。深化城镇燃气安全排查整治，组织经营场所依法安装燃气泄漏报警装置。严格瓶装液化石油气安全监管。',
    {
      units: [
        { name: '街道发展办', role: 'lead', source: 'stated', clause: '', basis: '' },
        { name: '街道派出所', role: 'support', source: 'stated', clause: '', basis: '' },
      ],
      milestones: [{ year: 2024, month: 12, qualifier: '底前', text: '', phrase: '2024年底前' }],
      deadlineYear: 2025,
      deadlineExplicit: true,
    },
  ),
]);

export const changning = plan('changning', '长宁区', [
  task(
    'changning',
    8,
    '部署推进城市安全风险防范综合整治',
    '部署推进城市安全风险防范综合整治。开展高层建筑消防安全、城镇燃气安全、厂房仓库消防安全等综合整治，仓储冷库、有限空间等“老问题”常态化推进专项整治。',
  ),
]);
