// Events in Chromium at 390 and 1280 px (axe-core and the layout check on every page):
// the list, the programme, registering with a workshop choice through the form, an error
// shown next to its field with what was typed kept, and the organisers' page. Then the
// day itself: the ticket and the badge, checking in from the welcome desk at phone width,
// the certificate of attendance downloaded; the organisers' report.
// After the event: the questionnaire answered at phone width, its summary in the bilan; the
// programme editor's confirmation before deleting an item.
// ATELIERS_SHOTS=<dir> saves a screenshot of each page of the last two tests at 390 and 1280 px.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkA11y, newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, queryRows, runSql } from '../support/bulk.mjs';

const SLUG = 'journees-des-territoires';

describe('événements', () => {
  const fx = useBrowserFixture();
  const { t } = fx;
  let bruno; // checked in by the second test, answers the questionnaire in the third
  let oscar;

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

  it('the ticket, the badge, check-in from the desk on a phone and the certificate', { timeout: 300_000 }, t(async () => {
    const communes = pickCommunes(fx.db, 2, { offset: 3250 });
    [bruno, oscar] = createBulkUsers(fx.db, [
      { collectiviteId: communes[0], fullName: 'Bruno Badgé' },
      { collectiviteId: communes[1], fullName: 'Oscar Accueil', role: 'organiser' },
    ], { tag: 'evtday' });
    const shots = process.env.ATELIERS_SHOTS;
    const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'evt-pdf-'));
    const ctx = await newContext(fx.browser, { acceptDownloads: true });
    try {
      const page = await ctx.newPage();
      const look = async (label, name) => {
        await checkA11y(page, { label });
        if (!shots) return;
        fs.mkdirSync(shots, { recursive: true });
        const original = page.viewportSize();
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
        }
        await page.setViewportSize(original);
      };
      const pdfOf = async (linkName) => {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('link', { name: linkName }).click()]);
        const file = path.join(downloads, download.suggestedFilename());
        await download.saveAs(file);
        return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      };
      const login = async (user) => {
        await page.goto(`${fx.server.baseUrl}/compte/connexion`);
        await page.locator('input[name="email"]').fill(user.email);
        await page.locator('input[name="password"]').fill(BULK_PASSWORD);
        await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Se connecter' }).click()]);
      };

      await login(bruno);
      await page.goto(`${fx.server.baseUrl}/evenements/${SLUG}/inscription`);
      await page.getByLabel('Collectivité ou organisation').fill('Centre social du Pilat');
      await page.getByLabel('Type d’organisation').selectOption('association');
      await page.getByLabel('Fonction').fill('Animateur');
      await page.locator('label', { hasText: 'Le rôle primordial de l’animation territoriale' }).click();
      await Promise.all([page.waitForURL(/message=inscrit/), page.getByRole('button', { name: 'Confirmer mon inscription' }).click()]);
      const ticket = page.locator('#mon-billet');
      assert.match(await ticket.innerText(), /Mon billet[\s\S]*Bruno Badgé[\s\S]*Centre social du Pilat/);
      assert.ok(await ticket.locator('svg[role="img"]').isVisible(), 'the QR code');
      assert.match(await ticket.innerText(), /attestation de présence sera téléchargeable ici après votre passage/);
      await look('billet et badge', 'evenement-billet');
      const badge = await pdfOf('Mon badge (PDF)');
      assert.match(badge, /Bruno Badgé/);
      assert.match(badge, /Le rôle primordial de l’animation/);

      // The welcome desk on a phone: find Bruno by name, check him in.
      await ctx.clearCookies();
      await login(oscar);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${fx.server.baseUrl}/admin/evenements/${SLUG}/accueil`);
      await page.getByLabel('Nom ou organisation').fill('bruno');
      await Promise.all([page.waitForURL(/q=bruno/), page.getByRole('button', { name: 'Chercher' }).click()]);
      const person = page.locator('.ateliers-desk__person', { hasText: 'Bruno Badgé' });
      await person.getByRole('button', { name: /Pointer/ }).click();
      await person.locator('.ateliers-desk__done').waitFor({ state: 'visible' });
      await page.goto(`${fx.server.baseUrl}/admin/evenements/${SLUG}/accueil?q=bruno`);
      assert.match(await page.locator('main').innerText(), /Présent·e/);
      await look('accueil après pointage', 'accueil');
      await page.goto(`${fx.server.baseUrl}/admin/evenements/${SLUG}`);
      await look('administration d’un événement', 'admin-evenement');
      await page.goto(`${fx.server.baseUrl}/admin/evenements/${SLUG}/badges`);
      assert.match(await page.locator('main').innerText(), /Toute la planche \(PDF, 1 page\)/);
      await look('planche de badges', 'planche-badges');
      await page.goto(`${fx.server.baseUrl}/admin/evenements/${SLUG}/bilan`);
      assert.match(await page.locator('main').innerText(), /personnes? accueillies? sur/);
      await look('bilan de l’événement', 'bilan');

      // Back as Bruno: the certificate.
      await ctx.clearCookies();
      await login(bruno);
      await page.goto(`${fx.server.baseUrl}/evenements/${SLUG}#mon-billet`);
      assert.match(await ticket.innerText(), /Accueilli·e le/i); // a DSFR badge, upper-cased by CSS
      await look('billet après l’accueil', 'evenement-attestation');
      const certificate = await pdfOf('Mon attestation de présence (PDF)');
      assert.match(certificate, /Attestation de présence/);
      assert.match(certificate, /Bruno Badgé/);
      await page.getByRole('button', { name: 'Recevoir l’attestation par e-mail' }).click();
      await page.waitForURL(/message=attestation/);
      assert.match(await page.locator('main').innerText(), /vous est envoyée par courriel/);
      await look('attestation envoyée par e-mail', 'evenement-attestation-envoyee');
    } finally {
      await ctx.close();
      fs.rmSync(downloads, { recursive: true, force: true });
    }
  }));

  it('after the event: the questionnaire at phone width, its summary in the bilan, deleting from the programme', { timeout: 300_000 }, t(async () => {
    const shots = process.env.ATELIERS_SHOTS;
    const ctx = await newContext(fx.browser);
    try {
      const page = await ctx.newPage();
      const look = async (label, name) => {
        await checkA11y(page, { label });
        if (!shots) return;
        fs.mkdirSync(shots, { recursive: true });
        const original = page.viewportSize();
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
        }
        await page.setViewportSize(original);
      };
      const login = async (user) => {
        await page.goto(`${fx.server.baseUrl}/compte/connexion`);
        await page.locator('input[name="email"]').fill(user.email);
        await page.locator('input[name="password"]').fill(BULK_PASSWORD);
        await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Se connecter' }).click()]);
      };
      // The programme editor first, while the event is still to come.
      await login(oscar);
      const [[itemId]] = queryRows(fx.db, `SELECT i.id FROM event_items i JOIN events e ON e.id = i.event_id
        WHERE e.slug = '${SLUG}' AND i.kind = 'round_table' ORDER BY i.starts_at LIMIT 1`);
      await page.goto(`${fx.server.baseUrl}/admin/evenements/${SLUG}/programme/interventions/${itemId}/supprimer`);
      assert.match(await page.locator('main').innerText(), /Personne n’y a de place/);
      await look('confirmation de suppression', 'programme-suppression');
      const [[workshopId]] = queryRows(fx.db, `SELECT c.item_id FROM event_choices c JOIN event_registrations r ON r.id = c.registration_id
        JOIN users u ON u.id = r.user_id WHERE u.email = '${bruno.email}' AND c.status = 'held'`);
      await page.goto(`${fx.server.baseUrl}/admin/evenements/${SLUG}/programme/interventions/${workshopId}/supprimer`);
      assert.match(await page.locator('main').innerText(), /ne peut pas être supprimé : \d+ personnes? y (a|ont) une place/);
      await look('suppression refusée', 'programme-suppression-refusee');

      const now = Math.floor(Date.now() / 1000);
      runSql(fx.db, `UPDATE events SET starts_at = ${now - 2 * 86400}, ends_at = ${now - 3600} WHERE slug = '${SLUG}'`);
      await ctx.clearCookies();
      await login(bruno);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${fx.server.baseUrl}/evenements/${SLUG}`);
      await Promise.all([page.waitForURL(/\/questionnaire$/), page.getByRole('link', { name: 'Répondre au questionnaire' }).click()]);
      await look('questionnaire', 'questionnaire');
      await page.locator('#comment').fill('Un atelier passionnant, à refaire.');
      await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('main').innerText(), /Donnez une note globale/);
      await checkA11y(page, { label: 'questionnaire en erreur' });
      assert.equal(await page.locator('#comment').inputValue(), 'Un atelier passionnant, à refaire.');
      await page.locator('label', { hasText: '4 – Plutôt satisfait·e' }).click();
      await page.locator('label', { hasText: 'votre atelier' }).click();
      await page.locator('label', { hasText: 'Partager ce que j’ai appris' }).click();
      await Promise.all([page.waitForURL(/enregistre=1/), page.getByRole('button', { name: 'Enregistrer mes réponses' }).click()]);
      assert.match(await page.locator('main').innerText(), /Vos réponses sont enregistrées/);
      await look('questionnaire enregistré', 'questionnaire-enregistre');

      await ctx.clearCookies();
      await login(oscar);
      await page.goto(`${fx.server.baseUrl}/admin/evenements/${SLUG}/bilan#questionnaire`);
      const bilan = await page.locator('main').innerText();
      assert.match(bilan, /1 réponse\(s\) sur \d+ personne\(s\) interrogée\(s\)/);
      assert.match(bilan, /Un atelier passionnant, à refaire\./);
      await look('bilan avec le questionnaire', 'bilan-questionnaire');
    } finally {
      await ctx.close();
    }
  }));
});
