// The organisers' programme editor over HTTP, on SQLite and on PostgreSQL: create an event,
// slots, items and speakers from the forms; refusals in French per field with what was typed
// kept; a missing CSRF token and a non-organiser refused; duplicate with shifted dates;
// e-mail to one workshop's registrants, sent once even when the form is submitted twice.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { HttpClient, makeTempDir, startPostgres, startServer, withServerLog } from '../support/harness.mjs';
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

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`éditeur d’événements — ${backend}`, () => {
    let db;
    let server;
    let ana;
    let olga;
    const t = (fn) => withServerLog(() => server, fn);

    before(async () => {
      db = await startDb();
      server = await startServer({ db: db.url });
      const communes = pickCommunes(db.url, 2, { offset: 3200 });
      [ana, olga] = createBulkUsers(db.url, [
        { collectiviteId: communes[0], fullName: 'Ana Éditrice' },
        { collectiviteId: communes[1], fullName: 'Olga Programme', role: 'organiser' },
      ], { tag: 'evted' });
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

    it('creates an event and builds its programme, refusing bad input per field with what was typed kept', { timeout: TEST_TIMEOUT }, t(async () => {
      const a = new HttpClient(server.baseUrl);
      await login(a, ana.email, BULK_PASSWORD);
      assert.equal((await a.get('/admin/evenements/nouveau')).status, 403);
      assert.equal((await a.get('/admin/evenements/journees-des-territoires/programme')).status, 403);

      const o = new HttpClient(server.baseUrl);
      await login(o, olga.email, BULK_PASSWORD);
      const { form } = await o.form('/admin/evenements/nouveau', '/admin/evenements/nouveau');
      const good = {
        title: 'Rencontres des tiers-lieux 2027', kind: 'rencontre', start_date: '14/10/2027', start_time: '9:30',
        end_date: '15/10/2027', end_time: '16h', venue: 'La Cité fertile', address: 'Pantin', capacity: '120',
        organisers: 'ANCT',
      };
      const noCsrf = await o.post('/admin/evenements/nouveau', { ...good });
      assert.equal(noCsrf.status, 403, 'no CSRF token');
      const bad = await o.submit(form, { ...good, kind: '', end_date: '13/10/2027', capacity: 'cent vingt' });
      assert.equal(bad.status, 422);
      assert.match(bad.pageText, /Choisissez le type d’événement/);
      assert.match(bad.pageText, /L’événement doit finir après son début/);
      assert.match(bad.pageText, /nombre entier entre 1 et 100 000/);
      assert.match(bad.text, /value="Rencontres des tiers-lieux 2027"/, 'typed title kept');
      assert.match(bad.text, /value="La Cité fertile"/, 'typed venue kept');
      assert.match(bad.text, /value="cent vingt"/, 'typed capacity kept');
      assert.deepEqual(queryRows(db.url, "SELECT COUNT(*) FROM events WHERE slug LIKE 'rencontres-des-tiers%'"), [['0']]);
      const created = await o.submit(form, good);
      assert.equal(created.status, 303, created.pageText);
      const slug = 'rencontres-des-tiers-lieux-2027';
      assert.equal(created.locationPath, `/admin/evenements/${slug}/programme`);

      // A slot, then an overlapping one refused with its typed values kept.
      let page = await o.form(`/admin/evenements/${slug}/programme`, '/programme/creneaux');
      const slot = await o.submit(page.form, { title: 'Ateliers du matin', day: '15/10/2027', start_time: '9:30', end_time: '11:00' });
      assert.equal(slot.status, 303, slot.pageText);
      page = await o.form(`/admin/evenements/${slug}/programme`, (f) => f.action.endsWith('/programme/creneaux'));
      const overlap = await o.submit(page.form, { title: 'Ateliers bis', day: '15/10/2027', start_time: '10:30', end_time: '12:00' });
      assert.equal(overlap.status, 422);
      assert.match(overlap.pageText, /chevauche le créneau « Ateliers du matin »/);
      assert.match(overlap.text, /value="Ateliers bis"/);
      const [[slotId]] = queryRows(db.url, `SELECT s.id FROM event_slots s JOIN events e ON e.id = s.event_id WHERE e.slug = '${slug}'`);

      // A workshop in that slot, one on the wrong day refused, a plenary round table.
      page = await o.form(`/admin/evenements/${slug}/programme`, (f) => f.action.endsWith('/programme/interventions'));
      const wrongDay = await o.submit(page.form, { kind: 'workshop', title: 'Financer un tiers-lieu', slot_id: slotId, day: '14/10/2027', capacity: '25' });
      assert.equal(wrongDay.status, 422);
      assert.match(wrongDay.pageText, /a lieu le vendredi 15 octobre 2027, pas le jour indiqué/);
      assert.match(wrongDay.text, /value="Financer un tiers-lieu"/);
      const workshop = await o.submit(page.form, { kind: 'workshop', title: 'Financer un tiers-lieu', slot_id: slotId, day: '', start_time: '', capacity: '25' });
      assert.equal(workshop.status, 303, workshop.pageText);
      const table = await o.submit(page.form, { kind: 'round_table', title: 'Les tiers-lieux se racontent', slot_id: '', day: '14/10/2027', start_time: '14:00', end_time: '15:30', room: 'Grande halle' });
      assert.equal(table.status, 303, table.pageText);
      const [[tableId]] = queryRows(db.url, "SELECT id FROM event_items WHERE title = 'Les tiers-lieux se racontent'");

      // A moderator added as a new speaker.
      page = await o.form(`/admin/evenements/${slug}/programme`, `/programme/interventions/${tableId}/intervenants`);
      const noName = await o.submit(page.form, { speaker_id: '', full_name: '', organisation: 'UNADEL', role: 'moderator' });
      assert.equal(noName.status, 422);
      assert.match(noName.pageText, /indiquez son nom/);
      assert.match(noName.text, /value="UNADEL"/);
      const moderator = await o.submit(page.form, { speaker_id: '', full_name: 'Claude Grivel', organisation: 'UNADEL', role: 'moderator' });
      assert.equal(moderator.status, 303, moderator.pageText);
      const editor = await o.get(`/admin/evenements/${slug}/programme`);
      assert.match(editor.pageText, /Animation : Claude Grivel \(UNADEL\)/);
      assert.deepEqual(queryRows(db.url, `SELECT COUNT(*) FROM audit_log WHERE target = 'event:${slug}' AND action IN ('event.create', 'event.programme')`), [['5']]);

      // A document published after the event, shown on its public page; a script address refused.
      page = await o.form(`/admin/evenements/${slug}/programme`, (f) => f.action.endsWith('/documents'));
      const script = await o.submit(page.form, { title: 'Synthèse', url: 'javascript:alert(1)' });
      assert.equal(script.status, 422);
      assert.match(script.pageText, /commençant par https:\/\//);
      assert.match(script.text, /value="Synthèse"/);
      const doc = await o.submit(page.form, { title: 'Synthèse', url: 'https://www.example.fr/synthese.pdf' });
      assert.equal(doc.status, 303, doc.pageText);

      // Duplicate a year later, same weekday: unpublished, programme copied.
      page = await o.form(`/admin/evenements/${slug}/programme`, '/dupliquer');
      const badShift = await o.submit(page.form, { title: 'Rencontres des tiers-lieux 2028', slug: '', days: 'un an' });
      assert.equal(badShift.status, 422);
      assert.match(badShift.pageText, /de combien de jours décaler/);
      assert.match(badShift.text, /value="Rencontres des tiers-lieux 2028"/);
      const copy = await o.submit(page.form, { title: 'Rencontres des tiers-lieux 2028', slug: '', days: '364' });
      assert.equal(copy.status, 303, copy.pageText);
      assert.equal(copy.locationPath, '/admin/evenements/rencontres-des-tiers-lieux-2028/programme');
      const copied = await o.get(copy.locationPath);
      assert.match(copied.pageText, /Financer un tiers-lieu/);
      assert.match(copied.pageText, /vendredi 13 octobre 2028/);
      assert.deepEqual(queryRows(db.url, "SELECT published FROM events WHERE slug = 'rencontres-des-tiers-lieux-2028'"), [['0']]);
      const pub = await o.form(`/admin/evenements/${slug}`, '/publier');
      assert.equal((await o.submit(pub.form)).status, 303);
      const publicPage = await new HttpClient(server.baseUrl).get(`/evenements/${slug}`);
      assert.match(publicPage.pageText, /Documents/);
      assert.match(publicPage.text, /href="https:\/\/www\.example\.fr\/synthese\.pdf"/);
    }));

    it('e-mails the registrants of one workshop once, with the count shown before sending', { timeout: TEST_TIMEOUT }, t(async () => {
      const SLUG = 'journees-des-territoires';
      const a = new HttpClient(server.baseUrl);
      await login(a, ana.email, BULK_PASSWORD);
      const [[slotId, workshopId]] = queryRows(db.url, `SELECT s.id, i.id FROM event_slots s JOIN events e ON e.id = s.event_id
        JOIN event_items i ON i.slot_id = s.id WHERE e.slug = '${SLUG}' ORDER BY s.starts_at, i.position LIMIT 1`);
      const reg = await a.form(`/evenements/${SLUG}/inscription`, `/evenements/${SLUG}/inscription`);
      const joined = await a.submit(reg.form, {
        organisation: 'Commune de Pélussin', organisation_kind: 'collectivite', function_title: 'DGS', attendance: 'in_person',
        [`choix_${slotId}`]: workshopId,
      });
      assert.equal(joined.status, 303, joined.pageText);
      assert.equal((await a.get(`/admin/evenements/${SLUG}/email`)).status, 403);

      const o = new HttpClient(server.baseUrl);
      await login(o, olga.email, BULK_PASSWORD);
      const { form, res } = await o.form(`/admin/evenements/${SLUG}/email`, '/email');
      assert.match(res.pageText, /1 personne : Tous les inscrit·es confirmé·es/);
      const noCsrf = await o.post(`/admin/evenements/${SLUG}/email`, { ...form.fields, csrf_token: undefined, audience: 'inscrits', subject: 'x', body: 'y' });
      assert.equal(noCsrf.status, 403);
      const empty = await o.submit(form, { audience: `atelier-${workshopId}`, subject: '', body: 'Rendez-vous salle 4.' });
      assert.equal(empty.status, 422);
      assert.match(empty.pageText, /Donnez un objet à l’e-mail/);
      assert.match(empty.text, /Rendez-vous salle 4\./, 'typed text kept');
      const outboxBefore = Number(queryRows(db.url, 'SELECT COUNT(*) FROM outbox')[0][0]);
      const fields = { audience: `atelier-${workshopId}`, subject: 'Changement de salle', body: 'Rendez-vous salle 4.' };
      const sent = await o.submit(form, fields);
      assert.equal(sent.status, 303, sent.pageText);
      assert.match(sent.locationPath, /envoye=1$/);
      const twice = await o.submit(form, fields);
      assert.equal(twice.status, 303);
      assert.match(twice.locationPath, /deja=1$/);
      assert.match((await o.get(twice.locationPath)).pageText, /avait déjà été envoyé à 1 personne/);
      assert.deepEqual(queryRows(db.url, "SELECT COUNT(*) FROM outbox WHERE subject = 'Changement de salle'"), [['1']]);
      assert.equal(Number(queryRows(db.url, 'SELECT COUNT(*) FROM outbox')[0][0]), outboxBefore + 1);
      assert.deepEqual(queryRows(db.url, "SELECT COUNT(*) FROM audit_log WHERE action = 'event.mailing'"), [['1']]);
    }));

    // After the previous test: Ana holds a seat in the first workshop of the seed's first slot.
    it('deletes an item or a slot after a confirmation, refused with the count while someone holds a place', { timeout: TEST_TIMEOUT }, t(async () => {
      const SLUG = 'journees-des-territoires';
      const base = `/admin/evenements/${SLUG}/programme`;
      const [[slotId, workshopId]] = queryRows(db.url, `SELECT c.slot_id, c.item_id FROM event_choices c
        JOIN event_registrations r ON r.id = c.registration_id JOIN events e ON e.id = r.event_id
        WHERE e.slug = '${SLUG}' AND c.status = 'held' ORDER BY c.id LIMIT 1`);
      const a = new HttpClient(server.baseUrl);
      await login(a, ana.email, BULK_PASSWORD);
      assert.equal((await a.get(`${base}/interventions/${workshopId}/supprimer`)).status, 403);

      const o = new HttpClient(server.baseUrl);
      await login(o, olga.email, BULK_PASSWORD);
      const editor = await o.get(base);
      assert.match(editor.text, new RegExp(`href="${base}/creneaux/${slotId}/supprimer"`));
      // The workshop and its slot: no button, the reason with the count.
      const held = await o.get(`${base}/interventions/${workshopId}/supprimer`);
      assert.equal(held.status, 200);
      assert.match(held.pageText, /Cet atelier ne peut pas être supprimé : 1 personne y a une place\./);
      assert.doesNotMatch(held.pageText, /Supprimer définitivement/);
      const slotPage = await o.get(`${base}/creneaux/${slotId}/supprimer`);
      assert.match(slotPage.pageText, /Ses ateliers seront supprimés avec lui/);
      assert.match(slotPage.pageText, /Ce créneau ne peut pas être supprimé : 1 personne y a une place/);
      const { form: editForm } = await o.form(base, `/programme/interventions/${workshopId}`);
      const forced = await o.post(`${base}/interventions/${workshopId}/supprimer`, { csrf_token: editForm.fields.csrf_token });
      assert.equal(forced.status, 409);
      assert.match(forced.pageText, /1 personne y a une place/);
      const noCsrf = await o.post(`${base}/interventions/${workshopId}/supprimer`, {});
      assert.equal(noCsrf.status, 403);
      assert.deepEqual(queryRows(db.url, `SELECT COUNT(*) FROM event_items WHERE id = ${workshopId}`), [['1']]);

      // A plenary item: confirmed, deleted, journalled; gone from the editor and the public page.
      const [[itemId, title]] = queryRows(db.url, `SELECT i.id, i.title FROM event_items i JOIN events e ON e.id = i.event_id
        WHERE e.slug = '${SLUG}' AND i.slot_id IS NULL AND i.kind = 'round_table' ORDER BY i.starts_at LIMIT 1`);
      const { form, res } = await o.form(`${base}/interventions/${itemId}/supprimer`, '/supprimer');
      assert.match(res.pageText, /Personne n’y a de place/);
      const done = await o.submit(form);
      assert.equal(done.status, 303, done.pageText);
      assert.equal(done.locationPath, base);
      assert.deepEqual(queryRows(db.url, `SELECT COUNT(*) FROM event_items WHERE id = ${itemId}`), [['0']]);
      assert.deepEqual(queryRows(db.url, `SELECT COUNT(*) FROM audit_log WHERE action = 'event.programme'
        AND details = 'Intervention supprimée : ${title.replaceAll("'", "''")}'`), [['1']]);
      assert.equal((await o.get(`${base}/interventions/${itemId}/supprimer`)).status, 404);
    }));
  });
}
