import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { dataFingerprint, dataKey, lastBuildDate, openPdfCache, pdfCacheDir, pdfKey, prunePdfCache, rendererFingerprint } from '../../../src/pdf/cache.ts';

const saved = process.env.PLANBOOK_PDF_CACHE;
afterEach(() => {
  if (saved === undefined) delete process.env.PLANBOOK_PDF_CACHE;
  else process.env.PLANBOOK_PDF_CACHE = saved;
});

describe('the PDF cache', () => {
  test('keys a file by everything it is drawn from and by the renderer', () => {
    const doc = { title: '岳阳街道任务清单', rows: [{ number: 1, units: ['街道安全办'], deadline: '2024年底前' }] };
    const key = pdfKey(doc, { kind: 'plan' }, { buildDate: '2026-11-23' });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(pdfKey(doc, { kind: 'plan' }, { buildDate: '2026-11-23' })).toBe(key);
    expect(pdfKey({ ...doc, rows: [{ ...doc.rows[0], deadline: '2025年底前' }] }, { kind: 'plan' }, { buildDate: '2026-11-23' })).not.toBe(key);
    expect(pdfKey(doc, { kind: 'plan' }, { buildDate: '2026-11-24' })).not.toBe(key);
    expect(rendererFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });

  test('gives back what was put, and nothing for an unknown key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planbook-pdf-cache-'));
    const cache = openPdfCache(dir);
    const bytes = new TextEncoder().encode('%PDF-1.7 …');
    await cache.put('a'.repeat(64), bytes);
    const out = mkdtempSync(join(tmpdir(), 'planbook-pdf-out-'));
    expect(await cache.copyTo('a'.repeat(64), 'pdf', join(out, 'a.pdf'))).toBe(bytes.length);
    expect(new Uint8Array(readFileSync(join(out, 'a.pdf')))).toEqual(bytes);
    expect(await cache.copyTo('b'.repeat(64), 'pdf', join(out, 'b.pdf'))).toBeNull();
    expect(readdirSync(dir)).toEqual([`${'a'.repeat(64)}.pdf`]);
    // A data file under its own key and kind, copied out whole; an unknown key copies nothing.
    await cache.put('c'.repeat(64), '{"plans":[]}', 'data');
    expect(await cache.copyTo('c'.repeat(64), 'data', join(out, 'plans.json'))).toBe(12);
    expect(readFileSync(join(out, 'plans.json'), 'utf8')).toBe('{"plans":[]}');
    expect(await cache.copyTo('c'.repeat(64), 'pdf', join(out, 'other.pdf'))).toBeNull();
    expect(existsSync(join(out, 'other.pdf'))).toBe(false);
  });

  test('keys a data file by the data writers, the file and the digest of the model', () => {
    const key = dataKey({ kind: 'plan-calendar', plan: 'yueyang' }, 'digest-1');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(dataKey({ kind: 'plan-calendar', plan: 'yueyang' }, 'digest-1')).toBe(key);
    expect(dataKey({ kind: 'plan-calendar', plan: 'miaohang' }, 'digest-1')).not.toBe(key);
    expect(dataKey({ kind: 'plan-calendar', plan: 'yueyang' }, 'digest-2')).not.toBe(key);
    expect(dataFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(dataFingerprint()).not.toBe(rendererFingerprint());
  });

  test('keeps the files the last three builds used, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planbook-pdf-cache-'));
    const key = (c: string) => c.repeat(64);
    const files = () => readdirSync(dir).filter((n) => n.endsWith('.pdf')).sort();
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, `${key(name)}.pdf`), name);
    writeFileSync(join(dir, 'left.pdf.123.x.part'), '');
    writeFileSync(join(dir, `${key('b')}.data`), 'b');
    writeFileSync(join(dir, `${key('f')}.data`), 'f');
    // No earlier build on record: only this build's files stay, PDFs and data files alike.
    expect(await prunePdfCache(dir, new Set([key('b')]))).toBe(4);
    expect(readdirSync(dir).filter((n) => n.endsWith('.data'))).toEqual([`${key('b')}.data`]);
    expect(files()).toEqual([`${key('b')}.pdf`]);
    // Builds of other content folders by turns keep each other's files …
    writeFileSync(join(dir, `${key('c')}.pdf`), 'c');
    expect(await prunePdfCache(dir, new Set([key('c')]))).toBe(0);
    writeFileSync(join(dir, `${key('d')}.pdf`), 'd');
    expect(await prunePdfCache(dir, new Set([key('d')]))).toBe(0);
    expect(files()).toEqual([key('b'), key('c'), key('d')].map((k) => `${k}.pdf`));
    // … until they are more than three builds back (b's list and its data file).
    writeFileSync(join(dir, `${key('e')}.pdf`), 'e');
    expect(await prunePdfCache(dir, new Set([key('e'), key('c')]))).toBe(2);
    expect(readdirSync(dir).filter((n) => n.endsWith('.data'))).toEqual([]);
    expect(files()).toEqual([key('c'), key('d'), key('e')].map((k) => `${k}.pdf`));
    // An unreadable record of the earlier builds costs time, never a stale file.
    writeFileSync(join(dir, 'builds.json'), '{');
    expect(await prunePdfCache(dir, new Set([key('e')]))).toBe(2);
    expect(files()).toEqual([`${key('e')}.pdf`]);
  });

  test('records the date of the last build, and reads a record written without one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planbook-pdf-dated-'));
    const key = (c: string) => c.repeat(64);
    expect(lastBuildDate(dir)).toBeNull();
    writeFileSync(join(dir, `${key('a')}.pdf`), 'a');
    await prunePdfCache(dir, new Set([key('a')]), '2026-11-23');
    expect(lastBuildDate(dir)).toBe('2026-11-23');
    writeFileSync(join(dir, `${key('b')}.pdf`), 'b');
    await prunePdfCache(dir, new Set([key('b')]), '2026-11-24');
    expect(lastBuildDate(dir)).toBe('2026-11-24');
    expect(JSON.parse(readFileSync(join(dir, 'builds.json'), 'utf8'))).toEqual({ date: '2026-11-24', builds: [[key('b')], [key('a')]] });
    // The bare list of earlier releases: its builds are kept, and no date is known.
    writeFileSync(join(dir, 'builds.json'), JSON.stringify([[key('b')], [key('a')]]));
    expect(lastBuildDate(dir)).toBeNull();
    writeFileSync(join(dir, `${key('c')}.pdf`), 'c');
    expect(await prunePdfCache(dir, new Set([key('c')]), '2026-11-25')).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'builds.json'), 'utf8'))).toEqual({ date: '2026-11-25', builds: [[key('c')], [key('b')], [key('a')]] });
  });

  test('is off with PLANBOOK_PDF_CACHE=off, and elsewhere where it says', async () => {
    process.env.PLANBOOK_PDF_CACHE = 'off';
    expect(pdfCacheDir('/project')).toBeNull();
    const off = openPdfCache(null);
    await off.put('a'.repeat(64), new Uint8Array([1]));
    const out = mkdtempSync(join(tmpdir(), 'planbook-pdf-out-'));
    expect(await off.copyTo('a'.repeat(64), 'pdf', join(out, 'a.pdf'))).toBeNull();
    delete process.env.PLANBOOK_PDF_CACHE;
    expect(pdfCacheDir('/project')).toBe('/project/.cache/pdf');
    const dir = join(mkdtempSync(join(tmpdir(), 'planbook-pdf-cache-')), 'nested');
    process.env.PLANBOOK_PDF_CACHE = dir;
    expect(pdfCacheDir('/project')).toBe(dir);
    openPdfCache(dir);
    expect(existsSync(dir)).toBe(true);
  });
});
