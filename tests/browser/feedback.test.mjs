// After a cycle, in Chromium: the participant answers the questionnaire with a testimonial and
// consent, suggests and supports a theme; the organiser reviews testimonials and ideas.
// axe-core (WCAG 2.1 A/AA) on every page visited, error states included.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { mailTo } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes } from '../support/bulk.mjs';
import { endCycle, registerViaApi } from '../support/feedback_setup.mjs';

const CYCLE = 'eau-ressource-rare';
const QUOTE = 'Nous avons enfin osé réunir agriculteurs et habitants autour de la même table.';

describe('questionnaire, idées et modération dans le navigateur', () => {
  const fx = useBrowserFixture({ smtp: true });
  const { t } = fx;

  async function logIn(page, user, next) {
    await page.goto(`${fx.server.baseUrl}/compte/connexion?suivant=${encodeURIComponent(next)}`);
    await page.locator('input[name="email"]').fill(user.email);
    await page.locator('input[name="password"]').fill(BULK_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname === next),
      page.getByRole('button', { name: 'Se connecter' }).click()]);
  }

  it('answer, testify, suggest; the organiser publishes', { timeout: 180_000 }, t(async () => {
    const base = fx.server.baseUrl;
    const communes = pickCommunes(fx.db, 2, { offset: 4000 });
    const [organiser, louise] = createBulkUsers(fx.db, [
      { collectiviteId: communes[0], role: 'organiser', fullName: 'Oscar Organisateur' },
      { collectiviteId: communes[1], fullName: 'Louise Lavande', mandate: 'elu', functionTitle: 'Maire' },
    ], { tag: 'navavis' });
    const reg = await registerViaApi(base, louise, CYCLE);
    endCycle(fx.db, CYCLE);
    await fx.smtp.waitFor((m) => mailTo(louise.email)(m) && /Votre avis/.test(m.subject));

    const ctx = await newContext(fx.browser);
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const a11y = (label) => checkA11y(page, { label: `${label} (${page.url()})` });
    try {
      await logIn(page, louise, '/espace');
      await a11y('espace avec un cycle terminé');
      await page.getByRole('link', { name: /Donner votre avis/ }).click();
      await page.waitForURL(new RegExp(`/espace/questionnaire/${reg.id}$`));
      await a11y('questionnaire');
      const consent = page.getByRole('checkbox', { name: /J’accepte que ce témoignage soit publié sur le site avec mon nom \(Louise Lavande\), ma fonction \(Maire\)/ });
      assert.equal(await consent.isChecked(), false, 'unchecked by default');

      // Sent incomplete: errors in French, an accessible error page, what was typed kept.
      // DSFR radios are drawn over their labels: a person clicks the label.
      const usefulness = page.getByRole('group', { name: /utile pour votre territoire/ });
      await usefulness.locator('label', { hasText: /^Très utile$/ }).click();
      await page.locator('#testimonial').fill(QUOTE);
      await page.getByRole('button', { name: 'Enregistrer mon avis' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.locator('body').innerText(), /Indiquez votre satisfaction globale/);
      assert.equal(await page.locator('#testimonial').inputValue(), QUOTE);
      assert.equal(await page.getByLabel('Très utile', { exact: true }).isChecked(), true);
      await a11y('questionnaire en erreur');

      await page.locator('label[for="satisfaction-4"]').click();
      await page.locator('label[for="recommend-oui"]').click();
      assert.equal(await page.getByLabel('Plutôt satisfait·e', { exact: true }).isChecked(), true);
      await page.locator('label[for="consent"]').click();
      await Promise.all([page.waitForURL(/enregistre=1/),
        page.getByRole('button', { name: 'Enregistrer mon avis' }).click()]);
      const text = await page.locator('body').innerText();
      assert.match(text, /Votre avis est enregistré/);
      assert.match(text, /en attente de relecture/);
      await a11y('questionnaire enregistré');

      // Theme ideas.
      await page.getByRole('link', { name: 'Idées de thèmes' }).first().click();
      await page.waitForURL(/\/idees$/);
      await a11y('idées vides');
      await page.getByLabel(/Titre de l’idée/).fill('Gérer les conflits d’usage de l’eau');
      await Promise.all([page.waitForURL(/proposee=1/), page.getByRole('button', { name: 'Proposer ce thème' }).click()]);
      assert.match(await page.locator('body').innerText(), /1 soutien/i, 'badges are upper-cased by the DSFR');
      await a11y('idées avec une idée');
      await page.getByLabel(/Titre de l’idée/).fill('GÉRER les conflits d’usage de l’eau');
      await page.getByRole('button', { name: 'Proposer ce thème' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.locator('body').innerText(), /Une idée de thème porte déjà ce titre/);
      await a11y('idée en double');
      await page.getByRole('button', { name: /Retirer mon soutien/ }).click();
      await page.waitForLoadState('load');
      assert.match(await page.locator('body').innerText(), /Aucun soutien/i);
      await ctx.clearCookies();

      // The organiser reviews.
      await logIn(page, organiser, '/admin');
      await page.getByRole('link', { name: 'Témoignages' }).click();
      await page.waitForURL(/\/admin\/temoignages$/);
      await a11y('modération des témoignages');
      await Promise.all([page.waitForURL(/fait=publie/),
        page.getByRole('button', { name: /Publier le témoignage de Louise Lavande/ }).click()]);
      await a11y('témoignage publié');
      await page.goto(`${base}/admin/idees`);
      await a11y('idées (organisateurs)');
      await page.getByLabel(/Nouveau statut de « Gérer les conflits/).selectOption('planned');
      await Promise.all([page.waitForURL(/statut=1/), page.getByRole('button', { name: /Enregistrer le statut/ }).click()]);
      assert.match(await page.locator('body').innerText(), /Retenue pour un prochain cycle/i);

      await page.goto(`${base}/cycles/${CYCLE}`);
      assert.match(await page.locator('body').innerText(), new RegExp(QUOTE));
      await a11y('page du cycle avec témoignage');
      assert.deepEqual(errors, [], 'no JavaScript error');
    } finally {
      await ctx.close();
    }
  }));
});
