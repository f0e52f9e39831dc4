/**
 * The build's alignment worker (src/build/align.ts): reads the plans the
 * content check parsed, puts them in the site's order, aligns them
 * with the curation file (`PLANBOOK_ALIGNMENT`), and sends the alignment up
 * (or the error's message), then the task texts cut into words for the
 * compare pages' diffs. It loads nothing else, so it starts aligning at
 * once, while Astro bundles.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { alignPlans } from '../align/index.ts';
import { readCurated } from '../align/read-curated.ts';
import { displayCut } from '../align/tokens.ts';
import type { Plan } from '../model/schema.ts';
import { inSiteOrder } from '../site/model.ts';

const { parsed } = workerData as { parsed: string };

try {
  const plans = inSiteOrder(JSON.parse(await readFile(parsed, 'utf8')) as Plan[]);
  parentPort!.postMessage({ alignment: alignPlans(plans, await readCurated()) });
  // Then every task text cut into words for the compare pages' diffs, which would otherwise load
  // jieba and cut them in Astro's render loop.
  const texts = new Set(plans.flatMap((plan) => plan.tasks.map((task) => task.text)));
  parentPort!.postMessage({ cuts: Array.from(texts, (text) => [text, displayCut(text)]) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
