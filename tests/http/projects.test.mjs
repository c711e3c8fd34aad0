// Projects over HTTP, on SQLite and on PostgreSQL, on the Tarn demonstration project:
// exports (the DOCX package holds every question, the PDF renders them: unzip and
// pdftotext read them as a reader's tools would), rights (another territory, an advisor
// writing, a team member reviewing: French message, nothing changed), bad input (an
// over-long answer kept in the form, a stage not open, a self link, an impossible date,
// an empty value session), the stakeholder map (SVG with role img, the four fantastiques
// warning), the cooperation log, the value comparison and the agency's follow-up.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { HttpClient, makeTempDir, startPostgres, startServer, startSmtpSink, withServerLog } from '../support/harness.mjs';
import { login } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, queryRows } from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 120_000;

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

// What a reader sees: tags dropped, entities decoded, typographic apostrophes and spaces
// folded, whitespace collapsed (a question may wrap over two lines of the PDF).
const fold = (s) => s
  .replace(/<[^>]+>/g, '')
  .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;|&#39;/g, "'")
  .replace(/[’‘]/g, "'").replace(/[\u00a0\u202f]/g, ' ').replace(/ﬁ/g, 'fi').replace(/ﬂ/g, 'fl')
  .replace(/\s+/g, ' ');

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`projects — ${backend}`, () => {
    let db;
    let sink;
    let server;
    let base;
    let tmp;
    let olga;
    let ana;
    let bea;
    let otto;
    let project;
    let questions; // [[deliverable, text]]
    const t = (fn) => withServerLog(() => server, fn);
    const as = async (user) => {
      const c = new HttpClient(base, { timeoutMs: 90_000 });
      await login(c, user.email, BULK_PASSWORD);
      return c;
    };
    const count = (table) => Number(queryRows(db.url, `SELECT COUNT(*) FROM ${table} WHERE project_id = ${project}`)[0][0]);

    before(async () => {
      db = await startDb();
      sink = await startSmtpSink();
      server = await startServer({ db: db.url, smtpPort: sink.port });
      base = server.baseUrl;
      tmp = await makeTempDir('projects-export');
      const communes = pickCommunes(db.url, 4, { offset: 2600 });
      [olga, ana, bea, otto] = createBulkUsers(db.url, [
        { collectiviteId: communes[0], fullName: 'Olga Organisatrice', role: 'organiser' },
        { collectiviteId: communes[1], fullName: 'Ana Autrice' },
        { collectiviteId: communes[2], fullName: 'Béa Accompagnatrice' },
        { collectiviteId: communes[3], fullName: 'Otto Ailleurs' },
      ], { tag: 'projh' });
      project = queryRows(db.url, 'SELECT id FROM projects WHERE demo = 1')[0][0];
      questions = queryRows(db.url, "SELECT deliverable, text FROM deliverable_questions WHERE question_set = 'livrables-v1' ORDER BY deliverable, position");
      assert.equal(questions.length, 13);
      const o = await as(olga);
      for (const [user, role] of [[ana, 'team'], [bea, 'advisor']]) {
        const { form } = await o.form(`/projets/${project}`, '/membres');
        const added = await o.submit(form, { email: user.email, role });
        assert.equal(added.status, 303, added.pageText);
      }
    }, { timeout: SETUP_TIMEOUT });

    after(async () => {
      for (const stop of [() => server?.stop(), () => sink?.stop(), () => db?.stop(), () => tmp?.remove()]) {
        try {
          await stop();
        } catch (e) {
          console.error(`cleanup: ${e.message}`);
        }
      }
    }, { timeout: 60_000 });

    it('exports the project file as a Word package holding every question and the actors', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = await as(ana);
      const res = await c.get(`/projets/${project}/export.docx`);
      assert.equal(res.status, 200, res.pageText);
      assert.equal(res.contentType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.match(res.headers.get('content-disposition'), /attachment; filename="management-des-organisations-par-la-cooperation-dossier\.docx"/);
      const file = path.join(tmp.dir, `dossier-${backend}.docx`);
      writeFileSync(file, res.body);
      const parts = execFileSync('unzip', ['-Z1', file]).toString();
      assert.match(parts, /\[Content_Types\]\.xml/);
      assert.match(parts, /word\/document\.xml/);
      const body = fold(execFileSync('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 64 << 20 }).toString());
      for (const [, q] of questions) assert.ok(body.includes(fold(q)), `question missing from the DOCX: ${q}`);
      assert.ok(body.includes(fold('Les deux visions du Pôle sont bien posées')), 'the advisor’s comment');
      assert.ok(body.includes('Groupe des agents et chargés de mission'), 'the actors');
      assert.ok(body.includes('Raconter la coopération'), 'the cooperation log');
      assert.ok(body.includes('La valeur créée'), 'the value sessions');
    }));

    it('exports a deliverable as a PDF whose text holds its questions and comments', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = await as(bea);
      const res = await c.get(`/projets/${project}/livrables/1/export.pdf`);
      assert.equal(res.status, 200, res.pageText);
      assert.equal(res.contentType, 'application/pdf');
      assert.equal(res.body.subarray(0, 5).toString(), '%PDF-');
      const file = path.join(tmp.dir, `livrable-${backend}.pdf`);
      writeFileSync(file, res.body);
      const text = fold(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString());
      for (const [deliverable, q] of questions)
        if (Number(deliverable) === 1) assert.ok(text.includes(fold(q)), `question missing from the PDF: ${q}`);
      assert.ok(text.includes(fold('Les deux visions du Pôle sont bien posées')), text.slice(0, 400));
      assert.ok(!text.includes(fold(questions.find(([d]) => Number(d) === 3)[1])), 'only deliverable 1');
      const locked = await c.get(`/projets/${project}/livrables/9/export.pdf`);
      assert.equal(locked.status, 404);
    }));

    it('keeps projects, their exports and their map to the people of the project', { timeout: TEST_TIMEOUT }, t(async () => {
      const stranger = await as(otto);
      for (const p of ['', '/export.docx', '/livrables/1/export.pdf', '/acteurs', '/cooperation', '/valeur']) {
        const res = await stranger.get(`/projets/${project}${p}`);
        assert.equal(res.status, 403, `${p}: ${res.status}`);
        assert.match(res.pageText, /Vous n’avez pas accès à ce projet/);
      }
      assert.equal((await stranger.get('/projets/suivi')).status, 403);
      const anonymous = await new HttpClient(base).get(`/projets/${project}/export.pdf`);
      assert.equal(anonymous.status, 303);
      const o = await as(olga);
      const follow = await o.get('/projets/suivi');
      assert.equal(follow.status, 200);
      assert.match(follow.pageText, /Note de cadrage/);
      assert.match(follow.pageText, /Management des organisations par la coopération/);
      assert.match(follow.pageText, /Au complet/);
    }));

    it('answers projects over the API with the pages’ rights', { timeout: TEST_TIMEOUT }, t(async () => {
      // Every answer is also checked against docs/openapi.json by the HttpClient.
      const c = new HttpClient(base);
      const bearer = (user) => ({ headers: { authorization: `Bearer ${user.token}` } });
      assert.equal((await c.get('/api/v1/projects')).status, 401, 'no caller');
      assert.equal((await c.get(`/api/v1/projects/${project}`)).status, 401);
      const mine = await c.get('/api/v1/projects', bearer(ana));
      assert.equal(mine.status, 200);
      const listed = mine.json().projects.find((p) => String(p.id) === String(project));
      assert.ok(listed, 'a team member sees the project');
      assert.equal(listed.deliverables.length, 3);
      assert.ok(listed.deliverables.every((d) => d.state && d.state_label));
      const file = await c.get(`/api/v1/projects/${project}`, bearer(bea));
      assert.equal(file.status, 200);
      const body = file.json();
      assert.deepEqual(body.deliverables.map((d) => d.number), [1, 2, 3]);
      assert.ok(body.members.some((m) => m.name === 'Ana Autrice' && m.role === 'team'));
      assert.ok(body.members.some((m) => m.name === 'Béa Accompagnatrice' && m.role === 'advisor'));
      assert.equal(body.current_deliverable === null || [1, 2, 3].includes(body.current_deliverable), true);
      // The page's rule: another territory's account neither lists nor opens it.
      const other = await c.get('/api/v1/projects', bearer(otto));
      assert.equal(other.status, 200);
      assert.ok(!other.json().projects.some((p) => String(p.id) === String(project)));
      const refused = await c.get(`/api/v1/projects/${project}`, bearer(otto));
      assert.equal(refused.status, 403);
      assert.equal(refused.json().error, 'Vous n’avez pas accès à ce projet.');
      assert.equal((await c.get('/api/v1/projects/999999', bearer(olga))).status, 404);
      assert.equal((await c.get('/api/v1/projects/abc', bearer(olga))).status, 404);
      // A session reads too (same rights as a token).
      const session = await as(ana);
      assert.equal((await session.get(`/api/v1/projects/${project}`)).status, 200);
      assert.equal((await session.request('DELETE', `/api/v1/projects/${project}`)).status, 405);
    }));

    it('refuses an over-long answer, a stage not open and a review without the right, losing nothing', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = await as(ana);
      const page = `/projets/${project}/livrables/2`;
      const { form } = await c.form(page, /\/reponses\/\d+$/);
      const before = queryRows(db.url, 'SELECT COUNT(*), COALESCE(SUM(version), 0) FROM deliverable_answers');
      const long = `Début ${'é'.repeat(20_001)} fin`;
      const tooLong = await c.submit(form, { answer: long });
      assert.equal(tooLong.status, 422);
      assert.match(tooLong.pageText, /dépasse 20000 caractères/);
      assert.ok(tooLong.text.includes(long), 'the text is kept in the field');
      assert.deepEqual(queryRows(db.url, 'SELECT COUNT(*), COALESCE(SUM(version), 0) FROM deliverable_answers'), before);

      const states = () => queryRows(db.url, `SELECT number, state FROM project_deliverables WHERE project_id = ${project} ORDER BY number`);
      const statesBefore = states();
      const { form: submit } = await c.form(page, '/soumettre');
      const notOpen = await c.post(`/projets/${project}/livrables/3/soumettre`, { csrf_token: submit.fields.csrf_token });
      assert.equal(notOpen.status, 409, notOpen.pageText);
      assert.match(notOpen.pageText, /pas encore ouvert|précédent/i);
      const review = await c.post(`${page}/avis`, { csrf_token: submit.fields.csrf_token, decision: 'valide' });
      assert.equal(review.status, 403);
      assert.match(review.pageText, /accompagnat|relecture|avis/i);
      assert.deepEqual(states(), statesBefore);

      const adv = await as(bea);
      const token = (await adv.form(`/projets/${project}`, (f) => 'csrf_token' in f.fields)).form.fields.csrf_token;
      const actorsBefore = count('project_actors');
      const write = await adv.post(`/projets/${project}/acteurs`, { csrf_token: token, name: 'Intrus', kind: 'person', category: 'elu', actant: '', influence: '1', interest: '1', stance: 'neutre' });
      assert.equal(write.status, 403);
      assert.match(write.pageText, /Seule l’équipe du territoire/);
      assert.equal(count('project_actors'), actorsBefore);
    }));

    it('edits the stakeholder map with forms: bad input in French, the four fantastiques warning', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = await as(ana);
      const map = `/projets/${project}/acteurs`;
      const first = await c.get(map);
      assert.equal(first.status, 200);
      assert.match(first.text, /<svg[^>]*role="img"[^>]*aria-labelledby="carte-titre carte-desc"/);
      assert.match(first.text, /<title id="carte-titre">/);
      assert.match(first.pageText, /Les « 4 fantastiques » sont autour de la table/);
      assert.equal((first.text.match(/class="acteur"/g) ?? []).length, count('project_actors'));
      assert.equal((first.text.match(/class="lien"/g) ?? []).length, count('project_actor_links'));

      const { form } = await c.form(map, /\/acteurs$/);
      const actorsBefore = count('project_actors');
      const bad = await c.submit(form, { name: '  ', influence: '7', notes: 'Mes notes à garder' });
      assert.equal(bad.status, 422);
      assert.match(bad.pageText, /Donnez le nom de l’acteur/);
      assert.match(bad.pageText, /L’influence se note de 1 \(faible\) à 3 \(forte\)/);
      assert.match(bad.text, />Mes notes à garder<\/textarea>/);
      assert.equal(count('project_actors'), actorsBefore);
      const ok = await c.submit(form, { name: 'Maison France Services', kind: 'organisation', category: 'autre', actant: 'adjuvant', influence: '1', interest: '2', stance: 'soutien' });
      assert.equal(ok.status, 303, ok.pageText);
      assert.equal(count('project_actors'), actorsBefore + 1);

      const [[state]] = queryRows(db.url, `SELECT id FROM project_actors WHERE project_id = ${project} AND category = 'etat_territorial'`);
      const [[agents]] = queryRows(db.url, `SELECT id FROM project_actors WHERE project_id = ${project} AND actant = 'sujet'`);
      const { form: link } = await c.form(map, /\/liens$/);
      const self = await c.submit(link, { from: agents, to: agents, kind: 'influence', step: '' });
      assert.equal(self.status, 422);
      assert.match(self.pageText, /Un lien relie deux acteurs différents/);
      const noStep = await c.submit(link, { from: agents, to: state, kind: 'action', step: '' });
      assert.equal(noStep.status, 422);
      assert.match(noStep.pageText, /Donnez l’ordre de l’action/);
      const linked = await c.submit(link, { from: agents, to: state, kind: 'action', step: '3', label: 'Présenter le protocole' });
      assert.equal(linked.status, 303, linked.pageText);

      const moved = await c.post(`${map}/${agents}/position`, { csrf_token: form.fields.csrf_token, x: '40', y: '1200' });
      assert.equal(moved.status, 303);
      assert.deepEqual(queryRows(db.url, `SELECT x, y FROM project_actors WHERE id = ${agents}`), [['40', '1200']]);
      const badMove = await c.post(`${map}/${agents}/position`, { csrf_token: form.fields.csrf_token, x: '-4', y: 'abc' });
      assert.equal(badMove.status, 422);

      const removed = await c.post(`${map}/${state}/supprimer`, { csrf_token: form.fields.csrf_token });
      assert.equal(removed.status, 303);
      const after = await c.get(map);
      assert.match(after.pageText, /Il manque 1 des « 4 fantastiques »/);
      assert.match(after.pageText, /Il manque : État territorial/);
      const file = await c.get(`/projets/${project}`);
      assert.match(file.pageText, /Il manque des « 4 fantastiques ».*État territorial/);
    }));

    it('records the cooperation log and value sessions, refusing an impossible date or an empty session', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = await as(ana);
      const log = `/projets/${project}/cooperation`;
      const { form } = await c.form(log, /\/cooperation$/);
      const entries = count('project_cooperation_log');
      const badDate = await c.submit(form, { happened_on: '31/02/2025', kind: 'differend', title: 'Un différend', body: 'Récit à garder' });
      assert.equal(badDate.status, 422);
      assert.match(badDate.pageText, /Saisissez la date du moment/);
      assert.match(badDate.text, />Récit à garder<\/textarea>/);
      assert.equal(count('project_cooperation_log'), entries);
      const ok = await c.submit(form, { happened_on: '2024-01-18', kind: 'differend', title: 'Les DGS et les agents en désaccord', body: 'Mis au travail en groupe de pairs.' });
      assert.equal(ok.status, 303, ok.pageText);
      const shown = await c.get(log);
      assert.match(shown.pageText, /jeudi 18 janvier 2024/);
      assert.match(shown.pageText, /Différend mis au travail/);

      const value = `/projets/${project}/valeur`;
      const { form: session } = await c.form(value, /\/valeur$/);
      const sessions = count('project_value_sessions');
      const empty = await c.submit(session, { held_on: '2024-06-01', participants: 'Équipe' });
      assert.equal(empty.status, 422);
      assert.match(empty.pageText, /Renseignez au moins une dimension/);
      assert.equal(count('project_value_sessions'), sessions);
      const done = await c.submit(session, { held_on: '2024-06-01', participants: 'Équipe, élus, DGS',
        cooperation_observed: 'Un espace DGS qui tient', cooperation_indicator: 'Groupes de pairs inter-EPCI actifs', cooperation_value: '8',
        conclusions: 'Élargir aux offices de tourisme.' });
      assert.equal(done.status, 303, done.pageText);
      const compared = await c.get(value);
      assert.match(compared.pageText, /D’une séance à l’autre/);
      assert.match(compared.pageText, /Groupes de pairs inter-EPCI actifs : 6/);
      assert.match(compared.pageText, /Groupes de pairs inter-EPCI actifs : 8/);
      assert.match(compared.pageText, /Non abordée/);
    }));
  });
}
