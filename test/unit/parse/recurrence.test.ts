import { describe, expect, test } from 'vitest';
import { extractRecurrence } from '../../../src/parse/recurrence.ts';

describe('extractRecurrence', () => {
  test('tags 每季度 and the bracketed 每月 of high-risk sectors', () => {
    expect(extractRecurrence('生产经营单位主要负责人要每季度带队对本单位重大事故隐患排查整治情况至少开展1次检查（高危行业领域每月至少1次）')).toEqual(['每月', '每季度']);
  });

  test('tags 每年 and 每半年 from an evacuation drill requirement', () => {
    expect(extractRecurrence('推动生产经营单位每年至少组织开展一次疏散逃生演练（高危行业领域每半年至少一次）')).toEqual(['每半年', '每年']);
  });

  test('maps 一月一通报, 每季 and 每年度 to the four tags', () => {
    expect(extractRecurrence('开展“打非治违”一月一通报')).toEqual(['每月']);
    expect(extractRecurrence('每季组织一次专项督导')).toEqual(['每季度']);
    expect(extractRecurrence('每年度开展一次评估')).toEqual(['每年']);
  });

  test('reads no frequency into the 年 and 月 of a date (2024年年底前, 6月报送), and still into 年年 and 月报 as words', () => {
    expect(extractRecurrence('2024年年底前完成餐饮场所燃气报警装置安装，2025年年中完成评估，二〇二五年年底前完成。')).toEqual([]);
    expect(extractRecurrence('2024年6月报送自查情况。')).toEqual([]);
    expect(extractRecurrence('年年开展应急演练，建立月报制度。')).toEqual(['每月', '每年']);
  });

  test('finds nothing in a task without a stated frequency', () => {
    expect(extractRecurrence('深化道路交通专项治理。严格落实典型和严重道路交通事故深度调查制度。')).toEqual([]);
  });
});
