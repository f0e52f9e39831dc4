/** Place name stems and unit names the synthetic plans are made of. */

/** [Chinese stem, pinyin] — the pinyin makes the plan id. */
export const PLACE_STEMS: readonly (readonly [string, string])[] = [
  ['青松', 'qingsong'], ['临江', 'linjiang'], ['东湖', 'donghu'], ['西岭', 'xiling'], ['南屏', 'nanping'],
  ['北塘', 'beitang'], ['金桥', 'jinqiao'], ['银杏', 'yinxing'], ['柳湾', 'liuwan'], ['桃源', 'taoyuan'],
  ['梅林', 'meilin'], ['竹溪', 'zhuxi'], ['石门', 'shimen'], ['白沙', 'baisha'], ['红旗', 'hongqi'],
  ['新港', 'xingang'], ['安平', 'anping'], ['永丰', 'yongfeng'], ['丰泽', 'fengze'], ['清河', 'qinghe'],
  ['明湖', 'minghu'], ['云台', 'yuntai'], ['龙泉', 'longquan'], ['凤鸣', 'fengming'], ['花桥', 'huaqiao'],
  ['松林', 'songlin'], ['枫泾', 'fengjing'], ['泉塘', 'quantang'], ['玉山', 'yushan'], ['华阳', 'huayang'],
  ['古城', 'gucheng'], ['高桥', 'gaoqiao'], ['平湖', 'pinghu'], ['双塔', 'shuangta'], ['月湖', 'yuehu'],
  ['春江', 'chunjiang'], ['秋浦', 'qiupu'], ['望亭', 'wangting'], ['兴隆', 'xinglong'], ['瑞金', 'ruijin'],
];

const TOWN_UNITS = [
  '发展办', '管理办', '营商办', '平安办', '社区办', '派出所', '市场监管所', '消防救援站', '城运中心',
  '规划建设办', '安全办', '综合执法队', '自治办', '服务办',
];

const CITY_UNITS = [
  '应急管理局', '住建局', '交通运输局', '公安局', '市场监管局', '消防救援大队', '教育局', '卫健局', '商务局',
  '城管执法局', '农业农村局', '文旅局', '生态环境局', '水利局', '自然资源局',
];

/** Units a plan of this level assigns tasks to: 街道发展办 for a 街道, 区住建局 for a 区. */
export function unitPool(level: string): string[] {
  if (level === '街道') return TOWN_UNITS.map((unit) => (unit.endsWith('办') ? `街道${unit}` : unit));
  if (level === '镇') return TOWN_UNITS.map((unit) => (unit.endsWith('办') ? `镇${unit}` : unit));
  const prefix = level === '区' ? '区' : '市';
  return CITY_UNITS.map((unit) => `${prefix}${unit}`);
}

/** The administrative suffix of a place name: 街道, 镇, 区, 市, 省 … */
export function placeSuffix(name: string): string {
  return name.endsWith('街道') ? '街道' : name.slice(-1);
}
