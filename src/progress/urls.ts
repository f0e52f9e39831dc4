/** The addresses of the progress pages, forms and calendar feeds. */
import { unitSlug } from '../derive/units.ts';

export const progressIndexHref = () => '/progress/';
export const progressHref = (planId: string) => `/progress/${planId}/`;
export const progressFormHref = (planId: string) => `/progress/${planId}/form.xlsx`;
export const unitProgressFormHref = (name: string) => encodeURI(`/progress/units/${unitSlug(name)}.xlsx`);
export const planCalendarHref = (planId: string) => `/calendar/${planId}.ics`;
export const unitCalendarHref = (name: string) => encodeURI(`/calendar/units/${unitSlug(name)}.ics`);
