/** Static paths of the per-unit progress forms and calendar feeds: one per unit the plans name. */
import { getModel } from '../site/data.ts';

export async function unitPaths() {
  const { units } = await getModel();
  return units.units.map((u) => ({ params: { slug: u.slug }, props: { name: u.name } }));
}
