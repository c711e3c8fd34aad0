// Roles and invitations in Chromium at 390 and 1280 px (axe-core and the layout check on
// every page, tests/support/page_tour.mjs): an organiser gives a role after confirming,
// invites a facilitator by e-mail, and the invited person creates their account from the
// link. ROLES_SHOTS=<dir> also saves a screenshot of each page at both widths.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { pageTour } from '../support/page_tour.mjs';
import { createBulkUsers, pickCommunes, q, queryRows, runSql, situationText } from '../support/bulk.mjs';
import { findLink } from '../support/mime.mjs';

describe('rôles et invitations', () => {
  const fx = useBrowserFixture({ smtp: true });
  const { t } = fx;

  it('give a role, invite a facilitator, create the account from the link', { timeout: 300_000 }, t(async () => {
    const communes = pickCommunes(fx.db, 2, { offset: 2600 });
    const [olga, paul] = createBulkUsers(fx.db, [
      { collectiviteId: communes[0], fullName: 'Olga Organisatrice', role: 'organiser' },
      { collectiviteId: communes[1], fullName: 'Paul Partenaire' },
    ], { tag: 'roles' });
    const [[cycleTitle]] = queryRows(fx.db, `SELECT title FROM cycles WHERE slug = 'forets-cooperer'`);
    const ctx = await newContext(fx.browser, { viewport: { width: 390, height: 900 } });
    try {
      const page = await ctx.newPage();
      const { look, login } = pageTour(ctx, page, { baseUrl: fx.server.baseUrl, shotsDir: process.env.ROLES_SHOTS, firstShot: 0 });
      await login(olga);
      await page.goto(`${fx.server.baseUrl}/admin`);
      await page.getByRole('link', { name: 'Rôles et invitations' }).click();
      await page.waitForURL(/\/admin\/roles$/);
      const list = await look('rôles');
      assert.match(list, /Olga Organisatrice/);

      await page.locator('#email').fill(paul.email);
      await page.locator('#role').selectOption('facilitator');
      await page.locator('#cycle_id').selectOption({ label: cycleTitle });
      await page.getByRole('button', { name: 'Donner le rôle…' }).click();
      const question = await look('confirmer');
      assert.match(question, /Donner le rôle « Animation d’un cycle/);
      await page.getByRole('button', { name: 'Donner le rôle' }).click();
      await page.waitForURL(/fait=donne/);
      const after = await look('rôle donné');
      assert.match(after, /Le rôle a été donné/);
      assert.match(after, /Paul Partenaire/);

      await page.locator('#invite_email').fill('invitee@exemple.fr');
      await page.locator('#invite_cycle_id').selectOption({ label: cycleTitle });
      await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
      await page.waitForURL(/fait=invite/);
      const mail = await fx.smtp.waitFor((m) => m.to.includes('invitee@exemple.fr'));
      const link = findLink(mail.text, '/invitation/');
      assert.ok(link, mail.text);

      await ctx.clearCookies();
      await page.goto(`${fx.server.baseUrl}${new URL(link).pathname}`);
      const invitation = await look('invitation');
      assert.match(invitation, /Animation du cycle/);
      await page.locator('#full_name').fill('Inès Invitée');
      await page.locator('#password').fill('court');
      await page.locator('#password_confirm').fill('court');
      await page.getByRole('button', { name: 'Créer mon compte' }).click();
      const refused = await look('invitation erreur');
      assert.match(refused, /au moins 12 caractères/);
      await page.locator('#password').fill('un mot de passe solide');
      await page.locator('#password_confirm').fill('un mot de passe solide');
      await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Créer mon compte' }).click()]);
      // Back as the organiser: register Paul on his behalf, then move his registration.
      await login(olga);
      await page.goto(`${fx.server.baseUrl}/admin/cycles/forets-cooperer/inscrire`);
      const form = await look('inscrire une personne');
      assert.match(form, /Inscrire une personne au cycle/);
      await page.locator('#email').fill(paul.email);
      await page.locator('label[for="mandate-elu"]').click();
      await page.locator('#function_title').fill('Maire');
      await page.locator('#situation').fill('Dans notre commune, la gestion de la forêt communale oppose exploitants, chasseurs et randonneurs ; nous cherchons comment renouer le dialogue.');
      for (const id of ['engagement_presence', 'engagement_situation', 'engagement_camera'])
        await page.locator(`label[for="${id}"]`).click();
      await page.getByRole('button', { name: 'Inscrire cette personne' }).click();
      await page.waitForLoadState('load');
      const withoutCollectivite = await look('inscrire une personne erreur');
      assert.match(withoutCollectivite, /n’est pas enregistrée/);
      // Worded for the organiser who fills the form, not for the person registered.
      assert.match(withoutCollectivite, /Choisissez la collectivité au titre de laquelle la personne s’inscrit/);
      assert.doesNotMatch(withoutCollectivite, /vous vous inscrivez/);
      // A registration to move: Paul's, made directly in the database.
      const now = Math.floor(Date.now() / 1000);
      runSql(fx.db, `INSERT INTO registrations (cycle_id, user_id, collectivite_id, collectivite_slot, mandate, function_title, situation, status, seat, arrival, created_at, updated_at) SELECT id, ${paul.id}, ${q(paul.collectiviteId)}, ${q(paul.collectiviteId)}, 'agent', 'DGS', ${q(situationText(3))}, 'waiting', NULL, ${now * 1000}, ${now}, ${now} FROM cycles WHERE slug = 'forets-cooperer';`);
      const [[paulReg]] = queryRows(fx.db, `SELECT r.id FROM registrations r WHERE r.user_id = ${paul.id}`);
      await page.goto(`${fx.server.baseUrl}/admin/cycles/forets-cooperer/inscriptions/${paulReg}/deplacer`);
      const move = await look('déplacer');
      assert.match(move, /Déplacer une inscription/);
      await page.getByRole('button', { name: 'Déplacer l’inscription' }).click();
      await page.waitForLoadState('load');
      assert.match(await look('déplacer erreur'), /Choisissez le cycle où déplacer/);

      const roles = queryRows(fx.db, `SELECT ur.role FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE u.email = ${q('invitee@exemple.fr')} ORDER BY ur.role`).map((r) => r[0]);
      assert.deepEqual(roles, ['facilitator', 'participant']);
    } finally {
      await ctx.close();
    }
  }));
});
