// Evidence files of a territory's diagnostic over HTTP, on SQLite and on PostgreSQL: the
// provider joins a file to an answer from the diagnostic form (multipart/form-data); it
// downloads with its own type, Content-Disposition and nosniff for the territory's readers
// and is refused (403) to another territory's team and to someone outside the programme;
// a file too big gets a French message with the typed answers kept; a forged CSRF token
// is refused.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HttpClient, makeTempDir, startPostgres, startServer, withServerLog } from '../support/harness.mjs';
import { login } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, queryRows } from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 180_000;
const SLUG = 'territoires-engagement';

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

function filesOnDisk(dir) {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).length;
}

// The diagnostic form as a browser sends it with a file: every field, then the file.
function multipart(fields, files = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const [name, { bytes, filename }] of Object.entries(files)) body.append(name, new Blob([bytes]), filename);
  return body;
}

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`preuves du diagnostic en fichiers — ${backend}`, () => {
    let db;
    let server;
    let provider;
    let teamB;
    let outsider;
    let a;
    const t = (fn) => withServerLog(() => server, fn);
    const diagnostic = (id) => `/programmes/${SLUG}/territoires/${id}/diagnostic`;

    before(async () => {
      db = await startDb();
      server = await startServer({ db: db.url });
      const communes = pickCommunes(db.url, 3, { offset: 3400 });
      [provider, teamB, outsider] = createBulkUsers(db.url, [
        { collectiviteId: communes[0], fullName: 'Paula Preuves' },
        { collectiviteId: communes[1], fullName: 'Bruno Voisin' },
        { collectiviteId: communes[2], fullName: 'Olivier Dehors' },
      ], { tag: 'evid' });
      const territories = queryRows(db.url, `SELECT t.id FROM programme_territories t JOIN programmes p
        ON p.id = t.programme_id WHERE p.slug = '${SLUG}' ORDER BY t.id`);
      a = territories[0][0];
      const b = territories[1][0];
      const programme = queryRows(db.url, `SELECT id FROM programmes WHERE slug = '${SLUG}'`)[0][0];
      const now = Math.floor(Date.now() / 1000);
      queryRows(db.url, `INSERT INTO programme_members (programme_id, territory_id, email, user_id, role, created_at)
        SELECT ${programme}, ${a}, email, id, 'provider', ${now} FROM users WHERE email = '${provider.email}'`);
      queryRows(db.url, `INSERT INTO programme_members (programme_id, territory_id, email, user_id, role, created_at)
        SELECT ${programme}, ${b}, email, id, 'territory_team', ${now} FROM users WHERE email = '${teamB.email}'`);
    }, { timeout: SETUP_TIMEOUT });

    after(async () => {
      for (const stop of [() => server?.stop(), () => db?.stop()]) {
        try {
          await stop();
        } catch (e) {
          console.error(`cleanup: ${e.message}`);
        }
      }
    }, { timeout: 60_000 });

    it('joins, serves to the territory only, refuses bad files in French and forged tokens', { timeout: TEST_TIMEOUT }, t(async () => {
      const p = new HttpClient(server.baseUrl);
      await login(p, provider.email, BULK_PASSWORD);
      const { res: page, form } = await p.form(diagnostic(a), (f) => f.action.endsWith('/diagnostic'));
      assert.match(page.text, /enctype="multipart\/form-data"/);
      const criterion = Object.keys(form.fields).map((k) => /^evidence_(\d+)$/.exec(k)).find(Boolean)[1];
      const fileField = `evidence_file_${criterion}`;
      const post = (fields, files) => p.request('POST', diagnostic(a), { body: multipart(fields, files) });

      // Too big: refused beside the criterion's file field, the typed answers kept, nothing stored.
      const typed = { ...form.fields, [`evidence_${criterion}`]: 'Compte rendu du forum citoyen' };
      const big = await post(typed, { [fileField]: { bytes: Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]), filename: 'scan.pdf' } });
      assert.equal(big.status, 422);
      assert.match(big.pageText, /Ce fichier pèse 21 Mo, au-delà de la limite de 20 Mo/);
      assert.match(big.text, new RegExp(`id="${fileField}-error"`));
      assert.match(big.text, /value="Compte rendu du forum citoyen"/, 'typed evidence kept');
      const forged = await post({ ...typed, csrf_token: 'forged' }, { [fileField]: { bytes: PDF, filename: 'forum.pdf' } });
      assert.equal(forged.status, 403);
      assert.deepEqual(queryRows(db.url, 'SELECT COUNT(*) FROM assessment_evidence_files'), [['0']]);
      assert.equal(filesOnDisk(server.filesDir), 0, 'the refused file left nothing on disk');

      const saved = await post(typed, { [fileField]: { bytes: PDF, filename: 'forum citoyen.pdf' } });
      assert.equal(saved.status, 303, saved.pageText);
      const [[evidence]] = queryRows(db.url, 'SELECT id FROM assessment_evidence_files');
      const href = `/programmes/${SLUG}/territoires/${a}/preuves/${evidence}`;
      const after = await p.get(diagnostic(a));
      assert.match(after.text, new RegExp(`href="${href}">forum citoyen\\.pdf <span class="fr-link__detail">PDF – \\d+ octets</span>`));

      const got = await p.get(href);
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('content-type'), 'application/pdf');
      assert.equal(got.headers.get('content-disposition'), `inline; filename="forum citoyen.pdf"; filename*=UTF-8''forum%20citoyen.pdf`);
      assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(got.body.equals(PDF));

      // Another territory's team and someone outside the programme: 403, as for the diagnostic itself.
      for (const person of [teamB, outsider]) {
        const c = new HttpClient(server.baseUrl);
        await login(c, person.email, BULK_PASSWORD);
        assert.equal((await c.get(diagnostic(a))).status, 403, `${person.fullName}: diagnostic`);
        assert.equal((await c.get(href)).status, 403, `${person.fullName}: evidence file`);
      }
      const anonymous = await new HttpClient(server.baseUrl).get(href);
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.locationPath, /^\/compte\/connexion\?suivant=/);

      // Removed with its box ticked.
      const { form: again } = await p.form(diagnostic(a), (f) => f.action.endsWith('/diagnostic'));
      const removed = await post({ ...again.fields, [`remove_evidence_${evidence}`]: '1' });
      assert.equal(removed.status, 303, removed.pageText);
      assert.equal((await p.get(href)).status, 404);
      assert.deepEqual(queryRows(db.url, 'SELECT COUNT(*) FROM stored_files'), [['0']]);
      assert.equal(filesOnDisk(server.filesDir), 0);
    }));
  });
}
