// The organisers' back office (/admin) over HTTP, black-box, on SQLite and on PostgreSQL:
// access rules, cycle creation with format warnings, publication, registrations table,
// decisions with their e-mails, exports and the audit journal.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  HttpClient,
  formOf,
  makeTempDir,
  startPostgres,
  startServer,
  startSmtpSink,
  withServerLog,
} from '../support/harness.mjs';
import { login, mailTo } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, q, queryRows, situationText } from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 60_000;

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

/** Fields of a valid cycle, sessions on four Thursdays two weeks apart, one at 17 h (a format warning). */
function cycleFields(title) {
  const year = new Date().getFullYear() + 2;
  return {
    title,
    theme: 'Transition écologique',
    summary: 'Coopérer entre communes et habitants autour de la ressource en eau.',
    description: 'Premier paragraphe.\n\nSecond paragraphe.',
    territory_ruralites: '1',
    territory_montagne: '1',
    capacity: '2',
    mode: 'application',
    facilitator_choice: 'new',
    new_facilitator_name: 'Inès Intervenante',
    new_facilitator_bio: 'Hydrologue, vingt ans de médiation entre usagers.',
    session_1_date: `${year}-01-14`, session_1_start: '09:30', session_1_end: '11:30',
    session_2_date: `${year}-01-28`, session_2_start: '09:30', session_2_end: '11:30',
    session_3_date: `${year}-02-11`, session_3_start: '17:00', session_3_end: '19:00',
    session_4_date: `${year}-02-25`, session_4_start: '09:30', session_4_end: '11:30',
  };
}

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`administration — ${backend}`, () => {
    let db;
    let sink;
    let server;
    let base;
    let organiser;
    let participants;
    let slug;
    const t = (fn) => withServerLog(() => server, fn);
    const loggedIn = async (user) => {
      const c = new HttpClient(base);
      await login(c, user.email, BULK_PASSWORD);
      return c;
    };

    before(
      async () => {
        db = await startDb();
        sink = await startSmtpSink();
        server = await startServer({ db: db.url, smtpPort: sink.port });
        base = server.baseUrl;
        const communes = pickCommunes(db.url, 4, { offset: 2000 });
        [organiser] = createBulkUsers(db.url, [{ collectiviteId: communes[0], role: 'organiser', fullName: 'Olga Organisatrice' }], { tag: 'admin' });
        participants = createBulkUsers(
          db.url,
          communes.slice(1).map((collectiviteId, i) => ({ collectiviteId, fullName: `Participant ${i + 1}`, mandate: i % 2 ? 'agent' : 'elu' })),
          { tag: 'admin' },
        );
      },
      { timeout: SETUP_TIMEOUT },
    );

    after(
      async () => {
        for (const stop of [() => server?.stop(), () => sink?.stop(), () => db?.stop()]) {
          try {
            await stop();
          } catch (e) {
            console.error(`cleanup: ${e.message}`);
          }
        }
      },
      { timeout: 60_000 },
    );

    it('only organisers get in: anonymous → login, participant → 403 in French', { timeout: TEST_TIMEOUT }, t(async () => {
      const anonymous = await new HttpClient(base).get('/admin/journal');
      assert.equal(anonymous.status, 303);
      assert.equal(anonymous.locationPath, '/compte/connexion?suivant=%2Fadmin%2Fjournal');

      const participant = await loggedIn(participants[0]);
      const refused = await participant.get('/admin');
      assert.equal(refused.status, 403);
      assert.match(refused.pageText, /réservée à l’équipe des ateliers/);

      const o = await loggedIn(organiser);
      const home = await o.get('/admin');
      assert.equal(home.status, 200);
      assert.match(home.pageText, /Administration des ateliers/);
      assert.match(home.pageText, /Cycles publiés \(6\)/, 'the six demo cycles are listed');
    }));

    it('create: errors keep what was typed; a valid cycle is a draft with its format warnings', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = await loggedIn(organiser);
      const { form } = await o.form('/admin/nouveau-cycle', 'title');
      assert.equal(form.fields.session_rows, '4');

      const bad = await o.submit(form, { ...cycleFields(''), capacity: 'quinze' });
      assert.equal(bad.status, 422);
      assert.match(bad.pageText, /Indiquez le titre du cycle/);
      assert.match(bad.pageText, /nombre entier de places/);
      const again = formOf(bad, 'title');
      assert.equal(again.fields.theme, 'Transition écologique', 'the typed theme is kept');
      assert.equal(again.fields.territory_montagne, '1', 'checked boxes stay checked');

      const res = await o.submit(form, cycleFields('L’eau : partager la ressource'));
      assert.equal(res.status, 303, res.pageText.slice(0, 600));
      assert.match(res.locationPath, /^\/admin\/cycles\/l-eau-partager-la-ressource\?enregistre=cree$/);
      slug = 'l-eau-partager-la-ressource';
      const page = await o.follow(res);
      assert.equal(page.status, 200);
      assert.match(page.pageText, /créé en brouillon/);
      assert.match(page.pageText, /Écarts avec le format/);
      assert.match(page.pageText, /La séance 3 commence à 17 h/);
      assert.match(page.pageText, /Brouillon/);
      const rows = queryRows(db.url, `SELECT status, mode, capacity FROM cycles WHERE slug = ${q(slug)}`);
      assert.deepEqual(rows, [['draft', 'application', '2']]);
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id WHERE c.slug = ${q(slug)}`)[0][0], '4');
    }));

    it('publish, then participants apply; the table, counts, decisions and their e-mails', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = await loggedIn(organiser);
      const { form: publish } = await o.form(`/admin/cycles/${slug}`, `/admin/cycles/${slug}/publier`);
      const published = await o.submit(publish);
      assert.equal(published.status, 303);
      assert.equal(published.locationPath, `/admin/cycles/${slug}?enregistre=publie`);

      for (const [i, p] of participants.slice(0, 3).entries()) {
        const c = await loggedIn(p);
        const { form } = await c.form(`/cycles/${slug}/inscription`, 'situation');
        const res = await c.submit(form, {
          collectivite: p.collectiviteId,
          mandate: p.mandate,
          function_title: p.functionTitle,
          situation: situationText(i),
          engagement_presence: '1',
          engagement_situation: '1',
          engagement_camera: '1',
        });
        assert.equal(res.status, 303, `registration of ${p.email}: ${res.status} ${res.pageText.slice(0, 400)}`);
      }

      const table = await o.get(`/admin/cycles/${slug}/inscriptions`);
      assert.equal(table.status, 200);
      assert.match(table.pageText, /3 candidature\(s\) à traiter/);
      for (const p of participants.slice(0, 3)) assert.ok(table.pageText.includes(p.email), p.email);
      // Nothing checks yet that people belong to the collectivité they name: organisers are told.
      assert.equal((table.text.match(/<span class="fr-badge fr-badge--sm">Déclarée<\/span>/g) ?? []).length, 3);
      assert.match(table.pageText, /Collectivité déclarée : celle que la personne a indiquée en s’inscrivant/);
      const agents = await o.get(`/admin/cycles/${slug}/inscriptions?mandat=agent`);
      assert.match(agents.pageText, /1 inscription\(s\) affichée\(s\) sur 3/);

      const id = (p) => queryRows(db.url, `SELECT r.id FROM registrations r JOIN cycles c ON c.id = r.cycle_id WHERE c.slug = ${q(slug)} AND r.user_id = ${p.id}`)[0][0];
      const act = async (p, action) => {
        const page = await o.get(`/admin/cycles/${slug}/inscriptions`);
        return o.submit(formOf(page, `/inscriptions/${id(p)}/${action}`));
      };
      const accepted = await act(participants[0], 'accepter');
      assert.equal(accepted.status, 303);
      assert.match((await o.follow(accepted)).pageText, /est confirmée/);
      assert.equal((await act(participants[1], 'accepter')).status, 303);
      const full = await act(participants[2], 'accepter');
      assert.equal(full.status, 409, 'capacity 2: the third acceptance is refused');
      assert.match(full.pageText, /Le cycle est complet/);
      assert.equal((await act(participants[2], 'refuser')).status, 303);

      await sink.waitFor((m) => mailTo(participants[0].email)(m) && /Inscription confirmée/.test(m.subject), 15_000);
      await sink.waitFor((m) => mailTo(participants[2].email)(m) && /Votre candidature/.test(m.subject), 15_000);
      const statuses = queryRows(db.url, `SELECT r.status FROM registrations r JOIN cycles c ON c.id = r.cycle_id WHERE c.slug = ${q(slug)} ORDER BY r.user_id`).map((r) => r[0]);
      assert.deepEqual(statuses, ['confirmed', 'confirmed', 'declined']);
    }));

    it('a decision acts only within the cycle of its address: another cycle’s gets 404 and changes nothing', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = await loggedIn(organiser);
      const other = queryRows(db.url, `SELECT slug FROM cycles WHERE slug <> ${q(slug)} AND status = 'published' ORDER BY id LIMIT 1`)[0][0];
      const id = queryRows(db.url, `SELECT r.id FROM registrations r JOIN cycles c ON c.id = r.cycle_id WHERE c.slug = ${q(slug)} AND r.user_id = ${participants[2].id}`)[0][0];
      const page = await o.get(`/admin/cycles/${slug}/inscriptions`);
      const { fields } = formOf(page, `/inscriptions/${id}/attente`);
      const res = await o.post(`/admin/cycles/${other}/inscriptions/${id}/attente`, fields);
      assert.equal(res.status, 404, res.pageText.slice(0, 400));
      assert.match(res.pageText, /Cette inscription n’existe pas sur ce cycle/);
      assert.deepEqual(queryRows(db.url, `SELECT status FROM registrations WHERE id = ${id}`), [['declined']]);
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM audit_log WHERE action = 'registration.wait'`)[0][0], '0');
    }));

    it('exports the participants as CSV and XLSX attachments', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = await loggedIn(organiser);
      const csv = await o.get(`/admin/cycles/${slug}/participants.csv?statut=confirmed`);
      assert.equal(csv.status, 200);
      assert.match(csv.contentType, /^text\/csv/);
      assert.equal(csv.headers.get('content-disposition'), `attachment; filename="participants-${slug}.csv"`);
      assert.ok(csv.text.startsWith('\uFEFFNom;E-mail;Collectivité;'), csv.text.slice(0, 80));
      assert.ok(csv.text.includes(participants[0].email));
      const [header, first] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
      const column = header.split(';').indexOf('Collectivité vérifiée');
      assert.ok(column > 0, header);
      assert.equal(first.split(';')[column], 'non');
      assert.ok(!csv.text.includes(participants[2].email), 'declined: filtered out');
      const xlsx = await o.get(`/admin/cycles/${slug}/participants.xlsx`);
      assert.equal(xlsx.status, 200);
      assert.equal(xlsx.headers.get('content-disposition'), `attachment; filename="participants-${slug}.xlsx"`);
      assert.equal(xlsx.body.subarray(0, 2).toString('latin1'), 'PK');
    }));

    it('moving a session of the published cycle e-mails the confirmed participants', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = await loggedIn(organiser);
      const { form } = await o.form(`/admin/cycles/${slug}`, 'title');
      const [y, m, d] = form.fields.session_2_date.split('-').map(Number);
      const later = new Date(Date.UTC(y, m - 1, d + 7)).toISOString().slice(0, 10);
      const res = await o.submit(form, { session_2_date: later });
      assert.equal(res.status, 303, res.pageText.slice(0, 600));
      assert.match(res.locationPath, /prevenus=2/);
      await sink.waitFor((msg) => mailTo(participants[1].email)(msg) && /Modification du cycle/.test(msg.subject), 15_000);
      const seq = queryRows(db.url, `SELECT s.number, s.sequence FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id WHERE c.slug = ${q(slug)} ORDER BY s.number`);
      assert.deepEqual(seq.map((r) => r[1]), ['0', '1', '0', '0']);
    }));

    it('replacing the facilitator’s account takes the cycle away from the old account', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = await loggedIn(organiser);
      const [former, next] = [participants[0], participants[1]];
      const save = async (fields) => {
        const { form } = await o.form(`/admin/cycles/${slug}`, 'title');
        const res = await o.submit(form, fields);
        assert.equal(res.status, 303, res.pageText.slice(0, 600));
      };
      const refused = async (client) => {
        for (const p of [`/animation/${slug}`, `/animation/${slug}/groupes`]) {
          const res = await client.get(p);
          assert.ok([403, 404].includes(res.status), `${p}: ${res.status}`);
        }
      };
      await save({ facilitator_email: former.email });
      const f = await loggedIn(former);
      assert.equal((await f.get(`/animation/${slug}`)).status, 200);

      await save({ facilitator_email: next.email });
      await refused(f);
      const n = await loggedIn(next);
      assert.equal((await n.get(`/animation/${slug}`)).status, 200);

      // Another facilitator: the account the form still shows stays behind.
      const { form } = await o.form(`/admin/cycles/${slug}`, 'title');
      assert.equal(form.fields.facilitator_email, next.email);
      const res = await o.submit(form, { facilitator_choice: 'new', new_facilitator_name: 'Paul Pair' });
      assert.equal(res.status, 303, res.pageText.slice(0, 600));
      await refused(n);
      assert.deepEqual(queryRows(db.url, `SELECT COUNT(*) FROM user_roles WHERE role = 'facilitator' AND scope = (SELECT CAST(id AS TEXT) FROM cycles WHERE slug = ${q(slug)})`), [['0']]);
    }));

    it('duplicate and close; every action is in the journal', { timeout: TEST_TIMEOUT }, t(async () => {
      const o = await loggedIn(organiser);
      const { form: dup } = await o.form(`/admin/cycles/${slug}`, `/admin/cycles/${slug}/dupliquer`);
      const copy = await o.submit(dup);
      assert.equal(copy.status, 303);
      assert.equal(copy.locationPath, `/admin/cycles/${slug}-2?enregistre=duplique`);
      const { form: close } = await o.form(`/admin/cycles/${slug}`, `/admin/cycles/${slug}/cloturer`);
      assert.equal((await o.submit(close)).status, 303);

      const journal = await o.get('/admin/journal');
      assert.equal(journal.status, 200);
      for (const label of ['Cycle créé', 'Cycle publié', 'Inscription acceptée', 'Demande refusée', 'Export CSV des participants', 'Séances déplacées', 'Cycle dupliqué', 'Cycle clos'])
        assert.ok(journal.pageText.includes(label), label);
      assert.ok(journal.pageText.includes('Olga Organisatrice'));
    }));
  });
}
