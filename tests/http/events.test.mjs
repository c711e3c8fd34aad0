// Events over HTTP, on SQLite and on PostgreSQL: the demo's "Journées des Territoires"
// with its programme, JSON-LD and .ics; registration with one workshop per slot, bad
// input refused in French with what was typed kept, a forged choice from another slot,
// the confirmation e-mail, changing choices, cancelling.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  HttpClient,
  makeTempDir,
  startPostgres,
  startServer,
  startSmtpSink,
  withServerLog,
} from '../support/harness.mjs';
import { login, mailTo } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, keepAliveAgent, pickCommunes, queryRows, requestJson } from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 90_000;
const SLUG = 'journees-des-territoires';

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`événements — ${backend}`, () => {
    let db;
    let sink;
    let server;
    let base;
    let ana;
    let olga;
    let slots; // [{ id, workshops: [ids] }] in time order
    const t = (fn) => withServerLog(() => server, fn);

    before(async () => {
      db = await startDb();
      sink = await startSmtpSink();
      server = await startServer({ db: db.url, smtpPort: sink.port });
      base = server.baseUrl;
      const communes = pickCommunes(db.url, 2, { offset: 3100 });
      [ana, olga] = createBulkUsers(db.url, [
        { collectiviteId: communes[0], fullName: 'Ana Événement' },
        { collectiviteId: communes[1], fullName: 'Olga Organisatrice', role: 'organiser' },
      ], { tag: 'evt' });
      const rows = queryRows(db.url, `SELECT s.id, i.id FROM event_slots s JOIN events e ON e.id = s.event_id
        JOIN event_items i ON i.slot_id = s.id WHERE e.slug = '${SLUG}' ORDER BY s.starts_at, i.position`);
      const bySlot = new Map();
      for (const [slot, item] of rows) {
        if (!bySlot.has(slot)) bySlot.set(slot, []);
        bySlot.get(slot).push(item);
      }
      slots = [...bySlot].map(([id, workshops]) => ({ id, workshops }));
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

    it('lists the demo events and shows the programme as the seed writes it', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = new HttpClient(base);
      const list = await c.get('/evenements');
      assert.equal(list.status, 200);
      assert.match(list.pageText, /Journées des Territoires/);
      assert.match(list.pageText, /Rencontres nationales des Territoires d'engagement/);
      const online = await c.get('/evenements?lieu=en-ligne');
      assert.doesNotMatch(online.pageText, /Journées des Territoires/);

      assert.deepEqual(slots.map((s) => s.workshops.length), [5, 6, 6]);
      const page = await c.get(`/evenements/${SLUG}`);
      assert.equal(page.status, 200);
      for (const text of ['Les territoires se racontent', 'Apéro partagé', 'Animation : Claude GRIVEL (UNADEL)',
        'Jean-François CARON, Maire de Loos-en-Gohelle et Président du Cd2e', 'Grands témoins',
        'Introduction : Hélène HATZFELD', 'Aller vers les habitant·es', 'jeanmaillet [at] unadel.org']) {
        // Text as read, bold names included ("<strong>X</strong>, Y" reads "X , Y" in pageText).
        const read = page.pageText.replace(/\s+/g, ' ').replace(/ ([,)])/g, '$1');
        assert.ok(read.includes(text), `missing: ${text}`);
      }
      assert.doesNotMatch(page.text, /jeanmaillet@unadel/, 'no e-mail address in clear');
      const ld = JSON.parse(page.text.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)[1]);
      assert.equal(ld['@type'], 'Event');
      assert.equal(ld.subEvent.length, 28);

      const ics = await c.get(`/evenements/${SLUG}/programme.ics`);
      assert.equal(ics.status, 200);
      assert.match(ics.headers.get('content-type'), /text\/calendar/);
      assert.equal((ics.text.match(/BEGIN:VEVENT/g) || []).length, 28);
      assert.equal((await c.get('/evenements/nexiste-pas')).status, 404);
    }));

    it('refuses bad input in French, keeps what was typed, and writes nothing', { timeout: TEST_TIMEOUT }, t(async () => {
      const anonymous = await new HttpClient(base).get(`/evenements/${SLUG}/inscription`);
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.locationPath, /^\/compte\/connexion\?suivant=/);

      const c = new HttpClient(base);
      await login(c, ana.email, BULK_PASSWORD);
      const { form } = await c.form(`/evenements/${SLUG}/inscription`, `/evenements/${SLUG}/inscription`);
      const missing = await c.submit(form, { organisation: 'UNADEL', organisation_kind: '', function_title: '' });
      assert.equal(missing.status, 422);
      assert.match(missing.pageText, /Choisissez le type d’organisation/);
      assert.match(missing.pageText, /Indiquez votre fonction/);
      assert.match(missing.text, /value="UNADEL"/, 'typed organisation kept');

      // A workshop of the afternoon slot sent as the morning choice (a forged form).
      const forged = await c.submit(form, {
        organisation: 'UNADEL', organisation_kind: 'association', function_title: 'Chargée de mission',
        [`choix_${slots[0].id}`]: slots[1].workshops[0],
      });
      assert.equal(forged.status, 422);
      assert.match(forged.pageText, /appartient à un autre créneau/);
      assert.deepEqual(queryRows(db.url, 'SELECT COUNT(*) FROM event_registrations'), [['0']]);
    }));

    it('registers with choices, e-mails the programme, changes choices, cancels', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = new HttpClient(base);
      await login(c, ana.email, BULK_PASSWORD);
      const { form } = await c.form(`/evenements/${SLUG}/inscription`, `/evenements/${SLUG}/inscription`);
      const done = await c.submit(form, {
        organisation: 'UNADEL', organisation_kind: 'association', function_title: 'Chargée de mission',
        attendance: 'in_person', meals: 'déjeuner du 26',
        [`choix_${slots[0].id}`]: slots[0].workshops[1],
        [`choix_${slots[2].id}`]: slots[2].workshops[3],
      });
      assert.equal(done.status, 303, done.pageText);
      assert.match(done.locationPath, /message=inscrit/);
      const page = await c.get(done.locationPath);
      assert.match(page.pageText, /Vous êtes inscrit·e/);
      assert.equal((page.pageText.match(/Votre choix/g) || []).length, 2);

      const mail = await sink.waitFor((m) => mailTo(ana.email)(m) && /Inscription confirmée/.test(m.subject));
      assert.match(mail.text, /Le rôle primordial de l’animation territoriale/);
      assert.match(mail.text, /Atelier découverte de l’atlas relationnel/);
      assert.match(mail.text, /programme\.ics/);

      const again = await c.form(`/evenements/${SLUG}`, `/evenements/${SLUG}/choix`);
      const changed = await c.submit(again.form, { [`choix_${slots[0].id}`]: '', [`choix_${slots[1].id}`]: slots[1].workshops[0] });
      assert.equal(changed.status, 303);
      assert.deepEqual(queryRows(db.url, `SELECT COUNT(*) FROM event_choices`), [['2']]);

      const cancel = await c.form(`/evenements/${SLUG}`, `/evenements/${SLUG}/annuler`);
      const cancelled = await c.submit(cancel.form);
      assert.equal(cancelled.status, 303);
      assert.deepEqual(queryRows(db.url, `SELECT COUNT(*) FROM event_choices`), [['0']]);
      assert.deepEqual(queryRows(db.url, `SELECT status FROM event_registrations`), [['cancelled']]);
    }));

    it('shows organisers the counts per workshop, exports one sheet per workshop, refuses a capacity below seats taken', { timeout: TEST_TIMEOUT }, t(async () => {
      const a = new HttpClient(base);
      await login(a, ana.email, BULK_PASSWORD);
      const { form } = await a.form(`/evenements/${SLUG}/inscription`, `/evenements/${SLUG}/inscription`);
      const done = await a.submit(form, {
        organisation: 'Commune de Pélussin', organisation_kind: 'collectivite', function_title: 'DGS',
        attendance: 'online', accessibility: 'Boucle magnétique',
        [`choix_${slots[0].id}`]: slots[0].workshops[2],
      });
      assert.equal(done.status, 303, done.pageText);
      assert.equal((await a.get(`/admin/evenements/${SLUG}`)).status, 403);

      const o = new HttpClient(base);
      await login(o, olga.email, BULK_PASSWORD);
      const page = await o.get(`/admin/evenements/${SLUG}?participation=online`);
      assert.equal(page.status, 200);
      assert.match(page.pageText, /1 inscrit·es sur 250 places/);
      assert.match(page.pageText, /Boucle magnétique/);
      const csv = await o.get(`/admin/evenements/${SLUG}/inscrits.csv`);
      assert.match(csv.text, /Commune de Pélussin/);
      const xlsx = await o.get(`/admin/evenements/${SLUG}/inscrits.xlsx`);
      assert.equal(xlsx.status, 200);
      assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);

      const workshop = slots[0].workshops[2];
      const cap = await o.form(`/admin/evenements/${SLUG}`, `/ateliers/${workshop}/capacite`);
      const refused = await o.submit(cap.form, { capacite: '0' });
      assert.equal(refused.status, 422);
      assert.match(refused.pageText, /ne peut pas descendre sous les 1 places déjà attribuées/);
      assert.deepEqual(queryRows(db.url, `SELECT capacity FROM event_items WHERE id = ${workshop}`), [['30']]);
      const typo = await o.submit(cap.form, { capacite: 'trente' });
      assert.equal(typo.status, 422);
      assert.match(typo.pageText, /nombre entier de places/);
    }));

    it('the API registers with a bearer token and refuses a forged choice in French', { timeout: TEST_TIMEOUT }, t(async () => {
      const [bob] = createBulkUsers(db.url, [{ collectiviteId: pickCommunes(db.url, 1, { offset: 3150 })[0], fullName: 'Bob Api' }], { tag: 'evtapi' });
      const agent = keepAliveAgent(2);
      try {
        const p = `/api/v1/events/${SLUG}/registrations`;
        const body = (choices) => JSON.stringify({ organisation: 'CC du Pilat', organisation_kind: 'collectivite', function_title: 'DGS', attendance: 'online', public_listing: true, choices });
        const anonymous = await requestJson(base, agent, 'POST', p, { body: body({}) });
        assert.equal(anonymous.status, 401);
        const forged = await requestJson(base, agent, 'POST', p, { token: bob.token, body: body({ [slots[0].id]: Number(slots[2].workshops[0]) }) });
        assert.equal(forged.status, 422);
        assert.match(forged.json.fields[`choix_${slots[0].id}`], /autre créneau/);
        const done = await requestJson(base, agent, 'POST', p, { token: bob.token, body: body({ [slots[2].id]: Number(slots[2].workshops[0]) }) });
        assert.equal(done.status, 201, done.text);
        assert.equal(done.json.status, 'confirmed');
        assert.equal(done.json.choices[String(slots[2].id)], 'held');
        // Only people who agreed appear in the public list (Ana, registered earlier, did not).
        const page = await new HttpClient(base).get(`/evenements/${SLUG}`);
        assert.match(page.pageText, /Bob Api – CC du Pilat/);
        assert.doesNotMatch(page.pageText, /Ana Événement/);
      } finally {
        agent.destroy();
      }
    }));
  });
}
