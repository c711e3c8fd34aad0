// The organisers' programme editor in Chromium at 390 and 1280 px (axe-core and the layout
// check on every page, tests/support/page_tour.mjs): creating an event with an error shown next
// to its field and what was typed kept, the editor of the demo's full programme with a form
// opened on a refusal, a slot added to the new event, and the e-mail to registrants with
// a refusal shown next to its field.
// ATELIERS_SHOTS=<dir> saves a screenshot of each page at 390 and 1280 px.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { createBulkUsers, pickCommunes } from '../support/bulk.mjs';
import { pageTour } from '../support/page_tour.mjs';

describe('éditeur d’événements', () => {
  const fx = useBrowserFixture();
  const { t } = fx;

  it('create, then edit the programme, at phone and desktop widths', { timeout: 300_000 }, t(async () => {
    const [olga] = createBulkUsers(fx.db, [
      { collectiviteId: pickCommunes(fx.db, 1, { offset: 3300 })[0], fullName: 'Olga Éditrice', role: 'organiser' },
    ], { tag: 'evteb' });
    const ctx = await newContext(fx.browser);
    try {
      const page = await ctx.newPage();
      const base = fx.server.baseUrl;
      const { look, login } = pageTour(ctx, page, { baseUrl: base, shotsDir: process.env.ATELIERS_SHOTS });
      await login(olga);

      await page.goto(`${base}/admin/evenements`);
      await look('liste des événements (administration)');
      await page.getByRole('link', { name: 'Créer un événement' }).click();
      await page.waitForURL(/\/nouveau$/);
      await look('nouvel événement');
      await page.getByLabel('Titre', { exact: false }).first().fill('Séminaire des animateurs');
      await page.getByLabel('Date de début').fill('03/02/2028');
      await page.getByLabel('Heure de début').fill('9:30');
      await page.getByLabel('Date de fin').fill('02/02/2028');
      await page.getByLabel('Heure de fin').fill('17:00');
      await page.getByRole('button', { name: 'Créer l’événement' }).click();
      await page.waitForLoadState();
      const refused = await look('nouvel événement refusé');
      assert.match(refused, /Choisissez le type d’événement/);
      assert.match(refused, /L’événement doit finir après son début/);
      assert.equal(await page.locator('#evenement-title').inputValue(), 'Séminaire des animateurs');

      await page.locator('#evenement-kind').selectOption('seminaire');
      await page.locator('#evenement-end_date').fill('04/02/2028');
      await Promise.all([page.waitForURL(/seminaire-des-animateurs\/programme$/), page.getByRole('button', { name: 'Créer l’événement' }).click()]);
      await look('programme vide');
      await page.getByText('Ajouter un créneau').click();
      await page.locator('#creneau-nouveau-title').fill('Ateliers du matin');
      await page.locator('#creneau-nouveau-start_time').fill('10:00');
      await page.locator('#creneau-nouveau-end_time').fill('12:00');
      await Promise.all([page.waitForURL(/programme#creneaux$/), page.getByRole('button', { name: 'Ajouter le créneau' }).click()]);
      assert.match(await page.locator('main').innerText(), /Ateliers du matin – jeudi 3 février 2028, 10 h – 12 h/);

      await page.goto(`${base}/admin/evenements/journees-des-territoires/programme`);
      const full = await look('éditeur du programme des Journées');
      assert.match(full, /Animation : Claude GRIVEL/);
      const firstWorkshop = page.locator('.events-editor__entry', { hasText: 'Atelier –' }).first();
      await firstWorkshop.locator('summary', { hasText: 'Modifier' }).click();
      await firstWorkshop.getByLabel('Capacité').fill('trente');
      await firstWorkshop.getByRole('button', { name: 'Enregistrer l’intervention' }).click();
      await page.waitForLoadState();
      const error = await look('intervention refusée');
      assert.match(error, /La capacité doit être un nombre entier de places/);
      assert.equal(await page.locator('details[open] input[name="capacity"]').first().inputValue(), 'trente');

      await page.goto(`${base}/admin/evenements/journees-des-territoires/email`);
      assert.match(await look('e-mail aux inscrit·es'), /E-mail aux inscrit·es/);
      await page.getByLabel('Texte').fill('La plénière aura lieu salle B.');
      await page.getByRole('button', { name: 'Envoyer l’e-mail' }).click();
      await page.waitForLoadState();
      assert.match(await look('e-mail refusé'), /Donnez un objet à l’e-mail/);
      assert.equal(await page.getByLabel('Texte').inputValue(), 'La plénière aura lieu salle B.');
    } finally {
      await ctx.close();
    }
  }));
});
