// The core path in Chromium: find a cycle → register → receive the e-mail → see it
// in my space → cancel → the first person waiting is promoted and e-mailed.
// axe-core (WCAG 2.1 A/AA) on every page visited.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { HttpClient, checkA11y, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { createConfirmedUser, login, mailTo } from '../support/flows.mjs';

const CYCLE = 'forets-cooperer';
const SITUATION =
  'Notre commune forestière voit s’opposer exploitants, chasseurs et randonneurs depuis la tempête ; ' +
  'le conseil municipal cherche comment réunir tout le monde autour d’un plan de gestion partagé.';

describe('inscription à un cycle dans le navigateur', () => {
  const fx = useBrowserFixture({
    smtp: true,
    // One seat, so that the second person waits and is promoted when the first cancels.
    setup: ({ dbFile }) => execFileSync('sqlite3', [dbFile, `UPDATE cycles SET capacity = 1 WHERE slug = '${CYCLE}'`]),
  });
  const { t } = fx;

  it('register, see it, cancel, and the waiting person is promoted', { timeout: 180_000 }, t(async () => {
    const base = fx.server.baseUrl;
    const anais = await createConfirmedUser(base, fx.smtp, { full_name: 'Anaïs Forestier' });
    const bruno = await createConfirmedUser(base, fx.smtp, {
      full_name: 'Bruno Attente', collectivite: 'commune:42056', collectivite_q: 'Chavanay',
    });

    const ctx = await newContext(fx.browser);
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const a11y = (label) => checkA11y(page, { label: `${label} (${page.url()})` });
    try {
      // Find the cycle in the catalogue, with a filter.
      await page.goto(`${base}/cycles?territoire=montagne`);
      await a11y('catalogue filtré');
      await page.getByRole('link', { name: /Forêts : comment coopérer/ }).click();
      await page.waitForURL(new RegExp(`/cycles/${CYCLE}$`));
      await a11y('page du cycle');
      const jsonld = await page.locator('script[type="application/ld+json"]').textContent();
      const series = JSON.parse(jsonld);
      assert.equal(series['@type'], 'EventSeries');
      assert.equal(series.subEvent.length, 4, 'four sessions in the JSON-LD');

      // "S'inscrire" asks to log in first, then comes back to the form.
      await page.getByRole('link', { name: 'S’inscrire' }).click();
      await page.waitForURL(/\/compte\/connexion\?suivant=/);
      await a11y('connexion avant inscription');
      await page.locator('input[name="email"]').fill(anais.email);
      await page.locator('input[name="password"]').fill(anais.password);
      await Promise.all([page.waitForURL(new RegExp(`/cycles/${CYCLE}/inscription$`)),
        page.getByRole('button', { name: 'Se connecter' }).click()]);
      await a11y('formulaire d’inscription');
      assert.equal(await page.locator('input[type="hidden"][name="collectivite"]').inputValue(), 'commune:42168',
        'the collectivité comes from the profile');

      // Submitting without the commitments keeps the situation typed.
      await page.locator('#situation').fill(SITUATION);
      await page.getByRole('button', { name: 'Confirmer mon inscription' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.locator('body').innerText(), /Cochez les trois engagements/);
      assert.equal(await page.locator('#situation').inputValue(), SITUATION, 'the situation is kept');
      await a11y('formulaire d’inscription en erreur');

      for (const id of ['engagement_presence', 'engagement_situation', 'engagement_camera'])
        await page.locator(`label[for="${id}"]`).click();
      await Promise.all([page.waitForURL(/\/espace\?inscription=confirmed/),
        page.getByRole('button', { name: 'Confirmer mon inscription' }).click()]);
      assert.match(await page.locator('body').innerText(), /Votre inscription est confirmée/);
      assert.match(await page.locator('body').innerText(), /Forêts : comment coopérer/);
      await a11y('espace avec inscription');
      await fx.smtp.waitFor((m) => mailTo(anais.email)(m) && /Inscription confirmée/.test(m.subject));

      // Bruno registers over HTTP: the only seat is taken, he waits.
      const b = new HttpClient(base);
      await login(b, bruno.email, bruno.password);
      const { form } = await b.form(`/cycles/${CYCLE}/inscription`, 'situation');
      const res = await b.submit(form, {
        situation: SITUATION, mandate: 'agent', function_title: 'DGS',
        engagement_presence: '1', engagement_situation: '1', engagement_camera: '1',
      });
      assert.equal(res.status, 303);
      assert.match(res.locationPath, /inscription=waiting/);
      await fx.smtp.waitFor((m) => mailTo(bruno.email)(m) && /Liste d’attente/.test(m.subject));

      // Anaïs cancels; Bruno gets the seat and an e-mail.
      await page.getByRole('link', { name: 'Annuler mon inscription' }).click();
      await a11y('confirmation d’annulation');
      await Promise.all([page.waitForURL(/\/espace\?annulation=1/),
        page.getByRole('button', { name: 'Oui, annuler mon inscription' }).click()]);
      assert.match(await page.locator('body').innerText(), /Votre inscription est annulée/);
      await a11y('espace après annulation');
      const promoted = await fx.smtp.waitFor((m) => mailTo(bruno.email)(m) && /Une place s’est libérée/.test(m.subject));
      assert.match(promoted.text, /Votre inscription est confirmée/);
      const space = await b.get('/espace');
      assert.match(space.pageText, /Inscription confirmée/);

      assert.deepEqual(errors, [], 'no JavaScript error');
    } finally {
      await ctx.close();
    }
  }));
});
