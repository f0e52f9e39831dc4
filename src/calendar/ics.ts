/**
 * iCalendar (RFC 5545) text for deadline events, through ical-generator
 * (the only module that talks to it): all-day `DTSTART;VALUE=DATE`, lines
 * folded at 75 octets, text escaped. DTSTAMP is a fixed date given by the
 * caller, so the same content builds the same file.
 */
import ical from 'ical-generator';
import type { DeadlineEvent } from './events.ts';

export interface CalendarOptions {
  name: string; // shown by calendar apps: 岳阳街道 任务完成时限
  description: string;
  stamp: string; // ISO date used as DTSTAMP
}

export function toIcs(events: readonly DeadlineEvent[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    description: options.description,
    prodId: { company: 'planbook', product: 'planbook', language: 'ZH' },
  });
  const stamp = new Date(`${options.stamp}T00:00:00Z`);
  for (const e of events) {
    const start = new Date(`${e.date}T00:00:00Z`);
    calendar.createEvent({ id: e.uid, start, allDay: true, summary: e.summary, description: e.description, ...(e.url ? { url: e.url } : {}), stamp });
  }
  return calendar.toString();
}
