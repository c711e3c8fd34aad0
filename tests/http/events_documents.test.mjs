// Badges, the badge sheet, certificates of attendance, the organisers' report and one
// item's .ics over HTTP, on SQLite and on PostgreSQL. The PDFs are read back with
// pdftotext (poppler-utils), as a reader's tool would: the person's name and the titles
// of their workshops must be in them. Others are refused: a badge without a confirmed
// registration, a certificate before check-in, the organisers' documents for participants.
// The certificate also goes by e-mail, attached, once; the confirmation carries the .ics.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HttpClient, makeTempDir, startPostgres, startServer, startSmtpSink, withServerLog } from '../support/harness.mjs';
import { login } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, queryRows } from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 120_000;
const SLUG = 'journees-des-territoires';
const ADMIN = `/admin/evenements/${SLUG}`;

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

// The text of a PDF answer, through pdftotext.
function pdfText(res, dir, name) {
  assert.equal(res.status, 200, res.text.slice(0, 500));
  assert.match(res.contentType, /^application\/pdf/);
  assert.equal(res.body.subarray(0, 5).toString('latin1'), '%PDF-');
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, res.body);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`badges, attestations et bilan — ${backend}`, () => {
    let db;
    let sink;
    let server;
    let base;
    let tmp;
    let people;
    let slot; // { id, workshop, title }
    const t = (fn) => withServerLog(() => server, fn);

    async function signedIn(person) {
      const c = new HttpClient(base);
      await login(c, person.email, BULK_PASSWORD);
      return c;
    }

    async function register(person, choices = {}) {
      const c = await signedIn(person);
      const { form } = await c.form(`/evenements/${SLUG}/inscription`, `/evenements/${SLUG}/inscription`);
      const done = await c.submit(form, {
        organisation: `Structure de ${person.fullName}`, organisation_kind: 'association', function_title: 'Chargée de mission',
        attendance: 'in_person', ...choices,
      });
      assert.equal(done.status, 303, done.pageText);
      return c;
    }

    before(async () => {
      db = await startDb();
      sink = await startSmtpSink();
      server = await startServer({ db: db.url, smtpPort: sink.port });
      base = server.baseUrl;
      tmp = await makeTempDir('pdf');
      const communes = pickCommunes(db.url, 4, { offset: 3300 });
      people = createBulkUsers(db.url, [
        { collectiviteId: communes[0], fullName: 'Capucine Badge' },
        { collectiviteId: communes[1], fullName: 'Denis Sansbadge' },
        { collectiviteId: communes[2], fullName: 'Élise Absente' },
        { collectiviteId: communes[3], fullName: 'Olga Organise', role: 'organiser' },
      ], { tag: 'evtdoc' });
      const [[slotId, workshop, title]] = queryRows(db.url, `SELECT s.id, i.id, i.title FROM event_slots s
        JOIN events e ON e.id = s.event_id JOIN event_items i ON i.slot_id = s.id
        WHERE e.slug = '${SLUG}' ORDER BY s.starts_at, i.position LIMIT 1`);
      slot = { id: slotId, workshop, title };
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

    it('gives a confirmed person a badge with their workshops, and the certificate only once checked in', { timeout: TEST_TIMEOUT }, t(async () => {
      const [capucine, denis, elise, olga] = people;
      const c = await register(capucine, { [`choix_${slot.id}`]: slot.workshop });
      const confirmation = await sink.waitFor((m) => m.to.includes(capucine.email) && /Inscription confirmée/.test(m.subject));
      const calendar = confirmation.parts.find((p) => p.type === 'text/calendar');
      assert.ok(calendar, 'the programme attached to the confirmation');
      assert.equal(calendar.filename, `programme-${SLUG}.ics`);
      assert.match(calendar.text, /BEGIN:VCALENDAR/);
      const page = await c.get(`/evenements/${SLUG}`);
      assert.match(page.text, new RegExp(`href="/evenements/${SLUG}/badge.pdf"`));
      assert.doesNotMatch(page.text, /attestation\.pdf/, 'no certificate link before check-in');

      const badge = pdfText(await c.get(`/evenements/${SLUG}/badge.pdf`), tmp.dir, `badge-${backend}`);
      assert.match(badge, /Capucine Badge/);
      assert.match(badge, /Structure de Capucine Badge/);
      assert.ok(badge.includes(slot.title.replace(/\s+/g, ' ').slice(0, 30)), `${slot.title} in ${badge}`);

      const early = await c.get(`/evenements/${SLUG}/attestation.pdf`);
      assert.equal(early.status, 409);
      assert.match(early.pageText, /n’a pas été pointé·e à l’accueil/);
      assert.doesNotMatch(page.text, /action="\/evenements\/[^"]+\/attestation"/, 'no e-mail button before check-in');
      const { form: cancelForm } = await c.form(`/evenements/${SLUG}`, `/evenements/${SLUG}/annuler`);
      const earlyMail = await c.post(`/evenements/${SLUG}/attestation`, { csrf_token: cancelForm.fields.csrf_token });
      assert.equal(earlyMail.status, 409);
      assert.match(earlyMail.pageText, /n’a pas été pointé·e à l’accueil/);

      // Not registered: no badge, no certificate; anonymous: sent to log in.
      const d = await signedIn(denis);
      const refused = await d.get(`/evenements/${SLUG}/badge.pdf`);
      assert.equal(refused.status, 403);
      assert.match(refused.pageText, /réservé aux personnes dont l’inscription à cet événement est confirmée/);
      assert.equal((await d.get(`/evenements/${SLUG}/attestation.pdf`)).status, 403);
      assert.equal((await new HttpClient(base).get(`/evenements/${SLUG}/badge.pdf`)).status, 303);
      assert.equal((await d.get(`${ADMIN}/badges.pdf`)).status, 403, 'participants do not print the sheet');

      // The desk checks Capucine in; the certificate follows, with her workshop once marked present.
      const [[regId]] = queryRows(db.url, `SELECT r.id FROM event_registrations r JOIN users u ON u.id = r.user_id
        WHERE u.full_name = 'Capucine Badge'`);
      const o = await signedIn(olga);
      const { form } = await o.form(`${ADMIN}/accueil`, (f) => f.inputs.some((i) => i.name === 'billet'));
      assert.equal((await o.submit(form, { billet: '', inscription: String(regId) })).status, 303);
      const presence = await o.form(`${ADMIN}/accueil?q=capucine`, '/accueil/atelier');
      assert.equal((await o.submit(presence.form)).status, 303);
      const after = await c.get(`/evenements/${SLUG}`);
      assert.match(after.text, new RegExp(`href="/evenements/${SLUG}/attestation.pdf"`));
      const certificate = pdfText(await c.get(`/evenements/${SLUG}/attestation.pdf`), tmp.dir, `attestation-${backend}`);
      assert.match(certificate, /Attestation de présence/);
      assert.match(certificate, /Capucine Badge/);
      assert.match(certificate, /Journées des Territoires/);
      assert.ok(certificate.includes(slot.title.replace(/\s+/g, ' ').slice(0, 30)), certificate);
      assert.equal((await d.get(`${ADMIN}/inscriptions/${regId}/attestation.pdf`)).status, 403);

      // By e-mail: the same certificate, attached as a PDF, sent once however often pressed.
      const { form: mailForm } = await c.form(`/evenements/${SLUG}`, `/evenements/${SLUG}/attestation`);
      const mailed = await c.submit(mailForm);
      assert.equal(mailed.status, 303);
      assert.match((await c.follow(mailed)).pageText, /vous est envoyée par courriel, en pièce jointe/);
      const message = await sink.waitFor((m) => m.to.includes(capucine.email) && /attestation de présence/i.test(m.subject));
      const attached = message.parts.find((p) => p.type === 'application/pdf');
      assert.ok(attached, `a PDF part among ${message.parts.map((p) => p.type)}`);
      assert.equal(attached.filename, `attestation-${SLUG}-${regId}.pdf`);
      const mailedText = pdfText({ status: 200, contentType: 'application/pdf', body: attached.bytes, text: '' }, tmp.dir,
        `attestation-mail-${backend}`);
      assert.match(mailedText, /Capucine Badge/);
      const twice = await c.submit(mailForm);
      assert.equal(twice.status, 409);
      assert.match(twice.pageText, /déjà été envoyée à \d{1,2} h/);
      const { form: denisForm } = await d.form(`/evenements/${SLUG}/inscription`, `/evenements/${SLUG}/inscription`);
      const refusedMail = await d.post(`/evenements/${SLUG}/attestation`, { csrf_token: denisForm.fields.csrf_token });
      assert.equal(refusedMail.status, 403, 'not registered: no certificate by e-mail either');
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(sink.messages().filter((m) => m.to.includes(capucine.email) && /attestation de présence/i.test(m.subject)).length, 1);

      // The organisers' sheet: every confirmed person, with their workshop.
      await register(elise);
      const parts = await o.get(`${ADMIN}/badges`);
      assert.equal(parts.status, 200);
      assert.match(parts.pageText, /2 badges de personnes inscrites et confirmées/);
      assert.match(parts.pageText, /badges 1 à 2 : Capucine Badge → Élise Absente/, 'alphabetical, accents aside');
      const part = pdfText(await o.get(`${ADMIN}/badges.pdf?partie=1`), tmp.dir, `partie-${backend}`);
      assert.match(part, /Élise Absente/);
      const missing = await o.get(`${ADMIN}/badges.pdf?partie=2`);
      assert.equal(missing.status, 404);
      assert.match(missing.pageText, /n’a pas de partie « 2 »/);
      assert.equal((await d.get(`${ADMIN}/badges`)).status, 403);
      const sheet = pdfText(await o.get(`${ADMIN}/badges.pdf`), tmp.dir, `planche-${backend}`);
      assert.match(sheet, /Capucine Badge/);
      assert.match(sheet, /Élise Absente/);
      assert.doesNotMatch(sheet, /Denis Sansbadge/);
      const one = pdfText(await o.get(`${ADMIN}/inscriptions/${regId}/badge.pdf`), tmp.dir, `un-badge-${backend}`);
      assert.match(one, /Capucine Badge/);
      const desk = await o.get(`${ADMIN}/accueil?q=capucine`);
      assert.match(desk.text, new RegExp(`href="${ADMIN}/inscriptions/${regId}/attestation.pdf"`));
      assert.ok(queryRows(db.url, `SELECT COUNT(*) FROM audit_log WHERE action = 'event.checkin'`)[0][0] === '1');

      // The report: two confirmed, one came; per workshop; as CSV.
      const report = await o.get(`${ADMIN}/bilan`);
      assert.equal(report.status, 200);
      assert.match(report.pageText, /1 personne accueillie sur 2 inscrit·es confirmé·es/);
      assert.match(report.pageText, /Par région/);
      assert.match(report.pageText, /Par type de territoire/);
      assert.match(report.text, /<th scope="row">Association<\/th><td>2<\/td><td>1<\/td><td>50 %<\/td>/);
      const csv = await o.get(`${ADMIN}/bilan.csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.contentType, /^text\/csv/);
      assert.match(csv.text, /Association;2;1;50 %/);
      assert.ok(csv.text.includes(slot.title), 'the workshop in the CSV');
      assert.equal((await d.get(`${ADMIN}/bilan`)).status, 403);
    }));

    it('offers each item of the programme as its own .ics', { timeout: TEST_TIMEOUT }, t(async () => {
      const visitor = new HttpClient(base);
      const page = await visitor.get(`/evenements/${SLUG}`);
      const href = `/evenements/${SLUG}/programme/${slot.workshop}.ics`;
      assert.ok(page.text.includes(`href="${href}"`), 'a link on the workshop');
      const ics = await visitor.get(href);
      assert.equal(ics.status, 200);
      assert.match(ics.contentType, /^text\/calendar/);
      assert.equal(ics.text.match(/BEGIN:VEVENT/g).length, 1);
      assert.match(ics.text, new RegExp(`UID:event-item-${slot.workshop}@`));
      assert.equal((await visitor.get(`/evenements/${SLUG}/programme/999999.ics`)).status, 404);
      assert.equal((await visitor.get(`/evenements/${SLUG}/programme/abc.ics`)).status, 404);
    }));
  });
}
