/** The addresses of the progress pages, forms and calendar feeds. */
import { unitSlug } from '../derive/units.ts';
import { withBase } from '../site/base.ts';

export const progressIndexHref = () => withBase('/progress/');
export const progressHref = (planId: string) => withBase(`/progress/${planId}/`);
export const progressFormHref = (planId: string) => withBase(`/progress/${planId}/form.xlsx`);
export const unitProgressFormHref = (name: string) => withBase(encodeURI(`/progress/units/${unitSlug(name)}.xlsx`));
export const planCalendarHref = (planId: string) => withBase(`/calendar/${planId}.ics`);
export const unitCalendarHref = (name: string) => withBase(encodeURI(`/calendar/units/${unitSlug(name)}.ics`));
export const progressPdfHref = (planId: string) => withBase(`/pdf/progress/${planId}.pdf`);
export const unitProgressPdfHref = (name: string) => withBase(encodeURI(`/pdf/progress/units/${unitSlug(name)}.pdf`));
