import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PlanSchema, type Plan } from '../../../src/model/schema.ts';

/** Two hand-made plans (test/fixtures/export/plans.json), checked against the model schema. */
export function loadFixturePlans(): Plan[] {
  const url = new URL('../../fixtures/export/plans.json', import.meta.url);
  return z.array(PlanSchema).parse(JSON.parse(readFileSync(url, 'utf8')));
}
