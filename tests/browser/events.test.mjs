// Events in Chromium at 390 and 1280 px (axe-core and the layout check on every page):
// the list, the programme, registering with a workshop choice through the form, an error
// shown next to its field with what was typed kept, and the organisers' page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes } from '../support/bulk.mjs';

const SLUG = 'journees-des-territoires';

describe('événements', () => {
  const fx = useBrowserFixture();
  const { t } = fx;

  it('pages, registration with workshop choices, and the organisers’ view hold at phone and desktop widths', { timeout: 300_000 }, t(async () => {
    const communes = pickCommunes(fx.db, 2, { offset: 3200 });
    const [ana, olga] = createBulkUsers(fx.db, [
      { collectiviteId: communes[0], fullName: 'Ana Navigatrice' },
      { collectiviteId: communes[1], fullName: 'Olga Organisatrice', role: 'organiser' },
    ], { tag: 'evtb' });
    const ctx = await newContext(fx.browser);
    try {
      const page = await ctx.newPage();
      const visit = async (p, label) => {
        await page.goto(`${fx.server.baseUrl}${p}`);
        await checkA11y(page, { label: `${label} (${p})` });
        return page.locator('main').innerText();
      };
      await visit('/evenements', 'liste des événements');
      const programme = await visit(`/evenements/${SLUG}`, 'page d’un événement');
      assert.match(programme, /Animation : Claude GRIVEL/);
      await visit('/evenements/rencontres-nationales-territoires-d-engagement', 'séminaire sans programme détaillé');

      const login = async (user) => {
        await page.goto(`${fx.server.baseUrl}/compte/connexion`);
        await page.locator('input[name="email"]').fill(user.email);
        await page.locator('input[name="password"]').fill(BULK_PASSWORD);
        await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Se connecter' }).click()]);
      };
      await login(ana);
      await visit(`/evenements/${SLUG}/inscription`, 'formulaire d’inscription');
      await page.getByLabel('Collectivité ou organisation').fill('Association des Territoires');
      await page.locator('label', { hasText: 'Le rôle primordial de l’animation territoriale' }).click();
      await page.getByRole('button', { name: 'Confirmer mon inscription' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('main').innerText(), /Choisissez le type d’organisation/);
      await checkA11y(page, { label: 'formulaire en erreur' });
      assert.equal(await page.getByLabel('Collectivité ou organisation').inputValue(), 'Association des Territoires');
      assert.ok(await page.getByLabel('Le rôle primordial de l’animation territoriale').isChecked(), 'the choice is kept');

      await page.getByLabel('Type d’organisation').selectOption('association');
      await page.getByLabel('Fonction').fill('Chargée de mission');
      await Promise.all([page.waitForURL(/message=inscrit/), page.getByRole('button', { name: 'Confirmer mon inscription' }).click()]);
      const mine = await page.locator('main').innerText();
      assert.match(mine, /Vous êtes inscrit·e/);
      assert.match(mine, /Votre choix/i); // a DSFR badge, upper-cased by CSS
      await checkA11y(page, { label: 'page de l’événement, inscrite' });

      await ctx.clearCookies();
      await login(olga);
      const admin = await visit(`/admin/evenements/${SLUG}`, 'administration d’un événement');
      assert.match(admin, /Ana Navigatrice/);
    } finally {
      await ctx.close();
    }
  }));
});
