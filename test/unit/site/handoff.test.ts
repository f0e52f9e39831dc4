import { describe, expect, test } from 'vitest';
import { handedAlignment, handOverAlignment, keptForBuild, releaseBuild } from '../../../src/site/handoff.ts';
import { getModel } from '../../../src/site/data.ts';

describe('releaseBuild', () => {
  test('drops what the modules kept for the pages and the alignment handed over', async () => {
    const handed = { alignment: Promise.resolve({ groups: [] } as never), cuts: Promise.resolve([]) };
    handOverAlignment(handed);
    let dropped = 0;
    keptForBuild(() => dropped++);
    const model = getModel();
    expect(getModel()).toBe(model);
    releaseBuild();
    expect(dropped).toBe(1);
    expect(handedAlignment()).toBeUndefined();
    // The model is made anew on the next request (a page rendered after would not see the dropped one).
    expect(getModel()).not.toBe(model);
    await Promise.allSettled([model, getModel()]);
  });
});
