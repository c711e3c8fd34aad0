// Event tickets and the welcome desk over HTTP, on SQLite and on PostgreSQL: a confirmed
// registration shows a ticket (QR code of a signed token); organisers check in by ticket
// or by name, a replayed check-in (the offline queue) changes nothing, a forged ticket is
// refused in French, only organisers reach the desk; workshop presence after check-in.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { HttpClient, makeTempDir, startPostgres, startServer, startSmtpSink, withServerLog } from '../support/harness.mjs';
import { login, mailTo } from '../support/flows.mjs';
import { findLink } from '../support/mime.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, queryRows, runSql } from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 90_000;
const SLUG = 'journees-des-territoires';
const DESK = `/admin/evenements/${SLUG}/accueil`;

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`billets et accueil — ${backend}`, () => {
    let db;
    let sink;
    let server;
    let base;
    let ana;
    let bea;
    let olga;
    let firstSlot; // { id, workshop }
    const t = (fn) => withServerLog(() => server, fn);

    async function register(person, choices = {}) {
      const c = new HttpClient(base);
      await login(c, person.email, BULK_PASSWORD);
      const { form } = await c.form(`/evenements/${SLUG}/inscription`, `/evenements/${SLUG}/inscription`);
      const done = await c.submit(form, {
        organisation: 'UNADEL', organisation_kind: 'association', function_title: 'Chargée de mission',
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
      const communes = pickCommunes(db.url, 3, { offset: 3200 });
      [ana, bea, olga] = createBulkUsers(db.url, [
        { collectiviteId: communes[0], fullName: 'Ana Billet' },
        { collectiviteId: communes[1], fullName: 'Béa Faussaire' },
        { collectiviteId: communes[2], fullName: 'Olga Accueil', role: 'organiser' },
      ], { tag: 'evttk' });
      const [[slot, workshop]] = queryRows(db.url, `SELECT s.id, i.id FROM event_slots s JOIN events e ON e.id = s.event_id
        JOIN event_items i ON i.slot_id = s.id WHERE e.slug = '${SLUG}' ORDER BY s.starts_at, i.position LIMIT 1`);
      firstSlot = { id: slot, workshop };
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

    it('shows the ticket, checks in once by ticket, and a replay changes nothing', { timeout: TEST_TIMEOUT }, t(async () => {
      const a = await register(ana, { [`choix_${firstSlot.id}`]: firstSlot.workshop });
      const page = await a.get(`/evenements/${SLUG}`);
      assert.match(page.pageText, /Mon billet/);
      assert.match(page.text, /<svg [^>]*role="img" aria-label="Code QR du billet de Ana Billet"/);
      const token = page.text.match(/Code : <span>([^<]+)<\/span>/)[1];
      const [[regId]] = queryRows(db.url, `SELECT id FROM event_registrations WHERE status = 'confirmed'`);
      assert.match(token, new RegExp(`^${regId}\\.[A-Za-z0-9_-]{40,}$`), 'signed, not a bare id');

      assert.equal((await a.get(DESK)).status, 403, 'participants do not reach the desk');
      const o = new HttpClient(base);
      await login(o, olga.email, BULK_PASSWORD);
      const { form } = await o.form(DESK, (f) => f.inputs.some((i) => i.name === 'billet'));
      const done = await o.submit(form, { billet: token });
      assert.equal(done.status, 303);
      const desk = await o.get(done.location);
      assert.match(desk.pageText, /Ana Billet \(UNADEL\) est pointé·e/);
      assert.match(desk.pageText, /1 présent·es sur 1 inscrit·es/);

      // The phone's queue replays the same check-in: same answer, still one row, first time kept.
      const [[firstAt]] = queryRows(db.url, 'SELECT checked_in_at FROM event_checkins');
      const replay = await o.post(form.actionUrl, { ...form.fields, billet: token }, { headers: { accept: 'application/json' } });
      assert.equal(replay.status, 200);
      const answer = JSON.parse(replay.text);
      assert.equal(answer.ok, true);
      assert.equal(answer.already, true);
      assert.match(answer.message, /déjà pointé·e/);
      assert.deepEqual(queryRows(db.url, 'SELECT COUNT(*), MAX(checked_in_at) FROM event_checkins'), [['1', firstAt]]);

      const seen = await a.get(`/evenements/${SLUG}`);
      assert.match(seen.pageText, /Accueilli·e le/);

      // Present in the workshop chosen.
      const presence = await o.form(DESK, '/accueil/atelier');
      const marked = await o.submit(presence.form);
      assert.equal(marked.status, 303);
      assert.deepEqual(queryRows(db.url, 'SELECT item_id FROM event_workshop_attendance'), [[firstSlot.workshop]]);
    }));

    it('refuses a forged ticket in French and records nothing', { timeout: TEST_TIMEOUT }, t(async () => {
      const b = await register(bea);
      const [[regId]] = queryRows(db.url, `SELECT r.id FROM event_registrations r JOIN users u ON u.id = r.user_id WHERE u.full_name = 'Béa Faussaire'`);
      const o = new HttpClient(base);
      await login(o, olga.email, BULK_PASSWORD);
      const { form } = await o.form(DESK, (f) => f.inputs.some((i) => i.name === 'billet'));
      const before = queryRows(db.url, 'SELECT COUNT(*) FROM event_checkins');
      for (const forged of [`${regId}`, `${regId}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, 'n’importe quoi']) {
        const json = await o.post(form.actionUrl, { ...form.fields, billet: forged }, { headers: { accept: 'application/json' } });
        assert.equal(json.status, 422, forged);
        assert.match(JSON.parse(json.text).message, /Ce billet n’est pas valide/);
      }
      const html = await o.follow(await o.submit(form, { billet: `${regId}.forged` }));
      assert.match(html.pageText, /Ce billet n’est pas valide : il n’a pas été délivré par ce site/);
      assert.deepEqual(queryRows(db.url, 'SELECT COUNT(*) FROM event_checkins'), before);
      // Bea's own ticket still works, and the desk finds her by name without accents.
      const search = await o.get(`${DESK}?q=bea`);
      assert.match(search.pageText, /Béa Faussaire/);
      assert.doesNotMatch(search.pageText, /Ana Billet/);
      assert.ok(b);
    }));

    // After the two tests above: Ana checked in, Béa registered in person and never came.
    it('after the event: the questionnaire e-mailed once to who came, answered and edited, summarised in the bilan', { timeout: TEST_TIMEOUT }, t(async () => {
      const now = Math.floor(Date.now() / 1000);
      runSql(db.url, `UPDATE events SET starts_at = ${now - 2 * 86400}, ends_at = ${now - 3600} WHERE slug = '${SLUG}'`);
      const mail = await sink.waitFor((m) => mailTo(ana.email)(m) && /Votre avis sur/.test(m.subject));
      assert.ok(findLink(mail.text, `/evenements/${SLUG}/questionnaire`), mail.text);
      const form = `/evenements/${SLUG}/questionnaire`;

      const b = new HttpClient(base);
      await login(b, bea.email, BULK_PASSWORD);
      const refused = await b.get(form);
      assert.equal(refused.status, 200);
      assert.match(refused.pageText, /s’adresse aux personnes venues/);
      assert.doesNotMatch(refused.text, /Enregistrer mes réponses/);
      const csrf = (await b.get('/espace')).text.match(/name="csrf_token" value="([^"]+)"/)?.[1];
      assert.ok(csrf, 'a CSRF token on the personal space');
      const forced = await b.post(form, { csrf_token: csrf, rating: '5', next_step: 'action' });
      assert.equal(forced.status, 403);
      assert.equal((await new HttpClient(base).get(form)).status, 303, 'signed out: to the login page');

      const a = new HttpClient(base);
      await login(a, ana.email, BULK_PASSWORD);
      assert.match((await a.get(`/evenements/${SLUG}`)).pageText, /Répondre au questionnaire/);
      const page = await a.form(form, form);
      const bad = await a.submit(page.form, { rating: '', useful_item: '0', next_step: 'action', comment: 'Très riche, merci.' });
      assert.equal(bad.status, 422);
      assert.match(bad.pageText, /Donnez une note globale/);
      assert.match(bad.text, /Très riche, merci\./, 'typed comment kept');
      assert.match(bad.text, /id="next-action" name="next_step" value="action" checked/, 'typed choice kept');
      const good = await a.submit(page.form, { rating: '4', useful_item: String(firstSlot.workshop), next_step: 'action', comment: 'Très riche, merci.' });
      assert.equal(good.status, 303, good.pageText);
      assert.match((await a.follow(good)).pageText, /Vos réponses sont enregistrées/);
      const edited = await a.submit(page.form, { rating: '5', useful_item: String(firstSlot.workshop), next_step: 'contact', comment: 'Très riche, merci.' });
      assert.equal(edited.status, 303);
      assert.deepEqual(queryRows(db.url, 'SELECT rating, next_step FROM event_questionnaire_answers'), [['5', 'contact']]);

      const o = new HttpClient(base);
      await login(o, olga.email, BULK_PASSWORD);
      const bilan = await o.get(`/admin/evenements/${SLUG}/bilan`);
      assert.equal(bilan.status, 200);
      assert.match(bilan.pageText, /1 réponse\(s\) sur 1 personne\(s\) interrogée\(s\) – taux de réponse 100 % – note globale moyenne 5,0 \/ 5/);
      assert.match(bilan.pageText, /Très riche, merci\./);
      const csv = await o.get(`/admin/evenements/${SLUG}/bilan.csv`);
      assert.match(csv.text, /Note globale;Moyenne;5,0 \/ 5/);
      assert.match(csv.text, /Très riche, merci\./);
      // The worker keeps running: still one invitation each.
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(sink.messages().filter((m) => /Votre avis sur/.test(m.subject)).length, 1);
    }));
  });
}
