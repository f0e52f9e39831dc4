// The end-to-end harness: a served dist/ (global-setup.ts), Chromium, axe-core and screenshots.
export { launchBrowser, useBrowser, newPage, screenshot, SCREENS, CHROMIUM } from './browser.ts';
export type { Browser, Page } from './browser.ts';
export { seriousViolations, type AxeViolation } from './axe.ts';
export { serveStatic, mimeType } from './server.ts';
export { listResults, searchSettled, type ListedResults } from './search.ts';
export { buildCorpusSite, type CorpusSite } from './corpus.ts';
