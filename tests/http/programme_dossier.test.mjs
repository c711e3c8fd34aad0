// A territory's dossier and the CSV import by file over HTTP, on SQLite and on PostgreSQL.
// Dossier: the evidence files of the territory's diagnostic are listed on the printable
// page (a link with name, format and size) and in the DOCX and PDF (name, format, size and
// full address, the files not embedded), never another territory's; a provider of another
// territory gets 403 on the dossier and on the file. Import: the exported CSV sent back as a
// file (multipart/form-data) gives the same actions; a classeur, a file not in UTF-8 or a
// wrong line is refused in French (line and column named), nothing imported, the pasted
// text kept.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
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

function multipart(fields, files = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const [name, { bytes, filename }] of Object.entries(files)) body.append(name, new Blob([bytes]), filename);
  return body;
}

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`dossier du territoire et import CSV par fichier — ${backend}`, () => {
    let db;
    let server;
    let providerA;
    let providerB;
    let a;
    let b;
    const t = (fn) => withServerLog(() => server, fn);
    const territory = (id) => `/programmes/${SLUG}/territoires/${id}`;

    // Joins a file to the first criterion of a territory's diagnostic, as the form does.
    async function joinEvidence(client, id, filename) {
      const { form } = await client.form(`${territory(id)}/diagnostic`, (f) => f.action.endsWith('/diagnostic'));
      const criterion = Object.keys(form.fields).map((k) => /^evidence_(\d+)$/.exec(k)).find(Boolean)[1];
      const res = await client.request('POST', `${territory(id)}/diagnostic`, {
        body: multipart(form.fields, { [`evidence_file_${criterion}`]: { bytes: PDF, filename } }),
      });
      assert.equal(res.status, 303, res.pageText);
      return queryRows(db.url, `SELECT e.id FROM assessment_evidence_files e JOIN stored_files f ON f.id = e.file_id
        WHERE f.original_name = '${filename}'`)[0][0];
    }

    before(async () => {
      db = await startDb();
      server = await startServer({ db: db.url });
      const communes = pickCommunes(db.url, 2, { offset: 3460 });
      [providerA, providerB] = createBulkUsers(db.url, [
        { collectiviteId: communes[0], fullName: 'Denise Dossier' },
        { collectiviteId: communes[1], fullName: 'Bastien Ailleurs' },
      ], { tag: 'doss' });
      const territories = queryRows(db.url, `SELECT t.id FROM programme_territories t JOIN programmes p
        ON p.id = t.programme_id WHERE p.slug = '${SLUG}' ORDER BY t.id`);
      a = territories[0][0];
      b = territories[1][0];
      const programme = queryRows(db.url, `SELECT id FROM programmes WHERE slug = '${SLUG}'`)[0][0];
      const now = Math.floor(Date.now() / 1000);
      for (const [person, id] of [[providerA, a], [providerB, b]])
        queryRows(db.url, `INSERT INTO programme_members (programme_id, territory_id, email, user_id, role, created_at)
          SELECT ${programme}, ${id}, email, id, 'provider', ${now} FROM users WHERE email = '${person.email}'`);
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

    it('lists the territory’s own evidence files in the dossier, its PDF and DOCX; 403 to another territory’s provider',
      { timeout: TEST_TIMEOUT }, t(async () => {
        const pa = new HttpClient(server.baseUrl);
        await login(pa, providerA.email, BULK_PASSWORD);
        const pb = new HttpClient(server.baseUrl);
        await login(pb, providerB.email, BULK_PASSWORD);
        const fileA = await joinEvidence(pa, a, 'compte-rendu-forum-A.pdf');
        await joinEvidence(pb, b, 'note-confidentielle-B.pdf');
        const href = `${territory(a)}/preuves/${fileA}`;

        const page = await pa.get(`${territory(a)}/dossier`);
        assert.equal(page.status, 200);
        assert.match(page.text, new RegExp(`href="${href}">compte-rendu-forum-A\\.pdf <span class="fr-link__detail">PDF – \\d+ octets</span>`));
        assert.match(page.pageText, /Éléments de preuve du diagnostic/);
        assert.doesNotMatch(page.text, /note-confidentielle-B/);
        assert.equal((await pa.get(href)).status, 200, 'the dossier’s link downloads');

        const tmp = await makeTempDir('dossier');
        try {
          const docx = await pa.get(`${territory(a)}/dossier.docx`);
          assert.equal(docx.status, 200, docx.pageText);
          const docxFile = path.join(tmp.dir, 'dossier.docx');
          fs.writeFileSync(docxFile, docx.body);
          // The text a reader sees: the XML's tags dropped (pandoc may split a sentence into runs).
          const xml = execFileSync('unzip', ['-p', docxFile, 'word/document.xml'], { maxBuffer: 64 << 20 }).toString()
            .replace(/<[^>]+>/g, '');
          assert.match(xml, /compte-rendu-forum-A\.pdf \(PDF – \d+ octets\)/);
          assert.ok(xml.includes(`${server.baseUrl}${href}`), 'the DOCX gives the file’s full address');
          assert.doesNotMatch(xml, /note-confidentielle-B/);

          const pdf = await pa.get(`${territory(a)}/dossier.pdf`);
          assert.equal(pdf.status, 200, pdf.pageText);
          const pdfFile = path.join(tmp.dir, 'dossier.pdf');
          fs.writeFileSync(pdfFile, pdf.body);
          const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-']).toString().replace(/\s+/g, ' ');
          assert.match(text, /compte-rendu-forum-A\.pdf \(PDF – \d+ octets\)/);
          assert.ok(text.replace(/ /g, '').includes(`${server.baseUrl}${href}`), 'the PDF gives the file’s full address');
          assert.doesNotMatch(text, /note-confidentielle-B/);
        } finally {
          await tmp.remove();
        }

        // A provider of another territory: neither the dossier nor the file.
        assert.equal((await pb.get(`${territory(a)}/dossier`)).status, 403);
        assert.equal((await pb.get(`${territory(a)}/dossier.docx`)).status, 403);
        assert.equal((await pb.get(href)).status, 403);
      }));

    it('imports the exported CSV sent as a file, refuses wrong files in French and imports nothing', { timeout: TEST_TIMEOUT }, t(async () => {
      const plan = `${territory(a)}/plan`;
      const p = new HttpClient(server.baseUrl);
      await login(p, providerA.email, BULK_PASSWORD);
      const exported = (await p.get(`${plan}/actions.csv`)).body;
      assert.ok(exported.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'the export starts with a BOM');
      const { res: page, form } = await p.form(`${plan}/import`, '/plan/import');
      assert.match(page.text, /enctype="multipart\/form-data"/);
      assert.match(page.text, /<input class="fr-upload" type="file" id="csv_file" name="csv_file"/);
      const send = (bytes, pasted = '', filename = 'actions.csv') =>
        p.request('POST', `${plan}/import`, { body: multipart({ ...form.fields, csv: pasted }, { csv_file: { bytes, filename } }) });
      const count = () => queryRows(db.url, `SELECT COUNT(*) FROM plan_actions WHERE territory_id = ${a}`)[0][0];
      const before = count();

      // Round trip: the export sent back gives the same actions.
      const same = await send(exported);
      assert.equal(same.status, 303, same.pageText);
      assert.match(same.locationPath, /message=importe&n=\d+/);
      assert.equal(count(), before);
      assert.ok((await p.get(`${plan}/actions.csv`)).body.equals(exported), 'the same actions, exported the same');

      // A classeur rather than a CSV: said under the file field, the pasted text kept, nothing imported.
      const xlsx = await send(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('xl/workbook.xml')]),
        'texte collé gardé', 'actions.xlsx');
      assert.equal(xlsx.status, 422);
      assert.match(xlsx.text, /<p class="fr-error-text" id="csv_file-error">Ce fichier est un classeur \(XLSX, ODS ou XLS\)/);
      assert.match(xlsx.text, />texte collé gardé<\/textarea>/);
      // Saved by a spreadsheet in Windows-1252: the line is named.
      const latin1 = Buffer.concat([exported.subarray(3, exported.indexOf('\n') + 1), Buffer.from(';Caf\xe9 citoyen;formation;1;;;;;;\r\n', 'latin1')]);
      const notUtf8 = await send(latin1);
      assert.equal(notUtf8.status, 422);
      assert.match(notUtf8.pageText, /Ligne 2 : ce fichier n’est pas en UTF-8/);
      // A wrong line: its line and column, nothing imported (the right lines neither).
      const badLine = Buffer.concat([exported, Buffer.from(';Fête de quartier;projet_phare;2;cooperer;;;;;\r\n;Forum;atelier;1;;;;;;\r\n')]);
      const refused = await send(badLine, 'texte collé gardé');
      assert.equal(refused.status, 422);
      assert.match(refused.pageText, /1 ligne est à corriger ; rien n’a été importé/);
      assert.match(refused.pageText, new RegExp(`Ligne ${Number(before) + 3}, colonne C \\(Type\\) : type d’action inconnu « atelier »`));
      assert.match(refused.text, /fr-upload-group--error/);
      assert.match(refused.text, />texte collé gardé<\/textarea>/);
      assert.equal(count(), before);

      // The paste field still works when no file is chosen.
      const pasted = await p.request('POST', `${plan}/import`, {
        body: multipart({ ...form.fields, csv: `${exported.toString().trim()}\r\n;Fête de quartier;projet_phare;2;cooperer;;;;;\r\n` }),
      });
      assert.equal(pasted.status, 303, pasted.pageText);
      assert.equal(count(), String(Number(before) + 1));
    }));
  });
}
