// The facilitator's breakout groups and attendance pages (/animation/SLUG/groupes,
// /animation/SLUG/seances/N/presences, /animation/SLUG/presences) over HTTP,
// black-box, on SQLite: access rules, composing, moving and locking, absences in
// advance, attendance with the absence e-mail (sent once), and the rates.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  HttpClient,
  SERVER_BIN,
  formOf,
  makeTempDir,
  sleep,
  startServer,
  startSmtpSink,
  withServerLog,
} from '../support/harness.mjs';
import { login, mailTo } from '../support/flows.mjs';
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
  situationText,
} from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 60_000;
const SLUG = 'forets-cooperer';
const DAY = 86_400;

describe('animation : groupes et présences — sqlite', () => {
  let tmp;
  let dbUrl;
  let sink;
  let server;
  let base;
  let agent;
  let facilitator;
  let organiser;
  let outsider;
  let participants;
  const t = (fn) => withServerLog(() => server, fn);
  const loggedIn = async (user) => {
    const c = new HttpClient(base);
    await login(c, user.email, BULK_PASSWORD);
    return c;
  };
  const sessionId = (n) =>
    queryRows(dbUrl, `SELECT s.id FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id WHERE c.slug = ${q(SLUG)} AND s.number = ${n}`)[0][0];
  const groupsOf = (n) =>
    new Map(queryRows(dbUrl, `SELECT registration_id, group_number, is_client, locked FROM session_groups WHERE session_id = ${sessionId(n)}`)
      .map(([reg, group, client, locked]) => [reg, { group: Number(group), client: client === '1', locked: locked === '1' }]));

  before(
    async () => {
      tmp = await makeTempDir('sqlite');
      dbUrl = `sqlite:${path.join(tmp.dir, 'test.db')}`;
      sink = await startSmtpSink();
      server = await startServer({ db: dbUrl, smtpPort: sink.port });
      base = server.baseUrl;
      agent = keepAliveAgent(4);
      // The demo cycle's sessions, moved two weeks apart from next week on, each with its video link.
      const now = Math.floor(Date.now() / 1000);
      runSql(dbUrl, `UPDATE cycle_sessions SET starts_at = ${now + 7 * DAY} + (number - 1) * ${14 * DAY},
        ends_at = ${now + 7 * DAY + 7200} + (number - 1) * ${14 * DAY}, visio_url = 'https://visio.exemple.fr/foret-' || number
        WHERE cycle_id = (SELECT id FROM cycles WHERE slug = ${q(SLUG)});`);
      const communes = pickCommunes(dbUrl, 13, { offset: 3000 });
      [facilitator, outsider] = createBulkUsers(dbUrl, [
        { collectiviteId: communes[0], fullName: 'Fanny Facilitatrice' },
        { collectiviteId: communes[1], fullName: 'Oscar Extérieur' },
      ], { tag: 'anim' });
      [organiser] = createBulkUsers(dbUrl, [{ collectiviteId: communes[2], fullName: 'Olga Organisatrice', role: 'organiser' }], { tag: 'anim' });
      participants = createBulkUsers(
        dbUrl,
        communes.slice(3).map((collectiviteId, i) => ({ collectiviteId, fullName: `Participant ${String(i + 1).padStart(2, '0')}`, mandate: i % 2 ? 'agent' : 'elu' })),
        { tag: 'anim' },
      );
      // Registered through the API, like any participant: a "premier arrivé" cycle confirms at once.
      for (const [i, u] of participants.entries()) {
        const res = await requestJson(base, agent, 'POST', `/api/v1/cycles/${SLUG}/registrations`, { token: u.token, body: registrationBody(u, i) });
        assert.equal(res.status, 201, res.text);
        assert.equal(res.json.status, 'confirmed');
        u.registration = String(res.json.id);
      }
      const grant = spawnSync(SERVER_BIN, ['user', 'grant', facilitator.email, 'facilitator', '--cycle', SLUG, '--db', dbUrl], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(grant.status, 0, grant.stderr);
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

  it('anonymous visitors go to the login page; other accounts get a 403 in French', { timeout: TEST_TIMEOUT }, t(async () => {
    for (const p of [`/animation/${SLUG}/groupes`, `/animation/${SLUG}/seances/1/presences`, `/animation/${SLUG}/presences`]) {
      const res = await new HttpClient(base).get(p);
      assert.equal(res.status, 303, p);
      assert.equal(res.locationPath, `/compte/connexion?suivant=${encodeURIComponent(p)}`);
    }
    const o = await loggedIn(outsider);
    const page = await o.get(`/animation/${SLUG}/groupes`);
    assert.equal(page.status, 403);
    assert.match(page.pageText, /réservée à l’intervenant/);
    const csrf = o.cookie('ateliers_csrf');
    const post = await o.post(`/animation/${SLUG}/groupes/composer`, { csrf_token: csrf, groups: '2' });
    assert.equal(post.status, 403);
    assert.equal(queryRows(dbUrl, 'SELECT COUNT(*) FROM session_groups')[0][0], '0');
    const rates = await o.get(`/animation/${SLUG}/presences`);
    assert.equal(rates.status, 403);
  }));

  it('the facilitator composes the four sessions: mixed groups, one client each', { timeout: TEST_TIMEOUT }, t(async () => {
    const f = await loggedIn(facilitator);
    const { res: page, form } = await f.form(`/animation/${SLUG}/groupes`, 'groups');
    assert.match(page.pageText, /10 participants confirmés → 2 groupes/);
    assert.equal(form.fields.groups, '2', 'groups of about five by default');
    const res = await f.submit(form);
    assert.equal(res.status, 303, res.pageText.slice(0, 600));
    const done = await f.follow(res);
    assert.equal(done.status, 200);
    assert.match(done.pageText, /Les séances à venir sont composées/);
    assert.match(done.pageText, /Séance 1 – groupe 1 \(5 personnes\)/);
    assert.match(done.pageText, /Groupes sans mélange d’élus et d’agents : 0/);
    assert.match(done.pageText, /Paires de personnes d’une même collectivité dans un même groupe : 0/);
    assert.match(done.pageText, /Situations étudiées ou prévues : 8 sur 10/);
    assert.equal((done.pageText.match(/Client : sa situation est étudiée/g) ?? []).length, 8, 'the client is said in words');
    for (let n = 1; n <= 4; n++) {
      const g = groupsOf(n);
      assert.equal(g.size, 10, `session ${n}: everyone in one group`);
      for (const group of [1, 2]) {
        const members = participants.filter((p) => g.get(p.registration)?.group === group);
        assert.equal(members.length, 5);
        assert.deepEqual(new Set(members.map((m) => m.mandate)), new Set(['elu', 'agent']), `session ${n}, group ${group} is mixed`);
        assert.equal(members.filter((m) => g.get(m.registration).client).length, 1);
      }
    }
    assert.equal(queryRows(dbUrl, 'SELECT COUNT(DISTINCT registration_id) FROM session_groups WHERE is_client = 1')[0][0], '8');
  }));

  it('moving someone locks them there, and recomposing keeps them', { timeout: TEST_TIMEOUT }, t(async () => {
    const f = await loggedIn(facilitator);
    const who = participants[0];
    const was = groupsOf(2).get(who.registration).group;
    const target = was === 1 ? 2 : 1;
    const page = await f.get(`/animation/${SLUG}/groupes`);
    const form = formOf(page, (x) => x.action.endsWith('/groupes/deplacer') && x.fields.seance === '2' && x.fields.inscription === who.registration);
    const res = await f.submit(form, { groupe: String(target) });
    assert.equal(res.status, 303, res.pageText.slice(0, 600));
    assert.match(res.location, /\/groupes\?fait=deplacer#seance-2$/);
    assert.deepEqual({ group: groupsOf(2).get(who.registration).group, locked: groupsOf(2).get(who.registration).locked }, { group: target, locked: true });
    const after = await f.follow(res);
    assert.match(after.pageText, /Verrouillé dans ce groupe/);

    const { form: compose } = await f.form(`/animation/${SLUG}/groupes`, 'groups');
    assert.equal((await f.submit(compose)).status, 303);
    assert.equal(groupsOf(2).get(who.registration).group, target, 'the lock holds after recomposing');

    const unlockPage = await f.get(`/animation/${SLUG}/groupes`);
    const unlock = formOf(unlockPage, (x) => x.action.endsWith('/groupes/deverrouiller') && x.fields.inscription === who.registration);
    assert.equal((await f.submit(unlock)).status, 303);
    assert.equal(groupsOf(2).get(who.registration).locked, false);
  }));

  it('an absence noted in advance takes the person out of that session’s groups', { timeout: TEST_TIMEOUT }, t(async () => {
    const f = await loggedIn(facilitator);
    const who = participants[1];
    const page = await f.get(`/animation/${SLUG}/groupes`);
    const form = formOf(page, (x) => x.action.endsWith('/groupes/absence') && x.fields.seance === '3');
    const res = await f.submit(form, { inscription: who.registration });
    assert.equal(res.status, 303, res.pageText.slice(0, 600));
    assert.equal(groupsOf(3).has(who.registration), false);
    assert.equal(groupsOf(3).size, 9);
    assert.equal(groupsOf(4).has(who.registration), true);
    assert.deepEqual(queryRows(dbUrl, `SELECT status FROM attendance WHERE session_id = ${sessionId(3)} AND registration_id = ${who.registration}`), [['excused']]);
    const after = await f.follow(res);
    assert.match(after.pageText, /L’absence est notée comme excusée/);
  }));

  it('attendance: radios per participant, one kind e-mail for an unexcused absence, rates for the organiser', { timeout: TEST_TIMEOUT }, t(async () => {
    const f = await loggedIn(facilitator);
    const future = await f.get(`/animation/${SLUG}/seances/4/presences`);
    assert.equal(future.status, 200);
    assert.match(future.pageText, /Cette séance n’a pas encore commencé/);
    assert.throws(() => formOf(future, 'presence_' + participants[0].registration));

    // Session 1 started an hour ago.
    const now = Math.floor(Date.now() / 1000);
    runSql(dbUrl, `UPDATE cycle_sessions SET starts_at = ${now - 3600}, ends_at = ${now + 3600} WHERE id = ${sessionId(1)};`);
    const missing = participants[2];
    const excused = participants[3];
    const { res: page, form } = await f.form(`/animation/${SLUG}/seances/1/presences`, `presence_${missing.registration}`);
    assert.match(page.text, /<legend[^>]*>\s*Participant 03/);
    // Nothing ticked until the facilitator records it.
    assert.equal(form.inputs.filter((i) => i.type === 'radio' && i.name.startsWith('presence_')).length, 30);
    assert.equal(form.inputs.filter((i) => i.type === 'radio' && i.checked).length, 0, 'no radio checked before recording');
    assert.deepEqual(Object.keys(form.fields).filter((k) => k.startsWith('presence_')), []);
    // Saved with nothing set: a French message, nothing recorded.
    const empty = await f.submit(form);
    assert.equal(empty.status, 422);
    assert.match(empty.pageText, /Aucune présence n’est cochée/);
    // Two rows set: only those two are recorded, the others stay unrecorded.
    const res = await f.submit(form, { [`presence_${missing.registration}`]: 'absent', [`presence_${excused.registration}`]: 'excused' });
    assert.equal(res.status, 303, res.pageText.slice(0, 600));
    assert.deepEqual(
      queryRows(dbUrl, `SELECT registration_id, status FROM attendance WHERE session_id = ${sessionId(1)} ORDER BY registration_id`),
      [[missing.registration, 'absent'], [excused.registration, 'excused']].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    const partial = await f.follow(res);
    assert.match(partial.pageText, /Les présences sont enregistrées\. Un e-mail a été envoyé/);
    assert.match(partial.pageText, /8 non renseignée\(s\)/);
    const rest = formOf(partial, `presence_${missing.registration}`);
    assert.equal(rest.fields[`presence_${missing.registration}`], 'absent', 'the saved status is checked');
    assert.equal(rest.fields[`presence_${participants[0].registration}`], undefined, 'an unrecorded row stays unchecked');
    const everyoneElse = Object.fromEntries(
      participants.filter((p) => p !== missing && p !== excused).map((p) => [`presence_${p.registration}`, 'present']),
    );
    const filled = await f.submit(rest, everyoneElse);
    assert.equal(filled.status, 303, filled.pageText.slice(0, 600));
    const saved = await f.follow(filled);
    assert.match(saved.pageText, /Taux de présence : 80 %/);
    const again = formOf(saved, `presence_${missing.registration}`);
    assert.equal(again.fields[`presence_${missing.registration}`], 'absent', 'the saved status is shown');

    const mail = await sink.waitFor((m) => mailTo(missing.email)(m) && /Vous nous avez manqué/.test(m.subject), 15_000);
    assert.match(mail.text, /Vous nous avez manqué lors de la séance 1/);
    assert.match(mail.text, /https:\/\/visio\.exemple\.fr\/foret-2/);
    assert.match(mail.text, /prévenez/);

    // Saved again: no second e-mail; the excused person never gets one.
    assert.equal((await f.submit(again)).status, 303);
    await sleep(1500);
    const toMissing = sink.messages().filter((m) => mailTo(missing.email)(m) && /manqué/.test(m.subject));
    assert.equal(toMissing.length, 1);
    assert.equal(sink.messages().filter((m) => mailTo(excused.email)(m) && /manqué/.test(m.subject)).length, 0);

    const o = await loggedIn(organiser);
    const admin = await o.get(`/admin/cycles/${SLUG}/inscriptions`);
    assert.equal(admin.status, 200);
    assert.match(admin.text, new RegExp(`href="/animation/${SLUG}/presences"`));
    const rates = await o.get(`/animation/${SLUG}/presences`);
    assert.equal(rates.status, 200);
    assert.match(rates.pageText, /Taux de présence du cycle : 80 %/);
    assert.match(rates.pageText, /Participant 03 .*Sans excuse/);
    assert.match(rates.pageText, /Participant 04 .*Excusée/);
  }));
  it('the facilitator reads each participant’s situation before session 1 and exports it; another cycle’s facilitator cannot', { timeout: TEST_TIMEOUT }, t(async () => {
    const page = `/animation/${SLUG}/participants`;
    const csvPath = `${page}.csv`;
    for (const p of [page, csvPath]) {
      const res = await new HttpClient(base).get(p);
      assert.equal(res.status, 303, p);
      assert.equal(res.locationPath, `/compte/connexion?suivant=${encodeURIComponent(p)}`);
    }
    // A facilitator of another cycle.
    const otherSlug = queryRows(dbUrl, `SELECT slug FROM cycles WHERE slug <> ${q(SLUG)} ORDER BY id LIMIT 1`)[0][0];
    const [otherFacilitator] = createBulkUsers(dbUrl, [{ collectiviteId: pickCommunes(dbUrl, 1, { offset: 3100 })[0], fullName: 'Gaspard Autre-Cycle' }], { tag: 'anim' });
    const grant = spawnSync(SERVER_BIN, ['user', 'grant', otherFacilitator.email, 'facilitator', '--cycle', otherSlug, '--db', dbUrl], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(grant.status, 0, grant.stderr);
    const g = await loggedIn(otherFacilitator);
    assert.equal((await g.get(`/animation/${otherSlug}/participants`)).status, 200, 'their own cycle opens');
    for (const p of [page, csvPath]) {
      const res = await g.get(p);
      assert.equal(res.status, 403, p);
      assert.doesNotMatch(res.text, /Situation n° 0/);
    }

    const f = await loggedIn(facilitator);
    const anim = await f.get(`/animation/${SLUG}`);
    assert.match(anim.text, new RegExp(`href="${page}"`), 'linked from the cycle’s facilitation page');
    const res = await f.get(page);
    assert.equal(res.status, 200);
    assert.match(res.pageText, /Participants et situations/);
    assert.match(res.pageText, /10 participants confirmés/);
    const first = participants[0];
    assert.match(res.pageText, new RegExp(`Participant 01 ${first.functionTitle} – Élu ou élue, `));
    assert.ok(res.pageText.includes(situationText(0)), 'the situation text is shown');

    const before = Number(queryRows(dbUrl, `SELECT COUNT(*) FROM audit_log WHERE action = 'situations.export'`)[0][0]);
    const csv = await f.get(csvPath);
    assert.equal(csv.status, 200);
    assert.match(csv.contentType, /^text\/csv; charset=utf-8/);
    assert.match(csv.headers.get('content-disposition'), new RegExp(`attachment; filename="situations-${SLUG}\\.csv"`));
    assert.ok(csv.text.startsWith('\ufeffNom;Collectivité;Fonction;Élu ou agent;Situation\r\n'), csv.text.slice(0, 80));
    assert.equal(csv.text.trimEnd().split('\r\n').length, 11, 'a header and one line per confirmed participant');
    assert.ok(csv.text.includes(`Participant 01;`));
    assert.ok(csv.text.includes(situationText(0).replace(/"/g, '""')));
    const after = queryRows(dbUrl, `SELECT COUNT(*), MAX(details) FROM audit_log WHERE action = 'situations.export' AND target = ${q('cycle:' + SLUG)}`)[0];
    assert.equal(Number(after[0]), before + 1, 'the export is written to the journal');
    assert.equal(after[1], '10 situation(s) de participants confirmés');

    const o = await loggedIn(organiser);
    assert.equal((await o.get(page)).status, 200, 'organisers read it too');
  }));
});
