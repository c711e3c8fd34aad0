// The layout check of the browser suite: what axe-core does not see. A page can
// pass every WCAG rule and still draw its content over the footer, scroll
// sideways on a phone, cut a button's label or show what the markup hides.
//
//   checkLayout(page, { label, widths })  resizes the page to each width (390 and
//   1280 px by default), collects the problems at each, restores the viewport and
//   fails with one line per problem: page, width, element, what is wrong.

import assert from 'node:assert/strict';

export const LAYOUT_WIDTHS = [390, 1280];
const HEIGHT = 900;
const MAX_PER_KIND = 6;

/**
 * Runs in the page (no closure): returns the problems found at the current
 * viewport width, each { kind, element, detail }.
 */
function findLayoutProblems(maxPerKind) {
  const problems = [];
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    const classes = [...el.classList].filter((c) => !c.startsWith('fr-icon-')).slice(0, 3);
    if (classes.length) s += `.${classes.join('.')}`;
    const text = (el.innerText || el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim();
    if (text) s += ` « ${text.length > 60 ? `${text.slice(0, 57)}…` : text} »`;
    return s;
  };
  const style = (el) => getComputedStyle(el);
  const clips = (cs) => cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
  // The part of el actually painted: its box cut by every clipping ancestor. An
  // absolutely positioned box escapes the scroll containers between it and its
  // containing block (DSFR's table captions do), so those do not cut it.
  const visibleRect = (el, minSize = 2) => {
    const cs = style(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return null;
    // The content of a closed <details> keeps its computed display but is not rendered
    // (content-visibility: hidden on its slot): checkVisibility() knows.
    if (el.checkVisibility && !el.checkVisibility()) return null;
    const r = el.getBoundingClientRect();
    let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    let containingBlock = cs.position === 'absolute' ? el.offsetParent : null;
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const as = style(a);
      if (as.display === 'none') return null;
      if (as.position === 'fixed') return null;  // modals and overlays are not in the flow
      const escaped = containingBlock && a !== containingBlock;
      if (a === containingBlock) containingBlock = as.position === 'absolute' ? a.offsetParent : null;
      if (!escaped && clips(as) && a !== document.body) {
        const ar = a.getBoundingClientRect();
        box = {
          left: Math.max(box.left, ar.left), top: Math.max(box.top, ar.top),
          right: Math.min(box.right, ar.right), bottom: Math.min(box.bottom, ar.bottom),
        };
      }
    }
    if (cs.position === 'fixed') return null;
    if (box.right - box.left < minSize || box.bottom - box.top < minSize) return null;  // sr-only, empty
    return box;
  };
  // Report the outermost culprits only: their descendants add nothing.
  const outermost = (els) => els.filter((el) => !els.some((o) => o !== el && o.contains(el)));

  // 1. Nothing in main drawn over the footer.
  const main = document.querySelector('main');
  const footer = document.querySelector('footer');
  if (main && footer) {
    const footerTop = footer.getBoundingClientRect().top;
    const over = [];
    for (const el of main.querySelectorAll('*')) {
      const box = visibleRect(el);
      if (box && box.bottom > footerTop + 1) over.push(el);
    }
    for (const el of outermost(over).slice(0, maxPerKind)) {
      const box = visibleRect(el);
      problems.push({
        kind: 'overlaps the footer',
        element: describe(el),
        detail: `its bottom is at ${Math.round(box.bottom - footerTop)} px below the footer's top`,
      });
    }
  }

  // 2. No horizontal overflow of the page. Even a 1 px screen-reader text counts:
  // positioned outside a table's scrolling area, it widens the whole page.
  const doc = document.scrollingElement;
  if (doc.scrollWidth > doc.clientWidth + 1) {
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = visibleRect(el, 1);
      if (box && (box.right > doc.clientWidth + 1 || box.left < -1)) wide.push(el);
    }
    const culprits = outermost(wide);
    if (!culprits.length) {
      problems.push({ kind: 'horizontal overflow', element: 'document',
        detail: `scrollWidth ${doc.scrollWidth} px > clientWidth ${doc.clientWidth} px` });
    }
    for (const el of culprits.slice(0, maxPerKind)) {
      const r = el.getBoundingClientRect();
      problems.push({
        kind: 'horizontal overflow', element: describe(el),
        detail: `spans ${Math.round(r.left)}–${Math.round(r.right)} px in a ${doc.clientWidth} px wide page`,
      });
    }
  }

  // 3. No clipped label on buttons and links. DSFR's icon-only buttons hide their
  // text on purpose and carry it in a title; anything else must show all of it.
  const clipped = [];
  for (const el of document.querySelectorAll('button, a, .fr-btn, .fr-badge, .fr-tag, label')) {
    if (!visibleRect(el)) continue;
    const text = (el.innerText || '').trim();
    if (!text) continue;
    const cs = style(el);
    const iconOnly = [...el.classList].some((c) => c.startsWith('fr-icon-'))
      && !el.classList.contains('fr-btn--icon-left') && !el.classList.contains('fr-btn--icon-right')
      && el.hasAttribute('title');
    if (iconOnly || el.classList.contains('fr-btn--close') || el.classList.contains('fr-btn--menu')) continue;
    const cutX = el.scrollWidth > el.clientWidth + 1 && (clips(cs) || cs.textOverflow === 'ellipsis');
    const cutY = el.scrollHeight > el.clientHeight + 1 && cs.overflowY !== 'visible';
    if (cutX || cutY) clipped.push({ el, cs });
  }
  for (const { el } of clipped.slice(0, maxPerKind)) {
    problems.push({
      kind: 'clipped label', element: describe(el),
      detail: `text needs ${el.scrollWidth}×${el.scrollHeight} px, box shows ${el.clientWidth}×${el.clientHeight} px`,
    });
  }

  // 4. Nothing with the hidden attribute displayed (a CSS display rule beats it).
  const shown = [...document.querySelectorAll('body [hidden]')].filter((el) => style(el).display !== 'none');
  for (const el of shown.slice(0, maxPerKind)) {
    problems.push({
      kind: 'hidden but displayed', element: describe(el),
      detail: `has the hidden attribute but computed display is "${style(el).display}"`,
    });
  }
  return problems;
}

/** Problems at each width, without failing: [{ width, kind, element, detail }]. */
export async function layoutProblems(page, { widths = LAYOUT_WIDTHS } = {}) {
  const original = page.viewportSize();
  const out = [];
  try {
    for (const width of widths) {
      if (page.viewportSize()?.width !== width) {
        await page.setViewportSize({ width, height: original?.height ?? HEIGHT });
      }
      for (const p of await page.evaluate(findLayoutProblems, MAX_PER_KIND)) out.push({ width, ...p });
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  return out;
}

export function formatLayoutProblems(where, problems) {
  return [`layout: ${problems.length} problem(s) on ${where}`,
    ...problems.map((p) => `- at ${p.width} px: ${p.kind}: ${p.element}: ${p.detail}`)].join('\n');
}

/** Assert the page's layout holds at 390 and 1280 px wide. */
export async function checkLayout(page, { label, widths = LAYOUT_WIDTHS } = {}) {
  const problems = await layoutProblems(page, { widths });
  if (problems.length) assert.fail(formatLayoutProblems(label ?? page.url(), problems));
  return problems;
}
