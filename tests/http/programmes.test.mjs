// Programmes over HTTP, on SQLite and on PostgreSQL: the demo's "Territoires
// d'engagement" page (public part), a territory's diagnostic reserved to its provider and
// the ANCT, bad input (a level outside the scale, a criterion of another grid version)
// refused in French with what was typed kept and nothing stored, and a territory team
// that cannot open another territory; the plan, notes, review and CSV import on the demo
// territory: internal notes kept from the provider, a wrong CSV line named in French with
// nothing imported, another territory's plan closed. Last, a new grid version published
// with `ateliers load-grid`: the ANCT starts a diagnostic on the older version, which it
// keeps; the dashboard names each territory's grid version and the providers' load.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { HttpClient, makeTempDir, REPO_ROOT, SERVER_BIN, startPostgres, startServer, startSmtpSink, withServerLog } from '../support/harness.mjs';
import { login } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, queryRows } from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 90_000;
const SLUG = 'territoires-engagement';

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`programmes — ${backend}`, () => {
    let db;
    let sink;
    let server;
    let base;
    let provider;
    let teamB;
    let outsider;
    let territories; // [[id, label]] by id
    const t = (fn) => withServerLog(() => server, fn);
    const diagnostic = (id) => `/programmes/${SLUG}/territoires/${id}/diagnostic`;

    before(async () => {
      db = await startDb();
      sink = await startSmtpSink();
      server = await startServer({ db: db.url, smtpPort: sink.port });
      base = server.baseUrl;
      const communes = pickCommunes(db.url, 3, { offset: 3300 });
      [provider, teamB, outsider] = createBulkUsers(db.url, [
        { collectiviteId: communes[0], fullName: 'Paula Prestataire' },
        { collectiviteId: communes[1], fullName: 'Bruno Équipe' },
        { collectiviteId: communes[2], fullName: 'Olivier Passant' },
      ], { tag: 'prog' });
      territories = queryRows(db.url, `SELECT t.id, t.label FROM programme_territories t JOIN programmes p
        ON p.id = t.programme_id WHERE p.slug = '${SLUG}' ORDER BY t.id`);
      const [[a], [b]] = territories;
      const programme = queryRows(db.url, `SELECT id FROM programmes WHERE slug = '${SLUG}'`)[0][0];
      const now = Math.floor(Date.now() / 1000);
      queryRows(db.url, `INSERT INTO programme_members (programme_id, territory_id, email, user_id, role, created_at)
        SELECT ${programme}, ${a}, email, id, 'provider', ${now} FROM users WHERE email = '${provider.email}'`);
      queryRows(db.url, `INSERT INTO programme_members (programme_id, territory_id, email, user_id, role, created_at)
        SELECT ${programme}, ${b}, email, id, 'territory_team', ${now} FROM users WHERE email = '${teamB.email}'`);
    }, { timeout: SETUP_TIMEOUT });

    after(async () => {
      for (const stop of [() => server?.stop(), () => sink?.stop(), () => db?.stop()]) {
        try {
          await stop();
        } catch (e) {
          console.error(`cleanup: ${e.message}`);
        }
      }
    }, { timeout: 60_000 });

    it('shows the programme and its demonstration territories to anyone', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = new HttpClient(base);
      const page = await c.get(`/programmes/${SLUG}`);
      assert.equal(page.status, 200);
      assert.match(page.pageText, /Territoires d’engagement/);
      assert.match(page.pageText, /coopérer, connecter, faciliter, intégrer, s’ouvrir/);
      assert.ok(territories.length >= 2);
      for (const [, label] of territories) assert.ok(page.pageText.includes(label), `missing ${label}`);
      assert.match(page.pageText, /démonstration/i);
      assert.doesNotMatch(page.text, /\/territoires\/\d+"/, 'no workspace link for a visitor');
      assert.doesNotMatch(page.pageText, /Diagnostic à faire|Diagnostic complet/, 'stages are for the ANCT');
      assert.equal((await c.get('/programmes/nexiste-pas')).status, 404);
      const anonymous = await c.get(diagnostic(territories[0][0]));
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.locationPath, /^\/compte\/connexion\?suivant=/);
    }));

    it('keeps each territory to its own people', { timeout: TEST_TIMEOUT }, t(async () => {
      const [[a], [b]] = territories;
      const team = new HttpClient(base);
      await login(team, teamB.email, BULK_PASSWORD);
      assert.equal((await team.get(diagnostic(a))).status, 403, 'territory B cannot read A');
      const own = await team.get(diagnostic(b));
      assert.equal(own.status, 200);
      assert.doesNotMatch(own.text, /Enregistrer le diagnostic/, 'the team reads, the provider rates');
      const stranger = new HttpClient(base);
      await login(stranger, outsider.email, BULK_PASSWORD);
      assert.equal((await stranger.get(diagnostic(a))).status, 403);
      const p = new HttpClient(base);
      await login(p, provider.email, BULK_PASSWORD);
      assert.equal((await p.get(diagnostic(b))).status, 403, 'a provider only sees its territories');
      const listing = await p.get(`/programmes/${SLUG}`);
      assert.match(listing.text, new RegExp(`href="/programmes/${SLUG}/territoires/${a}"`));
    }));

    it('answers the programme over the API with the page’s rights: workspaces for members, stages for the ANCT', { timeout: TEST_TIMEOUT }, t(async () => {
      // Every answer is also checked against docs/openapi.json by the HttpClient.
      const [[a], [b]] = territories;
      const anonymous = new HttpClient(base);
      const list = await anonymous.get('/api/v1/programmes');
      assert.equal(list.status, 200);
      assert.ok(list.json().programmes.some((p) => p.slug === SLUG && p.url.endsWith(`/programmes/${SLUG}`)));
      const open = await anonymous.get(`/api/v1/programmes/${SLUG}`);
      assert.equal(open.status, 200);
      const seen = open.json();
      assert.equal(seen.manages, false);
      assert.deepEqual(seen.territories.map((x) => String(x.id)).sort(), territories.map(([id]) => String(id)).sort());
      assert.ok(seen.territories.every((x) => !x.can_open && x.stage === null && x.actions === null), 'stages are for the ANCT');
      assert.equal((await anonymous.get('/api/v1/programmes/nexiste-pas')).status, 404);
      const badToken = await anonymous.get(`/api/v1/programmes/${SLUG}`, { headers: { authorization: 'Bearer inconnu' } });
      assert.equal(badToken.status, 401);

      const p = new HttpClient(base);
      await login(p, provider.email, BULK_PASSWORD);
      const mine = (await p.get(`/api/v1/programmes/${SLUG}`)).json();
      const byId = new Map(mine.territories.map((x) => [String(x.id), x]));
      assert.equal(byId.get(String(a)).can_open, true, 'the provider opens its territory');
      assert.equal(byId.get(String(b)).can_open, false);
      assert.equal(mine.manages, false);
      const viaToken = (await anonymous.get(`/api/v1/programmes/${SLUG}`, { headers: { authorization: `Bearer ${teamB.token}` } })).json();
      assert.equal(viaToken.territories.find((x) => String(x.id) === String(b)).can_open, true, 'a token acts as its account');

      const [anct] = createBulkUsers(db.url, [{ collectiviteId: pickCommunes(db.url, 1, { offset: 3310 })[0], role: 'organiser' }], { tag: 'progapi' });
      const managed = (await anonymous.get(`/api/v1/programmes/${SLUG}`, { headers: { authorization: `Bearer ${anct.token}` } })).json();
      assert.equal(managed.manages, true);
      assert.ok(managed.territories.every((x) => typeof x.stage === 'string' && x.stage && Number.isInteger(x.actions)));
      assert.equal((await anonymous.request('POST', `/api/v1/programmes/${SLUG}`)).status, 405);
    }));

    it('refuses a level outside the scale or of another grid version, keeping what was typed', { timeout: TEST_TIMEOUT }, t(async () => {
      const [[a]] = territories;
      const c = new HttpClient(base);
      await login(c, provider.email, BULK_PASSWORD);
      const criteria = queryRows(db.url, 'SELECT id FROM grid_criteria ORDER BY position').map(([id]) => id);
      const answersBefore = queryRows(db.url, 'SELECT COUNT(*), COALESCE(SUM(level), 0) FROM assessment_answers');
      const { form } = await c.form(diagnostic(a), diagnostic(a));
      const tooHigh = await c.submit(form, { [`level_${criteria[0]}`]: '7', [`evidence_${criteria[0]}`]: 'https://exemple.fr/cr', history: 'Texte tapé' });
      assert.equal(tooHigh.status, 422);
      assert.match(tooHigh.pageText, /Le niveau doit être compris entre 1 et 4/);
      assert.match(tooHigh.text, /value="https:\/\/exemple.fr\/cr"/);
      assert.match(tooHigh.text, />Texte tapé<\/textarea>/);
      const otherVersion = await c.submit(form, { grid_version_id: '999', [`level_${criteria[0]}`]: '2' });
      assert.equal(otherVersion.status, 409);
      assert.match(otherVersion.pageText, /autre version de la grille/);
      assert.deepEqual(queryRows(db.url, 'SELECT COUNT(*), COALESCE(SUM(level), 0) FROM assessment_answers'), answersBefore);

      const done = await c.submit(form, { [`level_${criteria[0]}`]: '4', [`strengths_${criteria[0]}`]: 'Un conseil citoyen actif' });
      assert.equal(done.status, 303, done.pageText);
      const after = await c.get(done.locationPath);
      assert.match(after.pageText, /Diagnostic enregistré/);
      assert.deepEqual(queryRows(db.url, `SELECT x.level, x.strengths FROM assessment_answers x JOIN assessments s
        ON s.id = x.assessment_id WHERE s.territory_id = ${a} AND s.year = 0 AND x.criterion_id = ${criteria[0]}`), [['4', 'Un conseil citoyen actif']]);
    }));

    it('shows the plan and the review to the territory, internal notes to the ANCT only', { timeout: TEST_TIMEOUT }, t(async () => {
      const [[a], [b]] = territories;
      const ws = (id) => `/programmes/${SLUG}/territoires/${id}`;
      const p = new HttpClient(base);
      await login(p, provider.email, BULK_PASSWORD);
      const workspace = await p.get(ws(a));
      assert.equal(workspace.status, 200);
      assert.match(workspace.pageText, /Point d’étape/);
      assert.doesNotMatch(workspace.pageText, /Vigilance/, 'an internal note never reaches a provider');
      assert.doesNotMatch(workspace.text, /value="internal"/, 'nor may a provider write one');
      const { form: noteForm } = await p.form(ws(a), '/notes');
      const forged = await p.submit(noteForm, { visibility: 'internal', body: 'Note forgée', noted_on: '2026-01-05' });
      assert.equal(forged.status, 403);
      assert.equal(queryRows(db.url, "SELECT COUNT(*) FROM supervision_notes WHERE body = 'Note forgée'")[0][0], '0');
      const plan = await p.get(`${ws(a)}/plan`);
      assert.equal(plan.status, 200);
      assert.match(plan.pageText, /Version 1 adoptée/);
      const review = await p.get(`${ws(a)}/bilans/1`);
      assert.equal(review.status, 200);
      assert.match(review.text, /<svg[^>]*role="img"/);
      assert.match(review.pageText, /Écart/);

      const team = new HttpClient(base);
      await login(team, teamB.email, BULK_PASSWORD);
      assert.equal((await team.get(`${ws(a)}/plan`)).status, 403);
      assert.equal((await team.get(`${ws(a)}/plan/actions.csv`)).status, 403);
      assert.equal((await team.get(`${ws(a)}/bilans/1`)).status, 403);
      assert.equal((await team.get(`${ws(b)}/plan`)).status, 200);
    }));

    it('starts the project of a flagship action from its page, once, for the territory people only', { timeout: TEST_TIMEOUT }, t(async () => {
      const [[a]] = territories;
      const [[action]] = queryRows(db.url, `SELECT id FROM plan_actions WHERE territory_id = ${a}
        AND title = 'Budget participatif jeunesse'`);
      const page = `/programmes/${SLUG}/territoires/${a}/plan/actions/${action}`;
      const team = new HttpClient(base);
      await login(team, teamB.email, BULK_PASSWORD);
      const { form: teamForm } = await team.form('/espace', '/compte/deconnexion'); // any form: its CSRF token
      const intruder = await team.submit({ ...teamForm, actionUrl: `${base}${page}/projet` }, { projet: 'nouveau' });
      assert.equal(intruder.status, 403, 'another territory cannot start it');

      const p = new HttpClient(base);
      await login(p, provider.email, BULK_PASSWORD);
      const shown = await p.get(page);
      assert.equal(shown.status, 200);
      assert.match(shown.pageText, /Aucun projet ne porte encore cette action/);
      const { form } = await p.form(page, '/projet');
      const bad = await p.submit(form, { projet: 'n’importe quoi' });
      assert.equal(bad.status, 422);
      assert.match(bad.pageText, /Choisissez de créer le projet ou d’en rattacher un/);
      const started = await p.submit(form, { projet: 'nouveau' });
      assert.equal(started.status, 303, started.pageText);
      assert.match(started.locationPath, /^\/projets\/\d+\?message=phare$/);
      const project = await p.get(started.locationPath);
      assert.equal(project.status, 200, 'the provider reviews the project it started');
      assert.match(project.pageText, /Budget participatif jeunesse/);
      assert.match(project.pageText, /Le projet est créé pour l’action du plan/);
      const after = await p.get(page);
      assert.match(after.pageText, /Cette action est portée par le projet Budget participatif jeunesse/);
      assert.match(after.pageText, /Livrable 1 : En rédaction/);
      const twice = await p.submit(form, { projet: 'nouveau' });
      assert.equal(twice.status, 409);
      assert.match(twice.pageText, /déjà portée par un projet/);
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM projects WHERE plan_action_id = ${action}`)[0][0], '1');
    }));

    it('exports the actions as CSV and refuses a wrong import line by line, importing nothing', { timeout: TEST_TIMEOUT }, t(async () => {
      const [[a]] = territories;
      const plan = `/programmes/${SLUG}/territoires/${a}/plan`;
      const p = new HttpClient(base);
      await login(p, provider.email, BULK_PASSWORD);
      const csv = await p.get(`${plan}/actions.csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.contentType, /text\/csv/);
      assert.match(csv.text, /Identifiant;Intitulé;Type/);
      const before = queryRows(db.url, `SELECT COUNT(*) FROM plan_actions WHERE territory_id = ${a}`)[0][0];
      const { form } = await p.form(`${plan}/import`, '/plan/import');
      const bad = `${csv.text.trim()}\r\n;Nouvelle action;atelier;1;;;;;;\r\n;;formation;7;;;;;;\r\n`;
      const refused = await p.submit(form, { csv: bad });
      assert.equal(refused.status, 422);
      assert.match(refused.pageText, /type d’action inconnu « atelier »/);
      assert.match(refused.pageText, /l’intitulé est vide/);
      assert.match(refused.pageText, /rien n’a été importé/);
      assert.match(refused.text, /Nouvelle action;atelier/, 'what was pasted is kept');
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM plan_actions WHERE territory_id = ${a}`)[0][0], before);
      const good = `${csv.text.trim()}\r\n;Fête de quartier;projet_phare;2;cooperer;;;;;Avec le comité d’usagers\r\n`;
      const imported = await p.submit(form, { csv: good });
      assert.equal(imported.status, 303, imported.pageText);
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM plan_actions WHERE territory_id = ${a}`)[0][0], String(Number(before) + 1));
      const after = await p.get(imported.locationPath);
      assert.match(after.pageText, /Changements par rapport à la version adoptée/);
      assert.match(after.pageText, /Ajoutée : Fête de quartier/);
    }));

    it('publishes a new grid version; the ANCT starts a diagnostic on the older one, which it keeps', { timeout: TEST_TIMEOUT }, t(async () => {
      const [, [b]] = territories;
      const grid = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data/programmes/grille-savoir-faire-v1.json'), 'utf8'));
      const tmp = await makeTempDir('grille');
      try {
        const file = path.join(tmp.dir, 'grille-v2.json');
        fs.writeFileSync(file, JSON.stringify({ ...grid, version: 2, title: 'Grille de l’agence', default: false }));
        const cli = () => spawnSync(SERVER_BIN, ['load-grid', file, '--db', db.url], { encoding: 'utf8', timeout: 60_000 });
        const loaded = cli();
        assert.equal(loaded.status, 0, loaded.stderr);
        assert.match(loaded.stdout, /version 2 chargée/);
        const again = cli();
        assert.equal(again.status, 2);
        assert.match(again.stderr, /déjà chargée et ne change plus/);
      } finally {
        await tmp.remove();
      }
      const ids = Object.fromEntries(queryRows(db.url, 'SELECT version, id FROM grid_versions'));
      const [anct] = createBulkUsers(db.url, [{ collectiviteId: pickCommunes(db.url, 1, { offset: 3310 })[0],
        fullName: 'Anne ANCT', role: 'organiser' }], { tag: 'progv' });
      const c = new HttpClient(base);
      await login(c, anct.email, BULK_PASSWORD);

      const fresh = await c.get(diagnostic(b));
      assert.equal(fresh.status, 200);
      assert.match(fresh.pageText, /Sera évalué sur la grille des savoir-faire, version 2/);
      assert.match(fresh.text, /<select class="fr-select" id="grille" name="grille">/);
      assert.match(fresh.text, new RegExp(`<option value="${ids['2']}" selected>Version 2 \\(la plus récente\\) – Grille de l’agence`));
      const diagnosticForm = (f) => f.method === 'post' && f.action.endsWith('/diagnostic');
      const { form } = await c.form(`${diagnostic(b)}?grille=${ids['1']}`, diagnosticForm);
      assert.equal(form.fields.grid_version_id, String(ids['1']));
      const criterion = queryRows(db.url, `SELECT MIN(id) FROM grid_criteria WHERE grid_version_id = ${ids['1']}`)[0][0];
      const saved = await c.submit(form, { [`level_${criterion}`]: '2' });
      assert.equal(saved.status, 303, saved.pageText);
      assert.deepEqual(queryRows(db.url, `SELECT grid_version_id FROM assessments WHERE territory_id = ${b} AND year = 0`),
        [[String(ids['1'])]]);

      const started = await c.get(`${diagnostic(b)}?grille=${ids['2']}`);
      assert.match(started.pageText, /Évalué sur la grille des savoir-faire, version 1/, 'started: its version stays');
      assert.doesNotMatch(started.text, /id="grille"/, 'no choice once started');
      assert.match(started.text, new RegExp(`name="grid_version_id" value="${ids['1']}"`));

      const dashboard = await c.get(`/programmes/${SLUG}`);
      assert.match(dashboard.text, /<table id="charge-prestataires"/);
      assert.match(dashboard.pageText, /Charge des prestataires/);
      assert.match(dashboard.pageText, /Cabinet Concertation & Territoires \(démonstration\)/);
      assert.match(dashboard.pageText, /Diagnostic en cours \(1\/15\)\s+v1/);
    }));
  });
}
