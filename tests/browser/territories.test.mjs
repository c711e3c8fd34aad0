// The territory pages and the agency report's reach in Chromium (axe-core and the layout
// check at every width, tests/support/page_tour.mjs): an organiser searches a collectivité,
// opens an EPCI's page (its communes' participation), a commune's page, then the report's
// "collectivités touchées" and sections. TERRITORIES_SHOTS=<dir> saves screenshots at 390
// and 1280 px (not committed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { pageTour } from '../support/page_tour.mjs';
import { fillReportCycle } from '../support/report_data.mjs';

describe('pages par territoire dans le navigateur', () => {
  let organiser;
  const fx = useBrowserFixture({
    setup: ({ db }) => {
      ({ organiser } = fillReportCycle(db, { slug: 'territoire-navigateur', title: 'Cycle des places de village', tag: 'browser-territories' }));
    },
  });
  const { t } = fx;

  it('search, EPCI page, commune page, report: accessible and laid out at every width', { timeout: 240_000 }, t(async () => {
    const ctx = await newContext(fx.browser, { viewport: { width: 390, height: 900 } });
    const errors = [];
    try {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      const { look, login } = pageTour(ctx, page, { baseUrl: fx.server.baseUrl, shotsDir: process.env.TERRITORIES_SHOTS });
      await login(organiser);

      await page.goto(`${fx.server.baseUrl}/territoires`);
      await look('recherche de territoire');
      await page.getByLabel(/Nom ou code de la collectivité/).fill('Pilat Rhodanien');
      await Promise.all([page.waitForURL(/\/territoires\?q=/), page.getByRole('button', { name: 'Rechercher' }).click()]);
      const results = await look('résultats de recherche');
      assert.match(results, /CC du Pilat Rhodanien/);

      await Promise.all([page.waitForURL(/\/territoires\/244200895$/), page.getByRole('link', { name: /CC du Pilat Rhodanien/ }).first().click()]);
      const epci = await look('page d’une intercommunalité');
      assert.match(epci, /Cycles d’ateliers/);
      assert.match(epci, /Programmes d’accompagnement/);
      assert.match(epci, /Anne Pélussin/);
      assert.match(epci, /Bruno Chavanay/);

      await page.getByRole('link', { name: 'Pélussin', exact: true }).click();
      await page.waitForURL(/\/territoires\/42168$/);
      const commune = await look('page d’une commune');
      assert.match(commune, /Lancer un marché de producteurs/);
      assert.doesNotMatch(commune, /Bruno Chavanay/);
      // Up the map: the commune's EPCI, département and région.
      assert.match(commune, /Fait partie de : CC du Pilat Rhodanien, Loire, Auvergne-Rhône-Alpes/);
      await Promise.all([page.waitForURL(/\/territoires\/42$/), page.getByRole('link', { name: 'Loire', exact: true }).click()]);
      const departement = await look('page d’un département');
      assert.match(departement, /Fait partie de : Auvergne-Rhône-Alpes/);

      await page.goto(`${fx.server.baseUrl}/admin/rapports`);
      const report = await look('rapport : collectivités touchées');
      assert.match(report, /Collectivités touchées/);
      assert.match(report, /Communes couvertes par leur intercommunalité/);
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
    }
  }));
});
