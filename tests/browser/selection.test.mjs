// The organiser's selection round in Chromium: two cycles "sur candidature" with one deadline,
// four applicants (two from the same commune), "Proposer une sélection", reasons shown, a pin and an
// exclusion, then the confirmation: statuses and e-mails. axe-core on every page visited.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { mailTo } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, queryRows, runSql } from '../support/bulk.mjs';
import { registerViaApi } from '../support/feedback_setup.mjs';

describe('sélection sur candidature dans le navigateur', () => {
  const fx = useBrowserFixture({ smtp: true });
  const { t } = fx;

  const statusOf = (userId, slug) =>
    queryRows(fx.db, `SELECT r.status FROM registrations r JOIN cycles c ON c.id = r.cycle_id WHERE r.user_id = ${userId} AND c.slug = '${slug}'`)[0]?.[0];

  it('propose, explain, adjust and confirm a round', { timeout: 240_000 }, t(async () => {
    const base = fx.server.baseUrl;
    const deadline = Math.floor(Date.now() / 1000) + 3600;
    runSql(fx.db, `UPDATE cycles SET mode = 'application', capacity = 2, registration_opens_at = 0, registration_closes_at = ${deadline} WHERE slug = 'forets-cooperer';
UPDATE cycles SET mode = 'application', capacity = 1, registration_opens_at = 0, registration_closes_at = ${deadline} WHERE slug = 'eau-ressource-rare';`);
    const communes = pickCommunes(fx.db, 3, { offset: 5000 });
    const [organiser, annie, bernard, chloe, denis] = createBulkUsers(fx.db, [
      { collectiviteId: communes[0], role: 'organiser', fullName: 'Odile Organisatrice' },
      { collectiviteId: communes[0], fullName: 'Annie Arnaud', mandate: 'elu' },
      { collectiviteId: communes[0], fullName: 'Bernard Bonnet', mandate: 'agent' },
      { collectiviteId: communes[1], fullName: 'Chloé Carré', mandate: 'agent' },
      { collectiviteId: communes[2], fullName: 'Denis Dumas', mandate: 'agent' },
    ], { tag: 'selection' });
    for (const [who, slug] of [[annie, 'forets-cooperer'], [bernard, 'forets-cooperer'], [chloe, 'eau-ressource-rare'],
      [denis, 'eau-ressource-rare']]) {
      const reg = await registerViaApi(base, who, slug);
      assert.equal(reg.status, 'applied');
    }

    const ctx = await newContext(fx.browser);
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const a11y = (label) => checkA11y(page, { label: `${label} (${page.url()})` });
    const body = () => page.locator('body').innerText();
    const row = (user) => page.locator(`table.selection-candidats tr#candidat-${user.id}`);
    try {
      await page.goto(`${base}/compte/connexion?suivant=/admin`);
      await page.locator('input[name="email"]').fill(organiser.email);
      await page.locator('input[name="password"]').fill(BULK_PASSWORD);
      // An unencoded '/' in the query string, as browsers send it, must survive.
      await Promise.all([page.waitForURL(/\/admin$/), page.getByRole('button', { name: 'Se connecter' }).click()]);
      await page.getByRole('link', { name: 'Sélections sur candidature' }).click();
      await page.waitForURL(/\/admin\/selections$/);
      await a11y('liste des vagues');
      await page.getByRole('link', { name: /Vague close le/ }).click();
      await page.waitForURL(new RegExp(`/admin/selections/${deadline}$`));
      await a11y('vague avant proposition');
      assert.match(await body(), /Les candidatures sont ouvertes jusqu’au/);

      await page.getByRole('button', { name: 'Proposer une sélection' }).click();
      await page.waitForURL(/proposition=1/);
      await a11y('proposition');
      assert.match(await body(), /2 place\(s\) pourvue\(s\) sur 3 à pourvoir/);
      assert.match(await body(), /Cette sélection est optimale/);
      // Two colleagues for two seats of « forêts »: only one can sit; the other says why.
      const colleagues = `${await row(annie).innerText()}\n${await row(bernard).innerText()}`;
      assert.match(colleagues, /Collectivité déjà retenue sur ce cycle/);
      assert.match(`${await row(chloe).innerText()}\n${await row(denis).innerText()}`, /Cycle complet/);
      // Before the deadline, confirming is not offered.
      assert.equal(await page.getByRole('button', { name: /Confirmer la sélection/ }).isDisabled(), true);

      // Pin Denis on the single seat of « eau », leave Bernard out.
      await row(denis).getByLabel(/Retenir d’office/).selectOption({ index: 1 });  // his only choice
      await Promise.all([page.waitForURL(/fait=retenu/), row(denis).getByRole('button', { name: /Appliquer/ }).click()]);
      assert.match(await body(), /La personne est retenue d’office/);
      assert.match(await row(denis).innerText(), /Retenu·e d’office/);
      assert.match(await row(chloe).innerText(), /places retenues d’office par l’organisation/);
      await Promise.all([page.waitForURL(/fait=ecarte/), row(bernard).getByRole('button', { name: /Écarter/ }).click()]);
      assert.match(await row(bernard).innerText(), /Écarté·e par l’organisation/);
      await a11y('proposition ajustée');

      // Out-of-range points are refused in French and the figure typed stays in its field
      // (the browser's own max check is lifted, as an older browser would not have it).
      const points = row(chloe).getByLabel(/Points/);
      await points.evaluate((el) => el.removeAttribute('max'));
      await points.fill('500');
      await Promise.all([page.waitForLoadState('load'), row(chloe).getByRole('button', { name: /Enregistrer/ }).click()]);
      assert.match(await body(), /La priorité doit être un nombre entier entre 0 et 100/);
      assert.equal(await row(chloe).getByLabel(/Points/).inputValue(), '500');
      await a11y('priorité refusée');

      // The deadline passes; the organiser reloads the proposal and confirms it.
      runSql(fx.db, `UPDATE cycles SET registration_closes_at = ${Math.floor(Date.now() / 1000) - 60} WHERE registration_closes_at = ${deadline};`);
      const rounds = queryRows(fx.db, `SELECT DISTINCT registration_closes_at FROM cycles WHERE mode = 'application'`);
      await page.goto(`${base}/admin/selections/${rounds[0][0]}?proposition=1`);
      await Promise.all([page.waitForLoadState('load'),
        page.getByRole('button', { name: /Confirmer la sélection/ }).click()]);
      assert.match(await body(), /Sélection confirmée : 2 personne\(s\) retenue\(s\), 1 en liste d’attente/);
      await a11y('sélection confirmée');
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
    }

    assert.equal(statusOf(annie.id, 'forets-cooperer'), 'confirmed');
    assert.equal(statusOf(denis.id, 'eau-ressource-rare'), 'confirmed');
    assert.equal(statusOf(chloe.id, 'eau-ressource-rare'), 'waiting');
    assert.equal(statusOf(bernard.id, 'forets-cooperer'), 'declined');
    await fx.smtp.waitFor((m) => mailTo(annie.email)(m) && /Candidature retenue/.test(m.subject));
    await fx.smtp.waitFor((m) => mailTo(denis.email)(m) && /Candidature retenue/.test(m.subject));
    const waiting = await fx.smtp.waitFor((m) => mailTo(chloe.email)(m) && /liste d’attente/.test(m.subject));
    assert.match(waiting.text, /en position 1/);
    await fx.smtp.waitFor((m) => mailTo(bernard.email)(m) && m.subject === 'Votre candidature aux ateliers');
  }));
});
