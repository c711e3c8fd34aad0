// The browser part of the harness: Chromium through playwright-core, and the check
// run on every page the browser suite visits (axe-core plus the layout check, at
// phone and desktop widths). Re-exported by harness.mjs.
//
//   launchBrowser(), newContext(browser, opts), checkA11y(page, { label })

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onExit } from './cleanup.mjs';
import { within } from './processes.mjs';
import { LAYOUT_WIDTHS, formatLayoutProblems, layoutProblems } from './layout.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const AXE_PATH = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function launchBrowser(opts = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    timeout: 60_000,
    ...opts,
  });
  const unregister = onExit(() => {
    // the browser process is a child of ours: make sure it goes too
    try {
      browser.process?.()?.kill('SIGKILL');
    } catch {
      // gone
    }
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    unregister();
    await within(close(), 10_000);
    try {
      browser.process?.()?.kill('SIGKILL');
    } catch {
      // gone
    }
  };
  return browser;
}

/** A context with French locale, bounded timeouts; CSP bypassed so axe can be injected. */
export async function newContext(browser, opts = {}) {
  const ctx = await browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 1280, height: 900 }, ...opts });
  ctx.ateliersNoJs = opts.javaScriptEnabled === false;
  ctx.setDefaultTimeout(15_000);
  ctx.setDefaultNavigationTimeout(20_000);
  return ctx;
}

let axeSource;

async function runAxe(page, tags, exclude) {
  axeSource ??= fs.readFileSync(AXE_PATH, 'utf8');
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined').catch(() => false);
  if (!hasAxe) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ tags, exclude }) => {
      const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
      const r = await window.axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
      }));
    },
    { tags, exclude },
  );
}

/**
 * axe needs timers, which do not run in a page with JavaScript disabled: the
 * page's current DOM (scripts removed) is served again at the same URL to a
 * JavaScript-enabled page of a fresh context, stylesheets loading as usual.
 */
async function runAxeNoJs(page, tags, exclude) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
  const url = page.url();
  const ctx = await page.context().browser().newContext({ locale: 'fr-FR', bypassCSP: true, viewport: page.viewportSize() ?? undefined });
  try {
    ctx.setDefaultTimeout(15_000);
    const p = await ctx.newPage();
    await p.route((u) => u.href === url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await p.goto(url, { waitUntil: 'load' });
    return await runAxe(p, tags, exclude);
  } finally {
    await ctx.close();
  }
}

async function axeWithin(page, tags, exclude, timeoutMs) {
  const run = page.context().ateliersNoJs ? runAxeNoJs(page, tags, exclude) : runAxe(page, tags, exclude);
  let timer;
  return Promise.race([
    run,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`axe did not finish within ${timeoutMs} ms on ${page.url()}`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

function formatAxe(where, width, results) {
  const lines = [`axe: ${results.length} accessibility violation(s) on ${where} at ${width} px`];
  for (const v of results) {
    lines.push(`- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 8)) {
      lines.push(`    at ${n.target}\n      ${n.html.slice(0, 200)}\n      ${(n.summary ?? '').replace(/\n/g, '\n      ')}`);
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more`);
  }
  return lines.join('\n');
}

/**
 * Run axe-core (WCAG 2.1 A/AA) and the layout check (tests/support/layout.mjs) on
 * the page at each width (390 and 1280 px: some rules, such as scrollable regions,
 * only bite on a phone); assert zero violations and zero layout problems. The
 * viewport is restored afterwards.
 */
export async function checkA11y(page, { tags = AXE_TAGS, exclude = [], label, timeoutMs = 30_000, widths = LAYOUT_WIDTHS } = {}) {
  const where = label ?? page.url();
  const original = page.viewportSize();
  const failures = [];
  try {
    for (const width of widths) {
      await page.setViewportSize({ width, height: original?.height ?? 900 });
      const layout = await layoutProblems(page, { widths: [width] });
      if (layout.length) failures.push(formatLayoutProblems(where, layout));
      const results = await axeWithin(page, tags, exclude, timeoutMs);
      if (results.length) failures.push(formatAxe(where, width, results));
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  if (failures.length) assert.fail(failures.join('\n'));
}
