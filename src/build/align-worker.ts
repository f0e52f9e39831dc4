/**
 * The build's alignment worker (src/build/align.ts): reads the plans the
 * content check parsed, puts them in the site's order, aligns them
 * with the curation file (`PLANBOOK_ALIGNMENT`), and sends the alignment up
 * (or the error's message). It loads nothing else, so it starts aligning
 * at once, while Astro bundles.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { alignPlans } from '../align/index.ts';
import { readCurated } from '../align/read-curated.ts';
import type { Plan } from '../model/schema.ts';
import { inSiteOrder } from '../site/model.ts';

const { parsed } = workerData as { parsed: string };

try {
  const plans = inSiteOrder(JSON.parse(await readFile(parsed, 'utf8')) as Plan[]);
  parentPort!.postMessage({ alignment: alignPlans(plans, await readCurated()) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
