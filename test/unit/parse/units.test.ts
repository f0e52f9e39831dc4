import { describe, expect, test } from 'vitest';
import { readLabels } from '../../../src/parse/labels.ts';
import { parsePlan } from '../../../src/parse/index.ts';
import { parseUnitGroups, splitNames } from '../../../src/parse/unit-names.ts';
import { inlineUnits } from '../../../src/parse/unit-phrases.ts';

const FRONT = `---
id: xiangxiang
name: 湘乡市
title: 湘乡市安全生产治本攻坚三年行动工作方案（2024-2026年）
jurisdiction: [湖南省, 湘潭市, 湘乡市]
level: 县级市
issuer: 湘乡市安全生产委员会
docNumber: 湘乡安发〔2024〕2号
issuedOn: "2024-04-03"
period: [2024, 2026]
---

# 湘乡市安全生产治本攻坚三年行动工作方案（2024-2026年）

### （一）持续开展重点行业领域专项整治

`;

function unitsOf(task: string) {
  const { plan } = parsePlan(FRONT + task, 'content/plans/xiangxiang.md');
  return plan?.tasks[0]?.units ?? [];
}

describe('parseUnitGroups', () => {
  test('reads 牵头负责 as lead for every unit before it', () => {
    expect(parseUnitGroups('市公安局交警大队、市交通运输局牵头负责')).toEqual([
      { name: '市公安局交警大队', role: 'lead' },
      { name: '市交通运输局', role: 'lead' },
    ]);
  });

  test('splits a bracket into responsible and implementing units', () => {
    expect(parseUnitGroups('各有关行业主管部门、负有安全监管职责的部门按照职责分工负责，各乡镇（街道）、经开区管委会具体落实')).toEqual([
      { name: '各有关行业主管部门', role: 'responsible' },
      { name: '负有安全监管职责的部门', role: 'responsible' },
      { name: '各乡镇（街道）', role: 'implement' },
      { name: '经开区管委会', role: 'implement' },
    ]);
  });

  test('drops 等 and the role words from the last name', () => {
    expect(parseUnitGroups('市应急管理局、市自然资源局、市交通运输局、市市场监管局、市发改局等按照职责分工负责').map((u) => u.name).at(-1)).toBe('市发改局');
    expect(parseUnitGroups('市林业局、市应急管理局等和乡镇（街道）等按照职责分工负责').map((u) => u.name)).toEqual(['市林业局', '市应急管理局', '乡镇（街道）']);
  });

  test('reads a unit that guides (指导, 督导, 负责指导) as supporting, not as a unit named 区应急局指导', () => {
    expect(parseUnitGroups('区应急局指导').map((u) => [u.name, u.role])).toEqual([['区应急局', 'support']]);
    expect(parseUnitGroups('区应急局负责指导').map((u) => [u.name, u.role])).toEqual([['区应急局', 'support']]);
    expect(parseUnitGroups('区安委办督导').map((u) => [u.name, u.role])).toEqual([['区安委办', 'support']]);
  });

  test('drops 等相关部门, 等有关单位, 等成员单位 after the last name, so the unit named is found on its own page', () => {
    expect(splitNames('镇安监办等相关部门')).toEqual(['镇安监办']);
    expect(splitNames('镇派出所、镇市场监管所等有关单位')).toEqual(['镇派出所', '镇市场监管所']);
    expect(parseUnitGroups('镇城建办等成员单位配合').map((u) => [u.name, u.role])).toEqual([['镇城建办', 'support']]);
    expect(splitNames('区应急局等其他职能部门')).toEqual(['区应急局']);
    expect(splitNames('市应急管理局、市住房和城乡建设局、市交通运输局等行业主管部门')).toEqual(['市应急管理局', '市住房和城乡建设局', '市交通运输局']);
    expect(splitNames('县市场监管局等有关行业监管部门')).toEqual(['县市场监管局']);
    // Without 等 such words are the name staff wrote.
    expect(splitNames('各相关部门')).toEqual(['各相关部门']);
  });

  test('reads a role in brackets after one name (镇安委办（牵头）), and 落实属地责任 as implementing', () => {
    const read = (text: string) => parseUnitGroups(text).map((u) => [u.name, u.role]);
    // Names set apart by spaces, as a Word cell's lines arrive, are each a unit; a name letter-spaced by a PDF stays one.
    expect(read('市应急局 市委办 市政府办')).toEqual([['市应急局', 'responsible'], ['市委办', 'responsible'], ['市政府办', 'responsible']]);
    expect(read('区应急局（牵头） 区住建委')).toEqual([['区应急局', 'lead'], ['区住建委', 'responsible']]);
    expect(read('区 应急局')).toEqual([['区应急局', 'responsible']]);
    expect(read('镇安委办（牵头）、镇党政办')).toEqual([['镇安委办', 'lead'], ['镇党政办', 'responsible']]);
    expect(read('各村（居）委会（牵头）、镇城运中心')).toEqual([['各村（居）委会', 'lead'], ['镇城运中心', 'responsible']]);
    expect(read('市直有关部门按职责分工负责，各区县（市）人民政府、高新区管委会落实属地责任')).toEqual([
      ['市直有关部门', 'responsible'], ['各区县（市）人民政府', 'implement'], ['高新区管委会', 'implement'],
    ]);
  });

  test('reads a unit parenthesis that ends with its time (；2024年9月底前) or with 指导, names in brackets kept whole', () => {
    const units = (text: string) => parsePlan(`${FRONT}1. **加强网格管理**。${text}\n`, 'content/plans/xiangxiang.md').plan!.tasks[0]!.units.map((u) => [u.name, u.role]);
    expect(units('配齐网格安全员（各村（居）委会牵头，镇城运中心配合；2024年9月底前）。')).toEqual([['各村（居）委会', 'lead'], ['镇城运中心', 'support']]);
    expect(units('每季度开展1次网格员培训。（各村居委会负责，镇城运中心指导）')).toEqual([['各村居委会', 'responsible'], ['镇城运中心', 'support']]);
  });

  test('gives a group without a role word the role of the next group', () => {
    expect(parseUnitGroups('各乡镇（街道）、经开区管委会，市应急管理局、市人社局及各行业主管部门按照职责分工负责').map((u) => u.role)).toEqual(
      Array(5).fill('responsible'),
    );
  });

  test('reads a parenthesis without a role word as responsible units', () => {
    expect(parseUnitGroups('市各负有安全监管职责的部门')).toEqual([{ name: '市各负有安全监管职责的部门', role: 'responsible' }]);
  });
});

describe('splitNames', () => {
  test('keeps 各乡镇（街道） whole and splits on 和 after a complete name', () => {
    expect(splitNames('市应急管理局和各乡镇(街道)、经开区管委会')).toEqual(['市应急管理局', '各乡镇（街道）', '经开区管委会']);
  });

  test('does not split 和 inside a name such as 市住房和城乡建设局', () => {
    expect(splitNames('市住房和城乡建设局、市水利局')).toEqual(['市住房和城乡建设局', '市水利局']);
  });

  test('splits 及 after a complete name', () => {
    expect(splitNames('市安委办及各专业安委办')).toEqual(['市安委办', '各专业安委办']);
  });
});

describe('units of a task', () => {
  test('gives a task with seven unit parentheses seven clauses', () => {
    const units = unitsOf(
      '1. **深化专项整治**。持续推进道路交通问题顽瘴痼疾整治，加强国省干道建设、运维安全管理（市公安局交警大队、市交通运输局牵头负责）。持续巩固冬春消防安全整治成果（市消防救援大队牵头负责）。持续开展城镇燃气安全整治（市城管执法局牵头负责）。持续深化建筑施工、居民自建房安全整治（市住建局牵头负责）。持续推进非煤矿山和烟花爆竹安全整治（市应急管理局牵头负责）。持续加强工贸企业和危险化学品治理，确保重大事故隐患100%清零”（市应急管理局牵头负责）。持续抓好特种设备、农机、水利等重点方面的集中治理行动，着力规范安全生产秩序（市市场监管局、市农业农村局、市商务局等分别按照职责分工负责）。\n',
    );
    const clauses = [...new Set(units.map((u) => u.clause))];
    expect(clauses).toHaveLength(7);
    expect(clauses[0]).toBe('持续推进道路交通问题顽瘴痼疾整治，加强国省干道建设、运维安全管理');
    expect(clauses[1]).toBe('持续巩固冬春消防安全整治成果');
    expect(units.filter((u) => u.role === 'lead').map((u) => u.name)).toEqual([
      '市公安局交警大队', '市交通运输局', '市消防救援大队', '市城管执法局', '市住建局', '市应急管理局', '市应急管理局',
    ]);
    expect(units.filter((u) => u.role === 'responsible').map((u) => u.name)).toEqual(['市市场监管局', '市农业农村局', '市商务局']);
    expect(units[0]).toMatchObject({ source: 'stated', basis: '（市公安局交警大队、市交通运输局牵头负责）' });
  });

  test('reads a trailing bracket after the last sentence', () => {
    const units = unitsOf('1. **强化隐患闭环管理**。确保100%按期整改到位\\[市安委办及各专业安委办分别按照职责分工负责，各乡镇（街道）、经开区管委会具体落实\\]。\n');
    expect(units.map((u) => [u.name, u.role])).toEqual([
      ['市安委办', 'responsible'], ['各专业安委办', 'responsible'], ['各乡镇（街道）', 'implement'], ['经开区管委会', 'implement'],
    ]);
    expect(units[0]?.clause).toBe('确保100%按期整改到位');
  });

  test('does not take a mid-sentence parenthesis for units', () => {
    expect(unitsOf('1. **深化隐患排查整治**。主要负责人每季度要带队至少开展1次检查(高危行业领域每月至少1次)，完善并落实企业全员岗位安全生产责任制。\n')).toEqual([]);
  });

  test('states no unit when the text names none', () => {
    expect(unitsOf('1. **深化道路交通专项治理**。严格落实典型和严重道路交通事故深度调查制度。\n')).toEqual([]);
  });

  test('warns about an unbalanced bracket in a unit clause and still reads its units', () => {
    const { plan, messages } = parsePlan(`${FRONT}1. **强化源头管控**。不准生产经营（市自然资源局、市发改局分别按照职责分工负责。\n`, 'content/plans/xiangxiang.md');
    expect(messages.map((m) => m.rule)).toEqual(['unbalanced-bracket']);
    expect(plan?.tasks[0]?.units.map((u) => u.name)).toEqual(['市自然资源局', '市发改局']);
  });

  test('does not take a parenthesis about people (主要负责人) for units', () => {
    expect(unitsOf('1. **压实责任**。督促企业落实责任（包括主要负责人和安全管理人员）。\n')).toEqual([]);
  });

  test('reads the short labels 负责/责任/主办 beside 牵头/配合/参与/协办, and a person label as no unit', () => {
    const read = (bracket: string) => unitsOf(`1. **开展专项整治**。2025年底前完成${bracket}。\n`).map((u) => `${u.name}:${u.role}`);
    expect(read('（牵头：区住建委　责任：各街镇）')).toEqual(['区住建委:lead', '各街镇:responsible']);
    expect(read('（负责：区应急局；参与：区公安分局）')).toEqual(['区应急局:responsible', '区公安分局:support']);
    expect(read('（主办：区应急局；协办：区消防救援支队）')).toEqual(['区应急局:lead', '区消防救援支队:support']);
    expect(read('（分管领导：王某某；责任部门：区应急局）')).toEqual(['区应急局:responsible']);
  });

  test('never takes a label it does not know for part of a unit name: such a bracket gives no unit', () => {
    expect(unitsOf('1. **开展专项整治**。2025年底前完成（督导：区应急局；协调：区公安分局）。\n')).toEqual([]);
  });

  test('ends a unit list at a label it does not know, so the label and its words are no unit', () => {
    const read = (bracket: string) => unitsOf(`1. **开展专项整治**。2025年底前完成${bracket}。\n`).map((u) => `${u.name}:${u.role}`);
    expect(read('（责任单位：区应急局、区住建委；备注：按季度报送）')).toEqual(['区应急局:responsible', '区住建委:responsible']);
    expect(read('（牵头单位：区应急局；督导：区安委办；配合单位：各街镇）')).toEqual(['区应急局:lead', '各街镇:support']);
  });
});

describe('inlineUnits', () => {
  test('reads X牵头，Y、Z参与 inside a Shanghai sentence', () => {
    const units = inlineUnits('深化城镇燃气安全排查整治，常态化推进街道发展办牵头，管理办、营商办、派出所、市场监管、消防等部门参与的排查整治工作，组织经营场所依法安装燃气泄漏报警装置。');
    expect(units.map((u) => [u.name, u.role])).toEqual([
      ['街道发展办', 'lead'], ['管理办', 'support'], ['营商办', 'support'], ['派出所', 'support'], ['市场监管', 'support'], ['消防', 'support'],
    ]);
    expect(units[0]?.basis).toBe('街道发展办牵头，管理办、营商办、派出所、市场监管、消防等部门参与');
  });

  test('reads 由X牵头', () => {
    expect(inlineUnits('由区应急局牵头，开展专项检查。').map((u) => [u.name, u.role])).toEqual([['区应急局', 'lead']]);
  });

  test('reads a clause that is only X负责, and 由A、B按照职责分工负责', () => {
    expect(inlineUnits('开展冬春火灾防控。镇消防工作站负责，2024年11月起开展。').map((u) => [u.name, u.role])).toEqual([['镇消防工作站', 'responsible']]);
    expect(inlineUnits('由县教育局、县卫健局按照职责分工负责。').map((u) => u.name)).toEqual(['县教育局', '县卫健局']);
  });

  test('reads X负责，Y配合 and 由X负责，Y配合 with the units that help, and nothing from a clause that is not units', () => {
    const read = (text: string) => inlineUnits(text).map((u) => [u.name, u.role]);
    expect(read('长期坚持。街道城建办负责，街道应急办配合。')).toEqual([['街道城建办', 'responsible'], ['街道应急办', 'support']]);
    expect(read('街道消防工作站负责，各社区居委会、街道城运中心配合。')).toEqual([['街道消防工作站', 'responsible'], ['各社区居委会', 'support'], ['街道城运中心', 'support']]);
    expect(read('由区应急局负责，区消防救援支队协助，开展联合检查。')).toEqual([['区应急局', 'responsible'], ['区消防救援支队', 'support']]);
    expect(read('镇消防工作站负责，组织志愿者参与宣传。')).toEqual([['镇消防工作站', 'responsible']]);
    expect(read('由各镇负责，区应急局指导。')).toEqual([['各镇', 'responsible'], ['区应急局', 'support']]);
    expect(read('由莘庄工业区负责。')).toEqual([['莘庄工业区', 'responsible']]);
    expect(read('推进城镇燃气管道更新，由城镇负责。')).toEqual([]);
  });

  test('finds no unit in a subject or in 主要负责人', () => {
    expect(inlineUnits('区住建委要会同各街道开展宣传。')).toEqual([]);
    expect(inlineUnits('督促企业主要负责人履行职责，企业负责。')).toEqual([]);
  });

  test('finds no unit in 整治牵头部门参照相应评价指标', () => {
    expect(inlineUnits('整治牵头部门参照相应评价指标，对整治工作开展动态评价。')).toEqual([]);
  });
});

describe('labelled units', () => {
  const named = (task: string) => unitsOf(task).map((u) => `${u.name}/${u.role}`);

  test('reads the short labels of a table cell: 牵头：A；配合：B、C', () => {
    expect(readLabels('牵头：县住建局；配合：县财政局、县发改局').map((l) => [l.label, l.kind === 'unit' ? l.role : 'deadline', l.value])).toEqual([
      ['牵头', 'lead', '县住建局'],
      ['配合', 'support', '县财政局、县发改局'],
    ]);
  });

  test('reads 时间, 办结时限 and 截止时间 as deadline labels, ending the unit list before them', () => {
    const read = (text: string) => readLabels(text).map((l) => [l.label, l.kind === 'unit' ? l.role : l.kind, l.value]);
    expect(read('责任单位：县应急管理局、县住建局；时间：长期坚持')).toEqual([
      ['责任单位', 'responsible', '县应急管理局、县住建局'],
      ['时间', 'deadline', '长期坚持'],
    ]);
    expect(read('牵头单位：县应急管理局；办结时限：2025年6月底前').at(-1)).toEqual(['办结时限', 'deadline', '2025年6月底前']);
    expect(read('牵头单位：县应急管理局；截止时间：2025年6月').at(-1)).toEqual(['截止时间', 'deadline', '2025年6月']);
  });

  test('reads （责任单位：…；配合单位：…） with the role from each label, whatever the last name ends with', () => {
    const units = unitsOf('1. **强化沿街商铺消防安全管理**。开展沿街商铺、出租房屋消防安全检查（责任单位：街道平安办、街道党政办；配合单位：各社区居委会）。\n');
    expect(units.map((u) => `${u.name}/${u.role}`)).toEqual(['街道平安办/responsible', '街道党政办/responsible', '各社区居委会/support']);
    expect(units[0]).toMatchObject({ clause: '开展沿街商铺、出租房屋消防安全检查', basis: '（责任单位：街道平安办、街道党政办；配合单位：各社区居委会）' });
  });

  test('reads （牵头单位：…；责任单位：…）', () => {
    expect(named('1. **强化检查**。开展重点场所检查（牵头单位：区应急局；责任单位：各街镇）。\n')).toEqual(['区应急局/lead', '各街镇/responsible']);
  });

  test('reads 〔责任单位：A牵头，B按照职责分工负责〕 with the role words inside the label', () => {
    expect(named('1. **强化检查**。开展危险化学品专项检查〔责任单位：区应急局牵头，区有关部门按照职责分工负责〕。\n')).toEqual(['区应急局/lead', '区有关部门/responsible']);
  });

  test('reads 【牵头单位】…【配合单位】…【完成时限】… after the text', () => {
    expect(named('1. **强化检查**。开展检查。【牵头单位】区应急局【配合单位】区消防救援支队、各街镇【完成时限】2024年底前\n')).toEqual([
      '区应急局/lead', '区消防救援支队/support', '各街镇/support',
    ]);
  });

  test('reads label lines after a task and keeps 各村（居）委会 whole, splitting on 和 after 所', () => {
    const units = unitsOf('1. **强化消防安全**。开展村居消防安全检查。\n\n   牵头单位：镇消防站\n\n   配合单位：各村（居）委会、镇市场监管所和派出所\n\n   完成时限：2024年—2025年\n');
    expect(units.map((u) => `${u.name}/${u.role}`)).toEqual(['镇消防站/lead', '各村（居）委会/support', '镇市场监管所/support', '派出所/support']);
    expect(units[0]).toMatchObject({ clause: '开展村居消防安全检查', basis: '牵头单位：镇消防站' });
  });

  test('reads 主责单位, 协办单位 and 责任部门 written on label lines', () => {
    expect(named('1. **强化检查**。开展检查。\n\n   主责单位：区应急局  协办单位：区公安分局\n\n   责任部门：区城管执法局\n')).toEqual([
      '区应急局/lead', '区公安分局/support', '区城管执法局/responsible',
    ]);
  });

  test('accepts the ASCII punctuation of web copies: (责任单位:区应急局;配合单位:各街镇)', () => {
    expect(named('1. **强化检查**。开展检查(责任单位:区应急局;配合单位:各街镇)。\n')).toEqual(['区应急局/responsible', '各街镇/support']);
  });

  test('does not warn that a task ends without a full stop when only its label lines do', () => {
    const { messages } = parsePlan(`${FRONT}1. **强化检查**。开展检查。\n\n   牵头单位：区应急局\n\n   完成时限：2024年底前\n`, 'content/plans/xiangxiang.md');
    expect(messages).toEqual([]);
  });
});

describe('units in sentences', () => {
  const named = (task: string) => unitsOf(task).map((u) => `${u.name}/${u.role}`);

  test('reads 由X牵头，Y配合 and 由X负责', () => {
    expect(named('1. **强化检查**。由区应急局牵头，区住房城乡建设委、区消防救援支队配合，开展检查。由各街镇负责组织实施。\n')).toEqual([
      '区应急局/lead', '区住房城乡建设委/support', '区消防救援支队/support', '各街镇/responsible',
    ]);
  });

  test('reads trailing （A、B等按职责分工负责） and （A会同各有关部门分工负责）', () => {
    expect(named('1. **强化检查**。开展检查（区应急局、区住建委等按职责分工负责）。开展培训（区教育局会同各有关部门分工负责）。\n')).toEqual([
      '区应急局/responsible', '区住建委/responsible', '区教育局/responsible', '各有关部门/responsible',
    ]);
  });

  test('states no unit that is only the subject of a sentence', () => {
    expect(unitsOf('1. **强化检查**。区应急局要加强对重点企业的检查，各街镇要落实属地责任。\n')).toEqual([]);
  });

  test('reads a clause that is only X负责, and nothing from 负责 after other words', () => {
    expect(named('1. **强化燃气整治**。推广安装燃气泄漏报警装置，镇规划建设办负责，2024年底前完成。\n')).toEqual(['镇规划建设办/responsible']);
    expect(named('1. **强化燃气整治**。推广安装报警装置，各部门按职责分工负责督导。\n')).toEqual([]);
  });
});

describe('deadline labels of a task', () => {
  const taskOf = (task: string) => parsePlan(FRONT + task, 'content/plans/xiangxiang.md');

  test('reads 完成时限：2024年—2025年 after a task as due by 2025', () => {
    const task = taskOf('1. **推进燃气管道老化更新改造**。完成老旧小区燃气立管改造。\n\n   牵头单位：市住建局\n\n   完成时限：2024年—2025年\n').plan?.tasks[0];
    expect(task).toMatchObject({ deadlineYear: 2025, deadlineExplicit: true });
    expect(task?.milestones).toEqual([{ year: 2025, month: null, qualifier: '年', phrase: '2024年—2025年', text: '推进燃气管道老化更新改造。完成老旧小区燃气立管改造。' }]);
  });

  test('records 完成时限：长期坚持 as ongoing with the plan end year and no explicit deadline', () => {
    const task = taskOf('1. **强化隐患排查**。常态化开展隐患排查。\n\n   完成时限：长期坚持\n').plan?.tasks[0];
    expect(task).toMatchObject({ milestones: [], deadlineYear: 2026, deadlineExplicit: false, ongoing: true });
  });

  test('reads 长期坚持 or 常态化开展 as a sentence or closing clause of its own as ongoing, unless the text gives a deadline', () => {
    const ongoing = (task: string) => taskOf(task).plan?.tasks[0]?.ongoing ?? false;
    expect(ongoing('1. **强化隐患排查**。开展隐患排查（责任单位：市应急局）长期坚持。\n')).toBe(true);
    expect(ongoing('1. **强化隐患排查**。开展隐患排查，由市应急局负责，常态化开展。\n')).toBe(true);
    expect(ongoing('1. **强化隐患排查**。常态化开展隐患排查，由市应急局负责。\n')).toBe(false);
    expect(ongoing('1. **强化隐患排查**。2025年底前完成排查。长期坚持。\n')).toBe(false);
  });

  test('reads a deadline once when the text and its 【完成时限】 say the same', () => {
    const task = taskOf('1. **强化检查**。2024年底前开展检查。【牵头单位】市应急管理局【完成时限】2024年底前\n').plan?.tasks[0];
    expect(task?.milestones.map((m) => m.phrase)).toEqual(['2024年底前']);
  });

  test('warns with its place about a deadline label with a month and no year', () => {
    const { plan, messages } = taskOf('1. **强化检查**。开展检查。\n\n   完成时限：6月底前\n');
    expect(plan?.tasks[0]?.milestones).toEqual([]);
    expect(messages.map((m) => [m.rule, m.line, m.message])).toEqual([['deadline-without-year', 17, '任务 1 的完成时限“6月底前”没有写年份']]);
  });
});

describe('units of a task table', () => {
  test('reads a header over two rows (责任单位 over 牵头单位 | 配合单位) by its second row', () => {
    const table = [
      '| 序号 | 重点任务 | 责任单位 |  | 完成时限 |',
      '| --- | --- | --- | --- | --- |',
      '| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |',
      '| 1 | 开展燃气安全专项整治。 | 市住房城乡建设局 | 市市场监管局 | 2024年底前 |',
      '| 2 | 开展消防安全专项整治。 | 市消防救援支队 | 各乡镇（街道） | 2025年底前 |',
    ].join('\n');
    const { plan } = parsePlan(`${FRONT}${table}\n`, 'content/plans/xiangxiang.md');
    expect(plan!.tasks.map((t) => [t.number, t.units.map((u) => `${u.name}/${u.role}`), t.deadlineYear])).toEqual([
      [1, ['市住房城乡建设局/lead', '市市场监管局/support'], 2024],
      [2, ['市消防救援支队/lead', '各乡镇（街道）/support'], 2025],
    ]);
  });
});
