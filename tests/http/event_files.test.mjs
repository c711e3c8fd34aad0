// Documents published as files on an event, over HTTP, on SQLite and on PostgreSQL: an
// organiser uploads from the programme editor (multipart/form-data), anyone who sees the
// event's page downloads with the file's own type, Content-Disposition (inline for a PDF,
// attachment otherwise) and nosniff; a file too big or of a forbidden type gets a French
// message with the typed title kept; a forged CSRF token and a participant are refused;
// withdrawing removes the file from the disk.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HttpClient, makeTempDir, startPostgres, startServer, withServerLog } from '../support/harness.mjs';
import { login } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, queryRows } from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 180_000;
const SLUG = 'journees-des-territoires';
const EDITOR = `/admin/evenements/${SLUG}/programme`;

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

// A ZIP entry stored as is: enough for the content check of an Office Open XML file.
function zipEntry(name, content) {
  const header = Buffer.alloc(30);
  header.write('PK\x03\x04', 0, 'latin1');
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), Buffer.from(content)]);
}
const DOCX = Buffer.concat([zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('word/document.xml', '<w:document/>')]);

function filesOnDisk(dir) {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).length;
}

// POST the editor's file form as a browser does: multipart/form-data.
async function upload(client, csrf, { title, name, bytes, type = 'application/octet-stream' }) {
  const body = new FormData();
  body.append('csrf_token', csrf);
  body.append('title', title);
  body.append('file', new Blob([bytes], { type }), name);
  return client.request('POST', `/admin/evenements/${SLUG}/fichiers`, { body });
}

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`documents d’événement en fichiers — ${backend}`, () => {
    let db;
    let server;
    let ana;
    let olga;
    const t = (fn) => withServerLog(() => server, fn);

    before(async () => {
      db = await startDb();
      server = await startServer({ db: db.url });
      const communes = pickCommunes(db.url, 2, { offset: 3300 });
      [ana, olga] = createBulkUsers(db.url, [
        { collectiviteId: communes[0], fullName: 'Ana Participante' },
        { collectiviteId: communes[1], fullName: 'Olga Documents', role: 'organiser' },
      ], { tag: 'evfiles' });
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

    it('uploads, serves with the right headers, refuses bad files in French and withdraws', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = new HttpClient(server.baseUrl);
      await login(o, olga.email, BULK_PASSWORD);
      const { form } = await o.form(EDITOR, (f) => f.action.endsWith('/fichiers'));
      const csrf = form.fields.csrf_token;
      assert.ok(csrf);
      const editor = await o.get(EDITOR);
      assert.match(editor.text, /enctype="multipart\/form-data"/);
      assert.match(editor.pageText, /Taille maximale : 20 Mo\. Formats acceptés : PDF, ODT, DOCX, ODP, PPTX, PNG ou JPEG\./);

      // A PDF: shown in the browser; a DOCX: always a download.
      const pdf = await upload(o, csrf, { title: 'Synthèse des ateliers', name: 'synthèse 2027.pdf', bytes: PDF, type: 'text/html' });
      assert.equal(pdf.status, 303, pdf.pageText);
      assert.ok(pdf.location.endsWith(`${EDITOR}#documents`), pdf.location);
      const docx = await upload(o, csrf, { title: 'Compte rendu', name: 'compte-rendu.docx', bytes: DOCX });
      assert.equal(docx.status, 303, docx.pageText);
      assert.equal(filesOnDisk(server.filesDir), 2);
      const [[pdfId], [docxId]] = queryRows(db.url, 'SELECT id FROM event_files ORDER BY id');

      const anonymous = new HttpClient(server.baseUrl);
      const page = await anonymous.get(`/evenements/${SLUG}`);
      assert.match(page.text, new RegExp(`href="/evenements/${SLUG}/fichiers/${pdfId}">Synthèse des ateliers <span class="fr-link__detail">PDF – \\d+ octets</span>`));
      assert.match(page.text, new RegExp(`href="/evenements/${SLUG}/fichiers/${docxId}">Compte rendu <span class="fr-link__detail">DOCX – `));
      const got = await anonymous.get(`/evenements/${SLUG}/fichiers/${pdfId}`);
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('content-type'), 'application/pdf', 'the type comes from the content, not from the browser');
      assert.equal(got.headers.get('content-disposition'), `inline; filename="synth_se 2027.pdf"; filename*=UTF-8''synth%C3%A8se%202027.pdf`);
      assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(got.body.equals(PDF));
      const word = await anonymous.get(`/evenements/${SLUG}/fichiers/${docxId}`);
      assert.equal(word.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.match(word.headers.get('content-disposition'), /^attachment; filename="compte-rendu\.docx"/);
      assert.equal(word.headers.get('x-content-type-options'), 'nosniff');
      assert.equal((await anonymous.get(`/evenements/${SLUG}/fichiers/999999`)).status, 404);

      // Too big, of a forbidden type, no file: French messages, the title kept, nothing stored.
      const big = await upload(o, csrf, { title: 'Vidéo de la plénière', name: 'pleniere.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]) });
      assert.equal(big.status, 422);
      assert.match(big.pageText, /Ce fichier pèse 21 Mo, au-delà de la limite de 20 Mo/);
      assert.match(big.text, /value="Vidéo de la plénière"/, 'typed title kept');
      const html = await upload(o, csrf, { title: 'Programme', name: 'programme.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>'), type: 'application/pdf' });
      assert.equal(html.status, 422);
      assert.match(html.pageText, /n’est pas d’un format accepté/);
      assert.match(html.text, /value="Programme"/);
      const none = await upload(o, csrf, { title: 'Rien', name: '', bytes: Buffer.alloc(0) });
      assert.equal(none.status, 422);
      assert.match(none.pageText, /Choisissez un fichier à envoyer/);
      // Past what a form with a file may weigh: refused before reading, in French.
      const huge = await upload(o, csrf, { title: 'Énorme', name: 'enorme.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024)]) });
      assert.equal(huge.status, 413);
      assert.match(huge.pageText, /dépasse la taille maximale acceptée \(20 Mo\)/);

      // A forged CSRF token and a participant are refused.
      const forged = await upload(o, 'forged', { title: 'Faux', name: 'faux.pdf', bytes: PDF });
      assert.equal(forged.status, 403);
      assert.match(forged.pageText, /ce formulaire a expiré ou n'a pas été envoyé depuis ce site/);
      const a = new HttpClient(server.baseUrl);
      await login(a, ana.email, BULK_PASSWORD);
      const { form: anaForm } = await a.form(`/evenements/${SLUG}`, (f) => f.fields.csrf_token !== undefined);
      assert.equal((await upload(a, anaForm.fields.csrf_token, { title: 'Intrus', name: 'x.pdf', bytes: PDF })).status, 403);
      assert.deepEqual(queryRows(db.url, 'SELECT COUNT(*) FROM stored_files'), [['2']]);
      assert.equal(filesOnDisk(server.filesDir), 2);

      // Withdrawn: gone from the page, the disk and the tables.
      const withdraw = await o.form(EDITOR, (f) => f.action.endsWith(`/fichiers/${pdfId}/retirer`));
      assert.equal((await o.submit(withdraw.form)).status, 303);
      assert.equal((await anonymous.get(`/evenements/${SLUG}/fichiers/${pdfId}`)).status, 404);
      assert.equal(filesOnDisk(server.filesDir), 1);
      assert.deepEqual(queryRows(db.url, 'SELECT COUNT(*) FROM stored_files'), [['1']]);
      assert.deepEqual(queryRows(db.url, "SELECT COUNT(*) FROM audit_log WHERE action = 'event.document' AND details LIKE 'Fichier%'"), [['3']]);
    }));
  });
}
