// The report pages in Chromium: axe-core clean, every chart an image with an
// accessible name and followed by the table of its data, a working "Imprimer"
// button (and the sentence that replaces it without JavaScript), a print layout
// without the site's navigation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { BULK_PASSWORD } from '../support/bulk.mjs';
import { fillReportCycle } from '../support/report_data.mjs';

const SLUG = 'rapport-navigateur';
const TITLE = 'Rapport dans le navigateur';

/** For each chart: its accessible name and whether a captioned table follows it in its block. */
function chartFacts(page) {
  return page.evaluate(() => [...document.querySelectorAll('svg')].map((svg) => {
    const block = svg.closest('.ateliers-report-block');
    const table = block?.querySelector('table');
    const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    return {
      role: svg.getAttribute('role'),
      name: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim(),
      description: document.getElementById(svg.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
      tableAfter: Boolean(table && (svg.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING)),
      caption: table?.querySelector('caption')?.textContent.trim() ?? '',
    };
  }));
}

describe('rapports dans le navigateur', () => {
  let organiser;
  const fx = useBrowserFixture({
    smtp: true,
    setup: ({ db }) => {
      ({ organiser } = fillReportCycle(db, { slug: SLUG, title: TITLE, tag: 'browser-reports' }));
    },
  });
  const { t } = fx;

  const logIn = async (ctx) => {
    const page = await ctx.newPage();
    await page.goto(`${fx.server.baseUrl}/compte/connexion?suivant=%2Fadmin`);
    await page.locator('input[name="email"]').fill(organiser.email);
    await page.locator('input[name="password"]').fill(BULK_PASSWORD);
    await Promise.all([page.waitForURL(/\/admin$/), page.getByRole('button', { name: 'Se connecter' }).click()]);
    return page;
  };

  const checkCharts = async (page, expected) => {
    const facts = await chartFacts(page);
    assert.equal(facts.length, expected, `${expected} charts on ${page.url()}`);
    for (const f of facts) {
      assert.equal(f.role, 'img');
      assert.ok(f.name.length > 0, 'accessible name');
      assert.ok(f.description.startsWith(`${f.name}.`), `description of “${f.name}” states its data: ${f.description}`);
      assert.ok(f.tableAfter, `a table follows “${f.name}”`);
      assert.ok(f.caption.length > 0, `the table after “${f.name}” has a caption`);
      assert.equal(await page.getByRole('img', { name: f.name, exact: true }).count(), 1, `img role named “${f.name}”`);
    }
    return facts;
  };

  it('dashboard and cycle report: accessible charts with their tables, printable', { timeout: 180_000 }, t(async () => {
    const ctx = await newContext(fx.browser);
    const errors = [];
    try {
      const page = await logIn(ctx);
      page.on('pageerror', (e) => errors.push(e.message));
      await page.getByRole('link', { name: 'Rapports et tableau de bord' }).click();
      await page.waitForURL(/\/admin\/rapports$/);
      await checkA11y(page, { label: 'tableau de bord' });
      const facts = await checkCharts(page, 5);
      assert.ok(facts.some((f) => f.description.includes('Auvergne-Rhône-Alpes : 2')), 'regions chart describes its data');

      // The filter form keeps what was chosen.
      await page.locator('#statut').selectOption('published');
      await Promise.all([page.waitForURL(/statut=published/), page.getByRole('button', { name: 'Afficher' }).click()]);
      assert.equal(await page.locator('#statut').inputValue(), 'published');
      await checkA11y(page, { label: 'tableau de bord filtré' });

      await page.getByRole('link', { name: new RegExp(`^${TITLE}`) }).click();
      await page.waitForURL(new RegExp(`/admin/rapports/${SLUG}$`));
      await checkA11y(page, { label: 'rapport du cycle' });
      await checkCharts(page, 9);
      assert.ok(await page.getByRole('img', { name: 'Présence des participants confirmés, par séance' }).isVisible());

      // With JavaScript the button prints; the sentence for browsers without it is hidden.
      const print = page.getByRole('button', { name: 'Imprimer ce rapport' });
      assert.ok(await print.isVisible());
      assert.equal(await page.locator('[data-print-fallback]').isVisible(), false);
      await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
      await print.click();
      assert.equal(await page.evaluate(() => window.__printed), 1);

      // Print layout: no header tools, navigation, breadcrumb, buttons or footer; the report stays.
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.fr-header__tools', '#navigation-principale', '.fr-breadcrumb', '.ateliers-report-tools', '.fr-footer'])
        assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} hidden in print`);
      assert.ok(await page.getByRole('heading', { name: /Rapport du cycle/ }).isVisible());
      assert.ok(await page.locator('table').first().isVisible());
      await page.emulateMedia({ media: 'screen' });
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
    }
  }));

  it('without JavaScript the report says how to print instead of showing a dead button', { timeout: 120_000 }, t(async () => {
    const ctx = await newContext(fx.browser, { javaScriptEnabled: false });
    try {
      const page = await logIn(ctx);
      await page.goto(`${fx.server.baseUrl}/admin/rapports/${SLUG}`);
      assert.equal(await page.locator('[data-print-button]').isVisible(), false);
      assert.ok(await page.getByText(/utilisez la commande « Imprimer » de votre navigateur/).isVisible());
      await checkA11y(page, { label: 'rapport sans JavaScript' });
    } finally {
      await ctx.close();
    }
  }));
});
