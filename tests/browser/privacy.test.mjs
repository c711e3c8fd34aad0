// "Mes données" in Chromium at 390 and 1280 px (axe-core and the layout check on every
// page): a participant reads and downloads what the platform holds about them; one whose
// cycle is still to come is told to cancel first and loses nothing; another erases their
// account and can no longer log in; an organiser finds a person and reads their data.
// PRIVACY_SHOTS=<dir> also saves a screenshot of each page at both widths (not committed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { pageTour } from '../support/page_tour.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, q, queryRows, runSql, situationText } from '../support/bulk.mjs';

describe('mes données personnelles', () => {
  const fx = useBrowserFixture();
  const { t } = fx;

  it('read, download, refuse while a cycle is ahead, erase; the organiser’s view', { timeout: 300_000 }, t(async () => {
    const communes = pickCommunes(fx.db, 3, { offset: 1700 });
    const [olga, paul, zoe] = createBulkUsers(fx.db, [
      { collectiviteId: communes[0], fullName: 'Olga Organisatrice', role: 'organiser' },
      { collectiviteId: communes[1], fullName: 'Paul Prudent' },
      { collectiviteId: communes[2], fullName: 'Zoé Zéphyr' },
    ], { tag: 'privacy' });
    // Paul holds a seat in a cycle whose sessions are still to come.
    const [[cycleId, cycleTitle]] = queryRows(fx.db,
      `SELECT c.id, c.title FROM cycles c WHERE c.status = 'published' AND EXISTS (SELECT 1 FROM cycle_sessions s WHERE s.cycle_id = c.id AND s.ends_at > ${Math.floor(Date.now() / 1000)}) ORDER BY c.id LIMIT 1`);
    const now = Math.floor(Date.now() / 1000);
    runSql(fx.db, `INSERT INTO registrations (cycle_id, user_id, collectivite_id, collectivite_slot, mandate, function_title, situation, status, seat, arrival, created_at, updated_at) VALUES (${cycleId}, ${paul.id}, ${q(paul.collectiviteId)}, ${q(paul.collectiviteId)}, 'agent', 'DGS', ${q(situationText(7))}, 'confirmed', NULL, ${now}, ${now}, ${now});`);

    const ctx = await newContext(fx.browser, { viewport: { width: 390, height: 900 } });
    try {
      const page = await ctx.newPage();
      const { look, login } = pageTour(ctx, page, { baseUrl: fx.server.baseUrl, shotsDir: process.env.PRIVACY_SHOTS, firstShot: 0 });

      await login(paul);
      await page.getByRole('link', { name: 'Mes données personnelles' }).click();
      await page.waitForURL(/\/compte\/mes-donnees$/);
      const mine = await look('mes données');
      assert.match(mine, /Inscriptions aux cycles d’ateliers \(1\)/);
      assert.ok(mine.includes(cycleTitle), 'the cycle is listed');
      assert.ok(mine.includes(situationText(7).slice(0, 40)), 'the situation shared is shown');
      const download = await page.request.get(`${fx.server.baseUrl}/compte/mes-donnees.json`);
      assert.equal(download.status(), 200);
      assert.match(download.headers()['content-disposition'] ?? '', /attachment/);
      const json = await download.json();
      assert.equal(json.personne.email, paul.email);
      assert.equal(json.donnees.inscriptions_cycles.lignes[0]['Situation partagée'], situationText(7));

      await page.goto(`${fx.server.baseUrl}/compte/effacer`);
      await look('effacer mon compte');
      await page.getByText('Je confirme vouloir effacer mon compte').click();
      await page.getByRole('button', { name: 'Effacer définitivement mon compte' }).click();
      await page.waitForLoadState();
      const refused = await look('effacement refusé : un cycle à venir');
      assert.match(refused, /ne peut pas encore être effacé/);
      assert.ok(refused.includes(cycleTitle));
      assert.deepEqual(queryRows(fx.db, `SELECT COUNT(*) FROM users WHERE email = ${q(paul.email)}`), [['1']]);

      await login(zoe);
      await page.goto(`${fx.server.baseUrl}/compte/effacer`);
      await page.getByRole('button', { name: 'Effacer définitivement mon compte' }).click();
      await page.waitForLoadState();
      assert.match(await look('confirmation manquante'), /Cochez la case/);
      await page.getByText('Je confirme vouloir effacer mon compte').click();
      await Promise.all([page.waitForURL(/\/compte\/efface$/),
        page.getByRole('button', { name: 'Effacer définitivement mon compte' }).click()]);
      assert.match(await look('compte effacé'), /Votre compte a été effacé/);
      await page.goto(`${fx.server.baseUrl}/compte/connexion`);
      await page.locator('input[name="email"]').fill(zoe.email);
      await page.locator('input[name="password"]').fill(BULK_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForLoadState();
      assert.match(page.url(), /\/compte\/connexion/);
      assert.deepEqual(queryRows(fx.db, `SELECT COUNT(*) FROM users WHERE full_name LIKE '%Zéphyr%'`), [['0']]);

      await login(olga);
      await page.goto(`${fx.server.baseUrl}/admin/donnees-personnelles`);
      await page.getByLabel('Adresse e-mail de la personne').fill(paul.email.toUpperCase());
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.waitForLoadState();
      assert.match(await look('recherche d’une personne'), /Paul Prudent/);
      await page.getByRole('link', { name: 'Voir ses données' }).click();
      await page.waitForLoadState();
      const theirs = await look('données d’une personne (organisateur)');
      assert.match(theirs, /Données de Paul Prudent/);
      assert.ok(theirs.includes(situationText(7).slice(0, 40)));
    } finally {
      await ctx.close();
    }
  }));
});
