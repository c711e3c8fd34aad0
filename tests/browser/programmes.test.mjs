// Programmes in Chromium (axe-core and the layout check at 390 and 1280 px on every page):
// the programme's page, and a provider filling the diagnostic at phone width — one
// family per fieldset, a level chosen by its label, an out-of-scale level refused next to
// its criterion with what was typed kept, then saved; the ANCT's walk through the demo
// territory's workspace: dashboard, plan, an action and its follow-up at phone width, the
// annual review's radar chart and its table, supervision notes, members, dossier, import.
// Last, a second grid version published with `ateliers load-grid`: the ANCT reads the
// providers' load on the dashboard and starts a review on the older version it chooses.
// PROGRAMMES_SHOTS=<dir> saves screenshots at 390 and 1280 px (not committed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkA11y, makeTempDir, newContext, REPO_ROOT, SERVER_BIN } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, queryRows } from '../support/bulk.mjs';
import { pageTour } from '../support/page_tour.mjs';

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

  it('the ANCT follows a territory: plan, follow-up, annual review chart', { timeout: 300_000 }, t(async () => {
    const communes = pickCommunes(fx.db, 1, { offset: 3420 });
    const [anct] = createBulkUsers(fx.db, [{ collectiviteId: communes[0], fullName: 'Aline ANCT', role: 'organiser' }],
      { tag: 'progc' });
    const [[territory]] = queryRows(fx.db, `SELECT MIN(t.id) FROM programmes p JOIN programme_territories t
      ON t.programme_id = p.id WHERE p.slug = '${SLUG}'`);
    const ctx = await newContext(fx.browser, { viewport: { width: 390, height: 844 } });
    try {
      const page = await ctx.newPage();
      const base = `/programmes/${SLUG}/territoires/${territory}`;
      const visit = async (p, label) => {
        const res = await page.goto(`${fx.server.baseUrl}${p}`);
        assert.equal(res.status(), 200, p);
        await checkA11y(page, { label: `${label} (${p})` });
        return page.locator('main').innerText();
      };
      await page.goto(`${fx.server.baseUrl}/compte/connexion`);
      await page.locator('input[name="email"]').fill(anct.email);
      await page.locator('input[name="password"]').fill(BULK_PASSWORD);
      await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Se connecter' }).click()]);
      await page.setViewportSize({ width: 390, height: 844 });

      const dashboard = await visit(`/programmes/${SLUG}`, 'tableau de bord');
      assert.match(dashboard, /Tableau de bord de l’ANCT/);
      assert.match(dashboard, /Bilan de l’année 1/);
      const workspace = await visit(base, 'espace du territoire');
      assert.match(workspace, /Vigilance/, 'the ANCT reads the internal note');
      const plan = await visit(`${base}/plan`, 'plan');
      assert.match(plan, /Version 1 adoptée/);
      assert.match(plan, /Projet phare/);

      // A follow-up typed at phone width.
      await page.getByRole('link', { name: 'Formation des agents d’accueil à l’écoute active' }).click();
      await page.waitForLoadState();
      await page.getByLabel('Avancement (%)').fill('60');
      await page.getByLabel('Commentaire').fill('Deuxième groupe formé.');
      await Promise.all([page.waitForURL(/message=suivi/), page.getByRole('button', { name: 'Enregistrer le suivi' }).click()]);
      const action = await page.locator('main').innerText();
      assert.match(action, /Avancement : 30 % → 60 %/);
      assert.match(action, /Deuxième groupe formé/);
      await checkA11y(page, { label: 'action après suivi' });

      // A flagship action: its project started from its page at phone width.
      await visit(`${base}/plan`, 'plan');
      await page.getByRole('link', { name: 'Budget participatif jeunesse' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('main').innerText(), /Aucun projet ne porte encore cette action/);
      const { look } = pageTour(ctx, page, { baseUrl: fx.server.baseUrl, shotsDir: process.env.PROGRAMMES_SHOTS });
      await look('projet phare sans projet');
      const flagshipUrl = page.url();
      await Promise.all([page.waitForURL(/\/projets\/\d+\?message=phare/),
        page.getByRole('button', { name: 'Relier le projet' }).click()]);
      assert.match(await page.locator('main').innerText(), /Le projet est créé pour l’action du plan/);
      await page.goto(flagshipUrl);
      assert.match(await page.locator('main').innerText(), /Cette action est portée par le projet Budget participatif jeunesse/);
      await look('projet phare et son projet');

      const review = await visit(`${base}/bilans/1`, 'bilan annuel');
      const chart = page.locator('#graphique-bilan svg[role="img"]');
      assert.ok(await chart.isVisible(), 'the radar chart is shown');
      const box = await chart.boundingBox();
      assert.ok(box.width > 300 && box.width <= 390, `chart fits the phone (${box.width} px)`);
      assert.match(await chart.locator('desc').textContent(), /Diagnostic : Coopérer \d+\s%.*Bilan année 1 : Coopérer \d+\s%/);
      assert.equal(await page.locator('#ecarts tbody tr').count(), 5, 'one line per family');
      assert.match(review, /Reportée : Accompagnement du comité de direction/);
      await visit(`${base}/bilans/1/cotation`, 'cotation du bilan');
      await visit(`${base}/dossier`, 'dossier');
      await visit(`${base}/plan/import`, 'import des actions');
      await visit(`${base}/plan/actions/nouvelle`, 'nouvelle action');
      await visit(`/programmes/${SLUG}/membres`, 'membres');
    } finally {
      await ctx.close();
    }
  }));

  it('the ANCT reads the providers’ load and starts a review on the grid version it chooses', { timeout: 300_000 }, t(async () => {
    const grid = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data/programmes/grille-savoir-faire-v1.json'), 'utf8'));
    const tmp = await makeTempDir('grille');
    try {
      const file = path.join(tmp.dir, 'grille-v2.json');
      fs.writeFileSync(file, JSON.stringify({ ...grid, version: 2, title: 'Grille de l’agence', default: false }));
      const loaded = spawnSync(SERVER_BIN, ['load-grid', file, '--db', fx.db], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(loaded.status, 0, loaded.stderr);
    } finally {
      await tmp.remove();
    }
    const communes = pickCommunes(fx.db, 1, { offset: 3440 });
    const [anct] = createBulkUsers(fx.db, [{ collectiviteId: communes[0], fullName: 'Agathe ANCT', role: 'organiser' }],
      { tag: 'progv' });
    const [[territory]] = queryRows(fx.db, `SELECT MIN(t.id) FROM programmes p JOIN programme_territories t
      ON t.programme_id = p.id WHERE p.slug = '${SLUG}'`);
    const ctx = await newContext(fx.browser, { viewport: { width: 390, height: 900 } });
    try {
      const page = await ctx.newPage();
      const { look, login } = pageTour(ctx, page, { baseUrl: fx.server.baseUrl, shotsDir: process.env.PROGRAMMES_SHOTS,
        firstShot: 20 });
      await login(anct);
      await page.goto(`${fx.server.baseUrl}/programmes/${SLUG}`);
      const dashboard = await look('tableau de bord : charge des prestataires');
      assert.match(dashboard, /Charge des prestataires/);
      assert.ok(await page.locator('#charge-prestataires tbody tr').count() >= 3, 'the demo’s three providers');
      assert.match(await page.locator('#charge-prestataires caption').innerText(), /chaque prestataire/);
      assert.match(await page.locator('#etapes').innerText(), /v1/);

      const rating = `/programmes/${SLUG}/territoires/${territory}/bilans/2/cotation`;
      await page.goto(`${fx.server.baseUrl}${rating}`);
      const fresh = await look('cotation du bilan 2 : choix de la version de la grille');
      assert.match(fresh, /Sera évalué sur la grille des savoir-faire, version 2/);
      const [[v1]] = queryRows(fx.db, 'SELECT id FROM grid_versions WHERE version = 1');
      await page.getByLabel('Version de la grille').selectOption(String(v1));
      await Promise.all([page.waitForURL(/grille=\d+/), page.getByRole('button', { name: 'Utiliser cette version' }).click()]);
      assert.match(await page.locator('main').innerText(), /Sera évalué sur la grille des savoir-faire, version 1/);
      const radio = await page.locator('fieldset[id^="famille-"] input[type="radio"]').first().getAttribute('id');
      await page.locator(`label[for="${radio}"]`).click();
      await Promise.all([page.waitForURL(/message=enregistre/),
        page.getByRole('button', { name: 'Enregistrer la cotation du bilan' }).click()]);
      const saved = await look('cotation du bilan 2 enregistrée sur la version 1');
      assert.match(saved, /Évalué sur la grille des savoir-faire, version 1/);
      assert.equal(await page.locator('#grille').count(), 0, 'no choice once started');
      await page.goto(`${fx.server.baseUrl}/programmes/${SLUG}/territoires/${territory}/bilans/2`);
      assert.match(await look('bilan 2 : versions comparées'), /sur la grille version 1, ce bilan sur la version 1/);
    } finally {
      await ctx.close();
    }
  }));
});
