// Public pages, legal pages and the organisers' home in Chromium, each checked at
// 390 and 1280 px (axe-core and the layout check of tests/support/layout.mjs), and
// what the legal pages must say: the hosting provider given by the operator
// (flag and environment), the controller, legal basis, retention periods (those the
// retention job applies, from --retention-months), DPO and
// recourse, and an accessibility status that claims no conformity without an audit.
// PAGES_SHOTS=<dir> saves the privacy page at 390 and 1280 px (not committed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes } from '../support/bulk.mjs';

const HOST = 'Hébergeur Exemple SAS';
const HOST_ADDRESS = '12 rue des Serveurs, 69000 Lyon';

describe('pages publiques, pages légales et administration', () => {
  const fx = useBrowserFixture({ serverOptions: { extraArgs: ['--host-name', HOST, '--retention-months', '18'], env: { ATELIERS_HOST_ADDRESS: HOST_ADDRESS } } });
  const { t } = fx;

  it('public and legal pages hold at phone and desktop widths and say what the law asks', { timeout: 240_000 }, t(async () => {
    const ctx = await newContext(fx.browser);
    try {
      const page = await ctx.newPage();
      const visit = async (p, label) => {
        await page.goto(`${fx.server.baseUrl}${p}`);
        await checkA11y(page, { label: `${label} (${p})` });
        return page.locator('main').innerText();
      };
      await visit('/', 'accueil');
      await visit('/cycles', 'catalogue');
      const cycle = await visit('/cycles/forets-cooperer', 'page d’un cycle');
      assert.match(cycle, /Contacts/);

      const legal = await visit('/mentions-legales', 'mentions légales');
      assert.match(legal, /Agence nationale de la cohésion des territoires \(ANCT\).*20 avenue de Ségur, 75007 Paris/);
      assert.match(legal, new RegExp(`hébergé par ${HOST}, ${HOST_ADDRESS}\\.`), 'the host from --host-name and ATELIERS_HOST_ADDRESS');
      assert.doesNotMatch(legal, /téléphone/, 'no empty phone');

      const privacy = await visit('/donnees-personnelles', 'données personnelles');
      if (process.env.PAGES_SHOTS) {
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await page.screenshot({ path: `${process.env.PAGES_SHOTS}/donnees-personnelles-${width}.png`, fullPage: true });
        }
      }
      for (const want of [/Responsable du traitement\s+Agence nationale de la cohésion des territoires \(ANCT\), 20 avenue de Ségur, 75007 Paris/,
        /mission d’intérêt public/, /article 6-1-e/, /effacé après 3 ans sans connexion/,
        /18 mois après la fin du cycle/, /18 mois après l’événement/, // the durations the retention job applies (--retention-months)
        /journal des e-mails envoyés : 12 mois après leur envoi/, /dpo@anct\.gouv\.fr/, /CNIL/]) {
        assert.match(privacy, want);
      }

      const a11y = await visit('/accessibilite', 'déclaration d’accessibilité');
      assert.match(a11y, /est non conforme avec le référentiel général d’amélioration de l’accessibilité \(RGAA\) version 4\.1/);
      assert.match(a11y, /Contenus non accessibles/);
      assert.match(a11y, /Défenseur des droits/);
      assert.doesNotMatch(a11y, /partiellement conforme/);
      assert.equal(await page.locator('footer a[href="/accessibilite"]').innerText(), 'Accessibilité : non conforme');
    } finally {
      await ctx.close();
    }
  }));

  it('the organisers’ home fits the screen', { timeout: 120_000 }, t(async () => {
    const [olga] = createBulkUsers(fx.db, [{ collectiviteId: pickCommunes(fx.db, 1)[0], fullName: 'Olga Organisatrice', role: 'organiser' }], { tag: 'pages' });
    const ctx = await newContext(fx.browser);
    try {
      const page = await ctx.newPage();
      await page.goto(`${fx.server.baseUrl}/compte/connexion`);
      await page.locator('input[name="email"]').fill(olga.email);
      await page.locator('input[name="password"]').fill(BULK_PASSWORD);
      await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Se connecter' }).click()]);
      await checkA11y(page, { label: 'mon espace sans inscription' });
      for (const [p, label] of [['/admin', 'administration'], ['/admin/rapports', 'rapports']]) {
        await page.goto(`${fx.server.baseUrl}${p}`);
        await checkA11y(page, { label });
      }
    } finally {
      await ctx.close();
    }
  }));
});
