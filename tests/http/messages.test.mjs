// Writing to the people of a cycle from the back office (/admin/cycles/SLUG/message)
// over HTTP, black-box, on SQLite: organisers only, the count each choice reaches,
// a preview, French refusals that keep what was typed, one e-mail per person
// through the outbox (the SMTP sink receives them) and the journal entry.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { HttpClient, formOf, makeTempDir, sleep, startServer, startSmtpSink, withServerLog } from '../support/harness.mjs';
import { login } from '../support/flows.mjs';
import {
  BULK_PASSWORD,
  createBulkUsers,
  keepAliveAgent,
  pickCommunes,
  q,
  queryRows,
  registrationBody,
  requestJson,
  runSql,
} from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 60_000;
const SLUG = 'forets-cooperer';

describe('back office : écrire aux participants d’un cycle — sqlite', () => {
  let tmp;
  let dbUrl;
  let sink;
  let server;
  let base;
  let agent;
  let organiser;
  let people;
  const t = (fn) => withServerLog(() => server, fn);
  const loggedIn = async (user) => {
    const c = new HttpClient(base);
    await login(c, user.email, BULK_PASSWORD);
    return c;
  };
  const page = `/admin/cycles/${SLUG}/message`;

  before(
    async () => {
      tmp = await makeTempDir('sqlite');
      dbUrl = `sqlite:${path.join(tmp.dir, 'test.db')}`;
      sink = await startSmtpSink();
      server = await startServer({ db: dbUrl, smtpPort: sink.port });
      base = server.baseUrl;
      agent = keepAliveAgent(4);
      const communes = pickCommunes(dbUrl, 6, { offset: 3200 });
      [organiser] = createBulkUsers(dbUrl, [{ collectiviteId: communes[0], fullName: 'Olga Organisatrice', role: 'organiser' }], { tag: 'msg' });
      people = createBulkUsers(
        dbUrl,
        communes.slice(1).map((collectiviteId, i) => ({ collectiviteId, fullName: `Destinataire ${i + 1}` })),
        { tag: 'msg' },
      );
      for (const [i, u] of people.entries()) {
        const res = await requestJson(base, agent, 'POST', `/api/v1/cycles/${SLUG}/registrations`, { token: u.token, body: registrationBody(u, i) });
        assert.equal(res.status, 201, res.text);
        u.registration = String(res.json.id);
      }
      // Three confirmed, one on the waiting list, one who cancelled.
      runSql(dbUrl, `UPDATE registrations SET status = 'waiting', seat = NULL, collectivite_slot = NULL WHERE id = ${people[3].registration};
        UPDATE registrations SET status = 'cancelled', seat = NULL, collectivite_slot = NULL WHERE id = ${people[4].registration};`);
    },
    { timeout: SETUP_TIMEOUT },
  );

  after(
    async () => {
      agent?.destroy();
      for (const stop of [() => server?.stop(), () => sink?.stop(), () => tmp?.remove()]) {
        try {
          await stop();
        } catch (e) {
          console.error(`cleanup: ${e.message}`);
        }
      }
    },
    { timeout: 60_000 },
  );

  it('is for organisers only', { timeout: TEST_TIMEOUT }, t(async () => {
    const anonymous = await new HttpClient(base).get(page);
    assert.equal(anonymous.status, 303);
    const p = await loggedIn(people[0]);
    assert.equal((await p.get(page)).status, 403);
    const csrf = p.cookie('ateliers_csrf');
    const post = await p.post(page, { csrf_token: csrf, objet: 'Objet', texte: 'Texte', destinataires: 'tous', action: 'envoyer' });
    assert.equal(post.status, 403);
    assert.equal(queryRows(dbUrl, `SELECT COUNT(*) FROM audit_log WHERE action = 'cycle.message'`)[0][0], '0');
  }));

  it('shows how many people each choice reaches, previews, and keeps what was typed when refused', { timeout: TEST_TIMEOUT }, t(async () => {
    const o = await loggedIn(organiser);
    const inscriptions = await o.get(`/admin/cycles/${SLUG}/inscriptions`);
    assert.match(inscriptions.text, new RegExp(`href="${page}"`), 'linked from the registrations page');
    const { res, form } = await o.form(page, 'objet');
    assert.match(res.pageText, /Inscriptions confirmées 3 personnes/);
    assert.match(res.pageText, /Liste d’attente 1 personne /);
    assert.match(res.pageText, /Toutes les personnes inscrites, en attente ou candidates 4 personnes/);
    assert.equal(form.fields.destinataires, 'confirmes', 'the confirmed participants by default');

    const text = 'La séance 2 se tiendra dans une nouvelle salle.\nLe lien ne change pas.\n\nÀ bientôt !';
    const preview = await o.submit(form, { objet: 'Séance 2 : nouvelle salle', texte: text, action: 'apercu' });
    assert.equal(preview.status, 200);
    assert.match(preview.pageText, /Aperçu : ce message partira à 3 personnes/);
    assert.match(preview.pageText, /Objet : Séance 2 : nouvelle salle/);
    const kept = formOf(preview, 'objet');
    assert.equal(kept.fields.objet, 'Séance 2 : nouvelle salle');
    assert.equal(kept.fields.texte, text);

    const refused = await o.submit(kept, { objet: '   ', action: 'envoyer' });
    assert.equal(refused.status, 422);
    assert.match(refused.pageText, /Indiquez l’objet du message/);
    assert.equal(formOf(refused, 'objet').fields.texte, text, 'the text typed is kept');

    const waiting = await o.submit(kept, { destinataires: 'attente', action: 'envoyer' });
    assert.equal(waiting.status, 303, waiting.pageText.slice(0, 600));
    assert.equal(waiting.locationPath, `${page}?envoye=1`);
    assert.deepEqual(queryRows(dbUrl, `SELECT recipient FROM outbox WHERE subject = ${q('Séance 2 : nouvelle salle')}`), [[people[3].email]], 'the waiting list only');
  }));

  it('sends one e-mail per confirmed participant, writes the journal and says so in French', { timeout: TEST_TIMEOUT }, t(async () => {
    const o = await loggedIn(organiser);
    const { form } = await o.form(page, 'objet');
    const subject = 'Avant la séance 1 : préparez votre situation';
    const res = await o.submit(form, {
      objet: subject,
      texte: 'Relisez la situation que vous avez décrite.\n\nMerci et à jeudi !',
      destinataires: 'confirmes',
      action: 'envoyer',
    });
    assert.equal(res.status, 303, res.pageText.slice(0, 600));
    assert.equal(res.locationPath, `${page}?envoye=3`);
    const done = await o.follow(res);
    assert.match(done.pageText, /Votre message est envoyé à 3 personnes/);

    for (const p of people.slice(0, 3)) {
      const mail = await sink.waitFor((m) => m.to.includes(p.email) && m.subject === subject, 20_000);
      assert.match(mail.text, new RegExp(`Bonjour ${p.fullName},`));
      assert.match(mail.text, /Relisez la situation que vous avez décrite\./);
      assert.match(mail.text, new RegExp(`/cycles/${SLUG}`));
    }
    await sleep(1000);
    const toOthers = sink.messages().filter((m) => m.subject === subject && (m.to.includes(people[3].email) || m.to.includes(people[4].email)));
    assert.equal(toOthers.length, 0, 'neither the waiting list nor the person who cancelled');
    assert.equal(sink.messages().filter((m) => m.subject === subject).length, 3);

    const [count, details] = queryRows(dbUrl, `SELECT COUNT(*), MAX(details) FROM audit_log WHERE action = 'cycle.message' AND target = ${q('cycle:' + SLUG)} AND details LIKE ${q('%préparez%')}`)[0];
    assert.equal(count, '1');
    assert.match(details, /à 3 personnes \(Inscriptions confirmées\)/);
    const journal = await o.get('/admin/journal');
    assert.match(journal.pageText, /Message envoyé aux participants d’un cycle/);
  }));
});
