// One page per territory over HTTP (SQLite, demo data): organisers only; a commune's page
// lists the cycle its people took part in (attendance, action leads), the demo programme
// and an event and a project written into the database; the EPCI's page gathers its member
// communes and says which one took part; the agency report counts collectivités reached
// across the four kinds of work, also in its CSV.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { HttpClient, htmlToText, makeTempDir, startServer, startSmtpSink, withServerLog } from '../support/harness.mjs';
import { login } from '../support/flows.mjs';
import { BULK_PASSWORD, q, queryRows, runSql } from '../support/bulk.mjs';
import { fillReportCycle } from '../support/report_data.mjs';

const SLUG = 'territoire-essai';
const TITLE = 'Cycle vu depuis le territoire';

describe('pages par territoire — sqlite', () => {
  let tmp;
  let db;
  let sink;
  let server;
  let organiser;
  let anne;
  let participant;
  const t = (fn) => withServerLog(() => server, fn);
  const loggedIn = async (user) => {
    const c = new HttpClient(server.baseUrl);
    await login(c, user.email, BULK_PASSWORD);
    return c;
  };

  before(async () => {
    tmp = await makeTempDir('http-territories');
    db = `sqlite:${path.join(tmp.dir, 'test.db')}`;
    sink = await startSmtpSink();
    server = await startServer({ db, smtpPort: sink.port });
    ({ organiser, people: [anne, , , participant] } = fillReportCycle(db, { slug: SLUG, title: TITLE, tag: 'territories' }));
    const now = Math.floor(Date.now() / 1000);
    const [[eventId]] = queryRows(db, "SELECT id FROM events ORDER BY starts_at LIMIT 1");
    runSql(db, [
      'BEGIN;',
      `INSERT INTO event_registrations (event_id, user_id, organisation, organisation_kind, collectivite_id, function_title, attendance, status, seat, arrival, created_at, updated_at) VALUES (${eventId}, ${anne.id}, 'Mairie de Pélussin', 'collectivite', 'commune:42168', 'Maire', 'in_person', 'confirmed', 9999, ${now}, ${now}, ${now});`,
      `INSERT INTO projects (title, territory_id, summary, question_set, created_at) VALUES ('Projet de la forêt de Pélussin', 'commune:42168', '', 'livrables-v1', ${now});`,
      `INSERT INTO project_deliverables (project_id, number, state, updated_at) VALUES ((SELECT id FROM projects WHERE title = 'Projet de la forêt de Pélussin'), 1, 'valide', ${now});`,
      'COMMIT;',
    ].join('\n'));
  }, { timeout: 300_000 });

  after(async () => {
    for (const stop of [() => server?.stop(), () => sink?.stop(), () => tmp?.remove()]) {
      try {
        await stop();
      } catch (e) {
        console.error(`cleanup: ${e.message}`);
      }
    }
  }, { timeout: 60_000 });

  it('anonymous visitors are sent to log in, participants are refused', { timeout: 60_000 }, t(async () => {
    for (const p of ['/territoires', '/territoires/42168', '/territoires?q=P%C3%A9lussin']) {
      const anonymous = await new HttpClient(server.baseUrl).get(p);
      assert.equal(anonymous.status, 303, p);
      assert.match(anonymous.headers.get('location'), /^\/compte\/connexion\?suivant=/);
    }
    const c = await loggedIn(participant);
    for (const p of ['/territoires', '/territoires/42168', '/territoires/244200895']) {
      const res = await c.get(p);
      assert.equal(res.status, 403, p);
      assert.match(res.pageText, /réservée à l’équipe des ateliers/);
      assert.ok(!res.text.includes('Anne Pélussin'), 'no name leaks');
    }
  }));

  it('a commune’s page: cycle with attendance and leads, event, programme, project', { timeout: 60_000 }, t(async () => {
    const o = await loggedIn(organiser);
    const res = await o.get('/territoires/42168');
    assert.equal(res.status, 200);
    const text = res.pageText;
    assert.match(text, /Pélussin/);
    for (const heading of ['Cycles d’ateliers', 'Événements', 'Programmes d’accompagnement', 'Projets'])
      assert.ok(text.includes(heading), heading);
    assert.ok(text.includes(TITLE), 'the cycle');
    assert.match(text, /Anne Pélussin : présent\(e\) à 2 séance\(s\) sur 4/);
    assert.match(text, /Piste d’action \(Ouverte\) : Lancer un marché de producteurs/);
    assert.match(text, /Anne Pélussin \(Maire\) – inscrit\(e\), non émargé\(e\)/);
    assert.match(text, /Projet de la forêt de Pélussin/);
    assert.match(text, /1 livrable\(s\) validé\(s\) sur 3/);
    assert.match(text, /action\(s\) au plan|Aucune action au plan/, 'the demo programme’s territory');
    assert.ok(!text.includes('Bruno Chavanay'), 'another commune’s people are not on this page');
    assert.ok(res.text.includes(`href="/admin/rapports/${SLUG}"`), 'links to the cycle’s report');
    // Up the map: its EPCI, its département, its région.
    assert.match(text, /Fait partie de : CC du Pilat Rhodanien ?, Loire ?, Auvergne-Rhône-Alpes/);
    for (const href of ['/territoires/244200895', '/territoires/42', '/territoires/region-84'])
      assert.ok(res.text.includes(`href="${href}"`), href);
  }));

  it('an EPCI’s page gathers its member communes, each line saying which', { timeout: 60_000 }, t(async () => {
    const o = await loggedIn(organiser);
    const res = await o.get('/territoires/244200895');
    assert.equal(res.status, 200);
    const text = res.pageText;
    assert.match(text, /CC du Pilat Rhodanien/);
    assert.match(text, /commune\(s\) membre\(s\)/);
    assert.ok(text.includes('Anne Pélussin'), 'Pélussin’s participant');
    assert.ok(text.includes('Bruno Chavanay'), 'Chavanay’s participant');
    const cycle = htmlToText(res.text.split(TITLE).slice(1).join(' ')).slice(0, 2000);
    assert.match(cycle, /· (Pélussin|Chavanay)/, 'the line names its commune');
    assert.ok(res.text.includes('href="/territoires/42056"'), 'member communes are linked');
    assert.match(text, /Fait partie de : Loire ?, Auvergne-Rhône-Alpes/, 'an EPCI has no EPCI above it');
  }));

  it('unknown code: French 404; search by name or code', { timeout: 60_000 }, t(async () => {
    const o = await loggedIn(organiser);
    const missing = await o.get('/territoires/00000');
    assert.equal(missing.status, 404);
    assert.match(missing.pageText, /Aucune collectivité du référentiel n’a le code « 00000 »/);
    const byName = await o.get(`/territoires?q=${encodeURIComponent('Pélussin')}`);
    assert.equal(byName.status, 200);
    assert.ok(byName.text.includes('href="/territoires/42168"'), 'found by name');
    const byCode = await o.get('/territoires?q=244200895');
    assert.ok(byCode.text.includes('href="/territoires/244200895"'), 'found by SIREN');
    const none = await o.get('/territoires?q=zzzzzz');
    assert.equal(none.status, 200);
    assert.match(none.pageText, /Aucune collectivité ne correspond/);
    const long = await o.get(`/territoires?q=${'a'.repeat(150)}`);
    assert.equal(long.status, 422);
    assert.match(long.pageText, /au plus 100 caractères/);
  }));

  it('organisers reach the page from the registrations list and the verified collectivités', { timeout: 60_000 }, t(async () => {
    const o = await loggedIn(organiser);
    const list = await o.get(`/admin/cycles/${SLUG}/inscriptions`);
    assert.equal(list.status, 200);
    assert.ok(list.text.includes('href="/territoires/42168"'), 'registrations list');
    const verified = await o.get('/admin/collectivites');
    assert.equal(verified.status, 200);
    assert.ok(verified.text.includes('href="/territoires/42168"'), 'verified collectivités page');
  }));

  it('the agency report counts collectivités reached across the four kinds, in its CSV too', { timeout: 60_000 }, t(async () => {
    const o = await loggedIn(organiser);
    const res = await o.get('/admin/rapports');
    assert.equal(res.status, 200);
    const text = res.pageText;
    assert.match(text, /Collectivités touchées \d+ distinctes, toutes activités/);
    assert.match(text, /Communes couvertes par leur intercommunalité \d+/);
    for (const heading of ['Cycles d’ateliers : pistes d’action', 'Événements', 'Programmes d’accompagnement', 'Projets (méthode de la Fabrique)'])
      assert.ok(text.includes(heading), heading);
    assert.match(text, /Actions des plans/);
    assert.match(text, /Livrables validés/);
    const csv = await o.get('/admin/rapports.csv');
    assert.equal(csv.status, 200);
    assert.ok(csv.text.includes('Collectivités touchées'), 'headline in the CSV');
    assert.ok(csv.text.includes('Projets par étape'), 'sections in the CSV');
    const distinct = queryRows(db, `SELECT COUNT(*) FROM registrations WHERE status = 'confirmed' AND collectivite_id = ${q('commune:42168')}`);
    assert.ok(Number(distinct[0][0]) >= 1);
  }));
});
