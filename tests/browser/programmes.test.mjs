// Programmes in Chromium (axe-core and the layout check at 390 and 1280 px on every page):
// the programme's page, and a provider filling the diagnostic at phone width — one
// family per fieldset, a level chosen by its label, an out-of-scale level refused next to
// its criterion with what was typed kept, then saved.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, queryRows } from '../support/bulk.mjs';

const SLUG = 'territoires-engagement';

describe('programmes', () => {
  const fx = useBrowserFixture();
  const { t } = fx;

  it('a provider fills the diagnostic at phone width', { timeout: 300_000 }, t(async () => {
    const communes = pickCommunes(fx.db, 2, { offset: 3400 });
    const [paula, olga] = createBulkUsers(fx.db, [
      { collectiviteId: communes[0], fullName: 'Paula Prestataire' },
      { collectiviteId: communes[1], fullName: 'Olga Organisatrice', role: 'organiser' },
    ], { tag: 'progb' });
    const [[programme, territory]] = queryRows(fx.db, `SELECT p.id, MAX(t.id) FROM programmes p JOIN programme_territories t
      ON t.programme_id = p.id WHERE p.slug = '${SLUG}' GROUP BY p.id`);
    queryRows(fx.db, `INSERT INTO programme_members (programme_id, territory_id, email, user_id, role, created_at)
      SELECT ${programme}, ${territory}, email, id, 'provider', 0 FROM users WHERE email = '${paula.email}'`);
    const ctx = await newContext(fx.browser, { viewport: { width: 390, height: 844 } });
    try {
      const page = await ctx.newPage();
      const visit = async (p, label) => {
        await page.goto(`${fx.server.baseUrl}${p}`);
        await checkA11y(page, { label: `${label} (${p})` });
        return page.locator('main').innerText();
      };
      const login = async (user) => {
        await page.goto(`${fx.server.baseUrl}/compte/connexion`);
        await page.locator('input[name="email"]').fill(user.email);
        await page.locator('input[name="password"]').fill(BULK_PASSWORD);
        await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Se connecter' }).click()]);
      };
      assert.match(await visit(`/programmes/${SLUG}`, 'page du programme'), /Les territoires/);
      await login(paula);
      await page.setViewportSize({ width: 390, height: 844 });
      const path = `/programmes/${SLUG}/territoires/${territory}/diagnostic`;
      const text = await visit(path, 'diagnostic vide');
      assert.match(text, /Grille des savoir-faire/);
      assert.equal(await page.locator('fieldset[id^="famille-"]').count(), 5, 'one fieldset per family');

      const first = page.locator('fieldset[id^="famille-cooperer"] fieldset').first();
      const criterion = (await first.getAttribute('id')).replace('level_', '');
      await page.getByLabel('Histoire').fill('Une vallée ouvrière');
      await page.locator(`label[for="level_${criterion}_3"]`).click();
      await page.locator(`#evidence_${criterion}`).fill('https://exemple.fr/atelier');
      // A forged level outside the scale, as a tampered form would send it.
      await page.locator(`#level_${criterion}_4`).evaluate((el) => { el.value = '9'; el.checked = true; });
      await page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('main').innerText(), /Le niveau doit être compris entre 1 et 4/);
      assert.equal(await page.getByLabel('Histoire').inputValue(), 'Une vallée ouvrière');
      assert.equal(await page.locator(`#evidence_${criterion}`).inputValue(), 'https://exemple.fr/atelier');
      await checkA11y(page, { label: 'diagnostic en erreur' });

      await page.locator(`label[for="level_${criterion}_3"]`).click();
      await Promise.all([page.waitForURL(/message=enregistre/), page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click()]);
      assert.match(await page.locator('main').innerText(), /Diagnostic enregistré/);
      assert.ok(await page.locator(`#level_${criterion}_3`).isChecked());
      await checkA11y(page, { label: 'diagnostic enregistré' });

      await ctx.clearCookies();
      await login(olga);
      assert.match(await visit(`/programmes/${SLUG}`, 'programme vu par l’ANCT'), /Diagnostic en cours \(1\/15\)|Diagnostic complet/);
    } finally {
      await ctx.close();
    }
  }));
});
