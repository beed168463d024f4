/**
 * The HTML report opened in a real browser (Debian's Chromium): what a person sees, what runs,
 * what the page asks of the network. The reports are made by billcheck itself from the fixtures,
 * and their counts compared with the JSON report of the same input.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchChromium, UNDER_CI, CHROMIUM } from '../../helpers/browser.js';
import { ROOT, runCli } from '../../helpers/cli.js';

const DIR = mkdtempSync(join(tmpdir(), 'billcheck-html-'));
const ARTIFACTS = join(ROOT, 'test-artifacts');

interface JsonReport {
  summary: { files: number; documents: number; rows: number; errors: number; warnings: number; infos: number };
  findings: Array<{ ruleId: string; account?: string }>;
}

async function reports(fixture: string): Promise<{ url: string; json: JsonReport }> {
  const path = join(ROOT, fixture);
  const html = await runCli([path, '--format', 'html']);
  const json = await runCli([path, '--format', 'json']);
  const file = join(DIR, `${fixture.replace(/\W+/g, '-')}.html`);
  writeFileSync(file, html.stdout);
  return { url: pathToFileURL(file).href, json: JSON.parse(json.stdout) as JsonReport };
}

/** A page that records every console error, page error, dialog and request other than its own file. */
async function open(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await context.route('**/*', async (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, requests };
}

it.runIf(!HAS_CHROMIUM && UNDER_CI)('has Chromium under CI (apt-get install chromium)', () => {
  expect.fail(`no Chromium at ${CHROMIUM}: CI must install Debian's chromium package`);
});

describe.skipIf(!HAS_CHROMIUM)('the HTML report in Chromium', () => {
  let browser: Browser;
  let seed: { url: string; json: JsonReport };

  beforeAll(async () => {
    browser = await launchChromium();
    seed = await reports('fixtures/seed-cases.csv');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens with no error, no request leaving the page, and the counts of the JSON report', async () => {
    const context = await browser.newContext();
    const { page, problems, requests } = await open(context, seed.url);
    const count = async (id: string): Promise<number> =>
      Number((await page.textContent(`#count-${id} b`))?.replace(/,/g, ''));
    expect(await count('errors')).toBe(seed.json.summary.errors);
    expect(await count('warnings')).toBe(seed.json.summary.warnings);
    expect(await count('infos')).toBe(seed.json.summary.infos);
    expect(await count('documents')).toBe(seed.json.summary.documents);
    expect(await count('rows')).toBe(seed.json.summary.rows);
    expect(await page.locator('#findings tbody tr').count()).toBe(seed.json.findings.length);
    for (const rule of new Set(seed.json.findings.map((f) => f.ruleId))) {
      const expected = seed.json.findings.filter((f) => f.ruleId === rule).length;
      expect(await page.textContent(`#by-rule tr[data-rule="${rule}"] td:nth-child(2)`)).toBe(String(expected));
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'seed-report.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await context.close();
  });

  it("marks the 149 000 € bill on its account's chart, far above the median of the earlier bills", async () => {
    const context = await browser.newContext();
    const { page } = await open(context, seed.url);
    const section = page.locator('section.acct', { has: page.locator('h3', { hasText: '0612345003' }) });
    const spike = section.locator('g.flag[data-rules~="amount-spike"]');
    expect(await spike.count()).toBe(1);
    expect(await spike.locator('text').textContent()).toContain('amount-spike');
    const ring = await spike.locator('circle').boundingBox();
    const median = await section.locator('polyline.median').boundingBox();
    expect(ring).not.toBeNull();
    expect(median).not.toBeNull();
    // The chart is 200 units high: the spike stands at least half of it above the baseline.
    const chart = await section.locator('svg.chart').boundingBox();
    expect((median?.y ?? 0) - (ring?.y ?? 0)).toBeGreaterThan((chart?.height ?? 0) / 2);
    // Each account with two documents or more has its chart; the seed has four.
    expect(await page.locator('section.acct svg.chart').count()).toBe(4);
    await context.close();
  });

  it('filters the table by rule, severity and account, and sorts it by amount', async () => {
    const context = await browser.newContext();
    const { page, problems } = await open(context, seed.url);
    const visible = (): Promise<number> => page.locator('#findings tbody tr:not([hidden])').count();
    await page.selectOption('#f-rule', 'billed-after-termination');
    expect(await visible()).toBe(2);
    expect(await page.textContent('#f-shown')).toBe(`2 of ${seed.json.findings.length} findings shown`);
    await page.selectOption('#f-rule', '');
    await page.fill('#f-account', '0612345001');
    expect(await visible()).toBe(seed.json.findings.filter((f) => f.account === '0612345001').length);
    await page.fill('#f-account', '');
    await page.selectOption('#f-severity', 'warning');
    expect(await visible()).toBe(0);
    await page.selectOption('#f-severity', '');

    const amountHeader = page.locator('#findings th', { hasText: 'Amount' }).locator('button');
    await amountHeader.click();
    expect(await page.textContent('#findings tbody tr:first-child td:nth-child(7)')).toBe('0,00 €');
    await amountHeader.click();
    expect(await page.textContent('#findings tbody tr:first-child td:nth-child(7)')).toBe('149 000,00 €');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens a rule's explanation from the table's link to it", async () => {
    const context = await browser.newContext();
    const { page } = await open(context, seed.url);
    const details = page.locator('details', { has: page.locator('#rule-amount-spike') });
    expect(await details.evaluate((element) => element.hasAttribute('open'))).toBe(false);
    await page.locator('#findings a[href="#rule-amount-spike"]').click();
    await expect.poll(() => details.evaluate((element) => element.hasAttribute('open'))).toBe(true);
    expect(await page.locator('#rule-amount-spike').textContent()).toContain('What to do:');
    await context.close();
  });

  it('prints without the filters, with marks in black', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, seed.url);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    const ring = page.locator('g.flag[data-rules~="amount-spike"] circle');
    // The tests are compiled without the DOM's types: the browser's global, typed by hand.
    type Styles = { getComputedStyle(element: unknown): { stroke: string } };
    const stroke = await ring.evaluate((element) => (globalThis as unknown as Styles).getComputedStyle(element).stroke);
    expect(stroke).toBe('rgb(0, 0, 0)');
    await context.close();
  });

  it('reads the same with scripts off: the table is whole and the filters stay hidden', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const { page } = await open(context, seed.url);
    expect(await page.locator('#findings tbody tr:visible').count()).toBe(seed.json.findings.length);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('section.acct svg.chart').count()).toBe(4);
    await context.close();
  });

  it('runs nothing from a hostile export: no script, no handler, no injected element, bidi shown', async () => {
    const hostile = await reports('fixtures/hostile/html-injection.csv');
    expect(hostile.json.findings.length).toBe(5);
    const context = await browser.newContext();
    const { page, problems, requests } = await open(context, hostile.url);
    expect(await page.evaluate(() => (globalThis as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(await page.title()).toBe('billcheck report');
    expect(
      await page.locator('body img, body [onerror], body [onload], body style, body a[href^="javascript"]').count(),
    ).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('#findings tbody tr').count()).toBe(5);
    const accountCell = await page.textContent('#findings tbody tr:first-child td:nth-child(3)');
    // The account's name is its identity (src/identity): the bidi override is not part of it.
    expect(accountCell).toBe('0612345009');
    expect(await page.content()).not.toContain('\u202E');
    expect(await page.locator('#findings').textContent()).toContain('<script>window.pwned=2</script>');
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await context.close();
  });
});
