import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';
import { launchBrowser } from './browser.js';
import { records, seedRun } from './fixture.js';

// Callbacks given to page.evaluate run in the browser. The project compiles without the DOM
// library (adding it would change Node's timer types for everyone), so the few browser globals
// they use are declared here, loosely, for this file only.
declare const window: { innerWidth: number; scrollBy(x: number, y: number): void };
declare const document: { documentElement: { scrollWidth: number }; querySelector(selector: string): HTMLElement | null };
declare function getComputedStyle(el: unknown, pseudo?: string): { backgroundColor: string; color: string; content: string; outlineStyle: string };
type HTMLElement = any;

/** Screenshots for people to look at (tests/.tmp is the test output folder, not committed). */
const SHOTS = join(ROOT, 'tests/.tmp/report');
/** How long a tooltip may take to appear (ms): vitest's poll default of 1 s is too short on a loaded CI machine. Not a speed assertion. */
const TIP_WAIT_MS = 10_000;

interface Seg {
  doc: string;
  text: string;
  kind: string;
}

let out: string;
let page: Page;
let close: () => Promise<void>;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  out = await seedRun();
  expect((await cli(['report', '--from', out])).code).toBe(0);
  const browser = await launchBrowser();
  close = browser.close;
  page = await browser.context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(pathToFileURL(join(out, 'report.html')).href);
});

afterAll(async () => {
  await close?.();
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, b2] = c.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b2!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('annotate report in headless Chromium', () => {
  it('renders highlights and panels, with no script error and no request beyond the file', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'report.png') });
    await page.screenshot({ path: join(SHOTS, 'report-full.png'), fullPage: true });

    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    const entities = records<{ label: string }>(out, 'entities');
    expect(await page.locator('main mark.ent').count()).toBe(entities.length);
    expect(await page.locator('main span.claim').count()).toBe(records(out, 'claims').length);
    expect(await page.locator('main article.doc').count()).toBe(5);
    expect(await page.locator('.panel button.filter[data-layer="entity"]').count()).toBe(new Set(entities.map((e) => e.label)).size);
    expect(await page.locator('.panel button.filter[data-layer="claim"]').count()).toBe(3);
    expect(await page.locator('.panel button.pin').count()).toBe(12);
    expect(await page.locator('.panel').isVisible()).toBe(true);
    // Highlights are painted: a person has a non-transparent fill.
    const fill = await page.locator('main mark.ent[data-label="PERSON"]').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(fill).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('shows each segment and comment with exactly its page text, in order', async () => {
    const shown = await page.$$eval('main article.doc', (docs) =>
      docs.map((d) => ({ doc: d.querySelector('h2')!.textContent, texts: [...d.querySelectorAll('.seg, .comment-text')].map((e) => (e.querySelector('.empty') ? '' : e.textContent)) })),
    );
    const segs = records<Seg>(out, 'segment');
    for (const { doc, texts } of shown) {
      const mine = segs.filter((s) => s.doc === doc);
      expect(texts).toEqual([...mine.filter((s) => s.kind !== 'comment'), ...mine.filter((s) => s.kind === 'comment')].map((s) => s.text));
    }
  });

  it('clicking a label filter hides the other labels; "Show all" brings them back', async () => {
    await page.locator('.panel button.filter[data-value="PERSON"]').click();
    expect(await page.locator('.panel button.filter[data-value="PERSON"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#ent-status').textContent()).toBe('Showing only: person.');
    const fills = await page.$$eval('main mark.ent', (marks) => marks.map((m) => ({ label: m.dataset.label, fill: getComputedStyle(m).backgroundColor, off: m.classList.contains('off') })));
    for (const m of fills) {
      expect(m.off).toBe(m.label !== 'PERSON');
      expect(m.fill === 'rgba(0, 0, 0, 0)').toBe(m.label !== 'PERSON');
    }
    await page.screenshot({ path: join(SHOTS, 'report-person-filter.png') });
    await page.locator('.panel button[data-reset="entity"]').click();
    expect(await page.locator('main mark.ent.off').count()).toBe(0);
  });

  it('a claim filter hides the other claim tags', async () => {
    await page.locator('.panel button.filter[data-value="sourced_claim"]').click();
    const tags = await page.$$eval('main span.claim', (spans) => spans.map((s) => ({ label: s.dataset.claim, tag: getComputedStyle(s, '::before').content })));
    for (const t of tags) {
      if (t.label === 'sourced_claim') expect(t.tag).toBe('"sourced"');
      else expect(t.tag).toBe('none');
    }
    await page.locator('.panel button[data-reset="claim"]').click();
    expect(await page.locator('main span.claim.off').count()).toBe(0);
  });

  it('clicking a most-mentioned entity highlights all its mentions across documents', async () => {
    const first = page.locator('.panel button.pin').first();
    const [label, id] = [await first.getAttribute('data-label'), await first.getAttribute('data-id')];
    const mentions = records<{ doc: string; label: string; id: string }>(out, 'entities').filter((e) => e.label === label && e.id === id);
    await first.click();
    expect(await page.locator('main mark.ent.pinned').count()).toBe(mentions.length);
    expect(await page.locator('#pin-status').textContent()).toContain(`${mentions.length} mentions in ${new Set(mentions.map((m) => m.doc)).size} documents`);
    await page.locator('#pin-clear').click();
    expect(await page.locator('main mark.ent.pinned').count()).toBe(0);
  });

  it('keyboard focus on a mention is visible and shows its id, canonical name, source and alias', async () => {
    await page.keyboard.press('Tab'); // a keyboard interaction, so focus rings show (:focus-visible)
    const mark = page.locator('main mark.ent[data-id="mustafa-al-kadhimi"]').first();
    await mark.focus();
    const outline = await mark.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await expect.poll(() => page.locator('#tip').isVisible(), { timeout: TIP_WAIT_MS }).toBe(true);
    const tip = await page.locator('#tip').textContent();
    for (const part of ['idmustafa-al-kadhimi', 'canonicalMustafa al-Kadhimi', 'sourcegazetteer', 'alias']) expect(tip).toContain(part);
    expect(await mark.getAttribute('aria-describedby')).toBe('tip');
  });

  it('claims show their label, cues and source in the tooltip (screenshot for the README)', async () => {
    const claim = page.locator('main span.claim[data-source-kind]').last();
    // The claim low in the window with the comments before it above; keyboard focus on it.
    await claim.evaluate((el) => {
      el.scrollIntoView({ block: 'end' });
      window.scrollBy(0, 160);
      document.querySelector('.panel')!.scrollTop = 0; // earlier clicks scrolled the panel
    });
    await page.mouse.move(2, 2);
    await page.keyboard.press('Shift');
    await claim.evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
    await expect.poll(() => page.locator('#tip').isVisible(), { timeout: TIP_WAIT_MS }).toBe(true);
    const tip = await page.locator('#tip').textContent();
    const [kind, source, cues] = await claim.evaluate((el) => [el.dataset.sourceKind!, el.dataset.sourceText!, el.dataset.cues!]);
    expect(tip).toMatch(/^S\d+ · Sourced claim · score [\d.]+/);
    expect(tip).toContain(`source (${kind}): “${source}”`);
    for (const cue of cues.split('\n')) expect(tip).toContain(cue);
    await page.screenshot({ path: join(SHOTS, 'report-claims.png') });
  });

  it('keeps text readable against highlights and tags (contrast at least 4.5:1)', async () => {
    const pairs = await page.$$eval('main mark.ent, main span.claim:not([data-claim="not_claim"])', (els) => {
      const seen = new Set<string>();
      const out: { what: string; fg: string; bg: string }[] = [];
      for (const el of els) {
        const what = (el as HTMLElement).dataset.label ?? (el as HTMLElement).dataset.claim!;
        if (seen.has(what)) continue;
        seen.add(what);
        const s = el.matches('mark') ? getComputedStyle(el) : getComputedStyle(el, '::before');
        out.push({ what, fg: s.color, bg: s.backgroundColor });
      }
      return out;
    });
    expect(pairs.length).toBeGreaterThanOrEqual(7);
    for (const p of pairs) expect(contrast(p.fg, p.bg), p.what).toBeGreaterThanOrEqual(4.5);
  });

  it('fits a small laptop screen: no sideways scrolling, a wide enough text column', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth, column: document.querySelector('article.doc')!.getBoundingClientRect().width }));
    expect(size.scroll).toBeLessThanOrEqual(size.view);
    expect(size.column).toBeGreaterThan(600);
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
