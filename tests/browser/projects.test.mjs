// Projects in Chromium at 390 and 1280 px (axe-core and the layout check on every page):
// an organiser opens the demo project of the Tarn and adds a co-author and an advisor by
// e-mail; the co-author writes and submits the note de cadrage at phone width; the advisor
// comments and validates it, which opens the note de faisabilité; the two versions compare.
// Then, around the table: the map (SVG, tables, the four fantastiques warning, adding an
// actor and a link with the forms), the cooperation log, a value session
// and the agency's follow-up. Dragging an actor with the mouse at 1280 px saves its place
// (a reload shows it there) and, without JavaScript, the actor's page puts it back.
// PROJECTS_SHOTS=<dir> also saves a screenshot of each page at both widths (not committed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newContext } from '../support/harness.mjs';
import { useBrowserFixture } from '../support/browser_fixture.mjs';
import { pageTour } from '../support/page_tour.mjs';
import { createBulkUsers, pickCommunes, queryRows } from '../support/bulk.mjs';

describe('projets', () => {
  const fx = useBrowserFixture();
  const { t } = fx;

  it('write, submit, review and validate a deliverable at phone width', { timeout: 300_000 }, t(async () => {
    const communes = pickCommunes(fx.db, 3, { offset: 2100 });
    const [olga, ana, bea] = createBulkUsers(fx.db, [
      { collectiviteId: communes[0], fullName: 'Olga Organisatrice', role: 'organiser' },
      { collectiviteId: communes[1], fullName: 'Ana Autrice' },
      { collectiviteId: communes[2], fullName: 'Béa Accompagnatrice' },
    ], { tag: 'projb' });
    const ctx = await newContext(fx.browser, { viewport: { width: 390, height: 900 } });
    try {
      const page = await ctx.newPage();
      const { look, login } = pageTour(ctx, page, { baseUrl: fx.server.baseUrl, shotsDir: process.env.PROJECTS_SHOTS, firstShot: 0 });

      await login(olga);
      await page.goto(`${fx.server.baseUrl}/projets`);
      const list = await look('liste des projets (agence)');
      assert.match(list, /Management des organisations par la coopération/);
      assert.match(list, /Démonstration/i);
      await page.getByRole('link', { name: 'Management des organisations par la coopération' }).click();
      const file = await look('dossier du projet');
      assert.match(file, /Livrable 2 : En rédaction/);
      const projectUrl = page.url();
      await page.getByLabel('Adresse électronique').fill(ana.email);
      await Promise.all([page.waitForURL(/message=membre/), page.getByRole('button', { name: 'Ajouter' }).click()]);
      await page.getByLabel('Adresse électronique').fill(bea.email);
      await page.getByLabel('Rôle').selectOption('advisor');
      await Promise.all([page.waitForURL(/message=membre/), page.getByRole('button', { name: 'Ajouter' }).click()]);
      assert.match(await page.locator('main').innerText(), /Ana Autrice/);

      await login(ana);
      await page.goto(`${projectUrl}/livrables/1`);
      const validated = await look('note d’intention validée (lecture)');
      assert.match(validated, /Nature du projet et thèmes associés/);
      await page.goto(`${projectUrl}/livrables/2`);
      await look('note de cadrage en rédaction');
      const q4 = page.getByLabel(/4\. Sur quels critères la réussite du projet sera-t-elle appréciée/);
      await q4.fill('Le nombre d’agents engagés dans les groupes de pairs.');
      await q4.locator('xpath=ancestor::form').getByRole('button', { name: 'Enregistrer cette réponse' }).click();
      await page.waitForURL(/message=enregistre/);
      // A stale save (another co-author saved meanwhile) keeps what was typed.
      await page.goto(`${projectUrl}/livrables/2`);
      const form4 = page.getByLabel(/4\. Sur quels critères/).locator('xpath=ancestor::form');
      await form4.locator('input[name="version"]').evaluate((el) => { el.value = '0'; });
      await page.getByLabel(/4\. Sur quels critères/).fill('Mon texte à ne pas perdre');
      await form4.getByRole('button', { name: 'Enregistrer cette réponse' }).click();
      await page.waitForLoadState();
      const conflict = await look('conflit de rédaction');
      assert.match(conflict, /pendant que vous écriviez/);
      assert.equal(await page.getByLabel(/4\. Sur quels critères/).inputValue(), 'Mon texte à ne pas perdre');
      await page.getByRole('button', { name: 'Enregistrer cette réponse' }).nth(3).click();
      await page.waitForURL(/message=enregistre/);
      await Promise.all([page.waitForURL(/message=soumis/), page.getByRole('button', { name: 'Soumettre le livrable' }).click()]);
      assert.match(await look('note de cadrage soumise'), /Soumis, en relecture/i);

      await login(bea);
      await page.goto(`${projectUrl}/livrables/2`);
      await look('relecture par l’accompagnatrice');
      await page.getByLabel('Commentaire sur la question 4').fill('Ajoutez un critère qualitatif.');
      await page.locator('label[for="decision-reprendre"]').click();
      await Promise.all([page.waitForURL(/message=avis/), page.getByRole('button', { name: 'Enregistrer l’avis' }).click()]);

      await login(ana);
      await page.goto(`${projectUrl}/livrables/2`);
      assert.match(await page.locator('main').innerText(), /Ajoutez un critère qualitatif/);
      await page.getByLabel(/4\. Sur quels critères/).fill('Mon texte à ne pas perdre, et la confiance entre les équipes.');
      await page.getByRole('button', { name: 'Enregistrer cette réponse' }).nth(3).click();
      await page.waitForURL(/message=enregistre/);
      await Promise.all([page.waitForURL(/message=soumis/), page.getByRole('button', { name: 'Soumettre le livrable' }).click()]);

      await login(bea);
      await page.goto(`${projectUrl}/livrables/2`);
      await page.locator('label[for="decision-valide"]').click();
      await Promise.all([page.waitForURL(/message=avis/), page.getByRole('button', { name: 'Enregistrer l’avis' }).click()]);
      await page.getByRole('link', { name: 'comparer avec la version 1' }).click();
      const compared = await look('comparaison de deux versions');
      assert.match(compared, /la confiance entre les équipes/);
      await page.goto(projectUrl);
      assert.match(await look('dossier après validation'), /Livrable 3 : En rédaction/);
    } finally {
      await ctx.close();
    }
  }));

  it('map the actors, tell the cooperation, weigh the value, follow the projects', { timeout: 300_000 }, t(async () => {
    const communes = pickCommunes(fx.db, 2, { offset: 2200 });
    const [oscar, tom] = createBulkUsers(fx.db, [
      { collectiviteId: communes[0], fullName: 'Oscar Organisateur', role: 'organiser' },
      { collectiviteId: communes[1], fullName: 'Tom Équipe' },
    ], { tag: 'projc' });
    const ctx = await newContext(fx.browser, { viewport: { width: 390, height: 900 } });
    try {
      const page = await ctx.newPage();
      const { look, login } = pageTour(ctx, page, { baseUrl: fx.server.baseUrl, shotsDir: process.env.PROJECTS_SHOTS, firstShot: 40 });

      await login(oscar);
      await page.goto(`${fx.server.baseUrl}/projets/suivi`);
      const follow = await look('suivi des projets par étape (agence)');
      assert.match(follow, /Management des organisations par la coopération/);
      await page.getByRole('link', { name: 'Management des organisations par la coopération' }).first().click();
      const projectUrl = page.url();
      await page.getByLabel('Adresse électronique').fill(tom.email);
      await Promise.all([page.waitForURL(/message=membre/), page.getByRole('button', { name: 'Ajouter' }).click()]);

      await login(tom);
      await page.goto(projectUrl);
      await page.getByRole('link', { name: 'Les acteurs et leur carte' }).click();
      const map = await look('carte des acteurs');
      assert.match(map, /Les « 4 fantastiques » sont autour de la table/i);
      const svg = page.locator('svg.ateliers-actor-map');
      assert.equal(await svg.getAttribute('role'), 'img');
      assert.equal(await page.locator('svg.ateliers-actor-map g.acteur').count(), 11);

      await page.getByLabel('Nom de la personne ou de l’organisation').fill('Maison France Services');
      await page.getByLabel('Rôle dans le schéma actantiel').selectOption('adjuvant');
      await page.getByLabel('Position vis-à-vis du projet').selectOption('soutien');
      await Promise.all([page.waitForURL(/message=acteur/), page.getByRole('button', { name: 'Ajouter l’acteur' }).click()]);
      assert.equal(await page.locator('svg.ateliers-actor-map g.acteur').count(), 12);
      await page.getByLabel('De', { exact: true }).selectOption({ label: 'Maison France Services' });
      await page.getByLabel('Vers', { exact: true }).selectOption({ label: 'Habitants du territoire (59 500)' });
      await Promise.all([page.waitForURL(/message=lien/), page.getByRole('button', { name: 'Ajouter le lien' }).click()]);
      assert.match(await look('carte après un acteur et un lien'), /Maison France Services/);

      await page.goto(`${projectUrl}/cooperation`);
      await look('raconter la coopération');
      await page.getByLabel('Date').fill('2024-01-18');
      await page.getByLabel('Type de moment').selectOption('differend');
      await page.getByLabel('Titre').fill('Les DGS et les agents en désaccord');
      await Promise.all([page.waitForURL(/message=raconte/), page.getByRole('button', { name: 'Enregistrer ce moment' }).click()]);
      assert.match(await look('récit après un moment'), /jeudi 18 janvier 2024/);

      await page.goto(`${projectUrl}/valeur`);
      await look('valeur créée');
      await page.getByLabel('Date de la séance').fill('2024-06-01');
      await page.getByLabel('Participants').fill('Équipe, élus, DGS');
      await page.getByLabel('Ce qui a été observé (Coopération)').fill('Un espace DGS qui tient');
      await Promise.all([page.waitForURL(/message=seance/), page.getByRole('button', { name: 'Enregistrer la séance' }).click()]);
      const value = await look('valeur créée, deux séances comparées');
      assert.match(value, /D’une séance à l’autre/);
      assert.match(value, /Un espace DGS qui tient/);
    } finally {
      await ctx.close();
    }
  }));

  it('drag an actor on the map at 1280 px, then put it back without JavaScript', { timeout: 300_000 }, t(async () => {
    const communes = pickCommunes(fx.db, 2, { offset: 2300 });
    const [olivia, theo] = createBulkUsers(fx.db, [
      { collectiviteId: communes[0], fullName: 'Olivia Organisatrice', role: 'organiser' },
      { collectiviteId: communes[1], fullName: 'Théo Équipe' },
    ], { tag: 'projd' });
    const ctx = await newContext(fx.browser, { viewport: { width: 1280, height: 1000 } });
    const noJs = await newContext(fx.browser, { viewport: { width: 1280, height: 1000 }, javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      const { look, login } = pageTour(ctx, page, { baseUrl: fx.server.baseUrl, shotsDir: process.env.PROJECTS_SHOTS, firstShot: 80 });
      await login(olivia);
      await page.goto(`${fx.server.baseUrl}/projets/suivi`);
      await page.getByRole('link', { name: 'Management des organisations par la coopération' }).first().click();
      const projectUrl = page.url();
      const project = Number(new URL(projectUrl).pathname.split('/')[2]);
      await page.getByLabel('Adresse électronique').fill(theo.email);
      await Promise.all([page.waitForURL(/message=membre/), page.getByRole('button', { name: 'Ajouter' }).click()]);

      await login(theo);
      await page.setViewportSize({ width: 1280, height: 1000 });
      await page.goto(`${projectUrl}/acteurs`);
      const translate = async (id) => {
        const t = await page.locator(`svg.ateliers-actor-map g.acteur[data-actor-id="${id}"]`).getAttribute('transform');
        const [, x, y] = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(t);
        return { x: Number(x), y: Number(y) };
      };
      const node = page.locator('svg.ateliers-actor-map g.acteur').first();
      const id = await node.getAttribute('data-actor-id');
      const before = await translate(id);
      const [[savedX, savedY]] = queryRows(fx.db, `SELECT COALESCE(x, -1), COALESCE(y, -1) FROM project_actors WHERE id = ${id}`);
      assert.equal(Number(savedX), -1, 'placed automatically at first');
      assert.equal(Number(savedY), -1);

      // Drag it 50 px right and 30 px down with the mouse, in small steps as a hand would.
      await node.scrollIntoViewIfNeeded();
      const box = await node.boundingBox();
      const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 50, from.y + 30, { steps: 12 });
      await Promise.all([page.waitForURL(/message=place/), page.mouse.up()]);
      assert.match(await page.locator('main').innerText(), /L’acteur est replacé/);

      // Saved in the database where it was dropped (the SVG is drawn at scale 1 at this width)…
      const [[x, y]] = queryRows(fx.db, `SELECT x, y FROM project_actors WHERE id = ${id}`);
      assert.ok(Math.abs(Number(x) - (before.x + 50)) <= 2, `x saved near ${before.x + 50}: ${x}`);
      assert.ok(Math.abs(Number(y) - (before.y + 30)) <= 2, `y saved near ${before.y + 30}: ${y}`);
      // …and a reload draws it there (moved down only if it would cover another actor).
      await page.reload();
      const after = await translate(id);
      assert.equal(after.x, Number(x));
      assert.ok(after.y >= Number(y), `drawn at or below its saved place: ${after.y} ≥ ${y}`);
      await look('carte après un déplacement à la souris');

      // Without JavaScript, the actor's page offers to put it back in its zone.
      const bare = await noJs.newPage();
      const { login: loginBare } = pageTour(noJs, bare, { baseUrl: fx.server.baseUrl });
      await loginBare(theo);
      await bare.goto(`${fx.server.baseUrl}/projets/${project}/acteurs/${id}`);
      assert.match(await bare.locator('main').innerText(), /Cet acteur a été déplacé à la main sur la carte/);
      await Promise.all([bare.waitForURL(/message=place/), bare.getByRole('button', { name: 'Le replacer automatiquement' }).click()]);
      const [[resetX]] = queryRows(fx.db, `SELECT COALESCE(x, -1) FROM project_actors WHERE id = ${id}`);
      assert.equal(Number(resetX), -1, 'back to automatic placement');
      const drawn = await bare.locator(`svg.ateliers-actor-map g.acteur[data-actor-id="${id}"]`).getAttribute('transform');
      assert.equal(drawn, `translate(${before.x} ${before.y})`, 'drawn in its zone again');
      assert.match(await bare.locator('main').innerText(), /Cet acteur est placé automatiquement|Qui est autour de la table/);
    } finally {
      await noJs.close();
      await ctx.close();
    }
  }));
});
