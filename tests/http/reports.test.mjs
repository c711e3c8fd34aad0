// The agency's reports over HTTP (SQLite): a cycle filled directly in the database
// (registrations, attendance, action leads, questionnaires), then the dashboard, the
// cycle report and their CSV/XLSX files, with the figures checked; organisers only.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  HttpClient,
  htmlToText,
  makeTempDir,
  startServer,
  startSmtpSink,
  withServerLog,
} from '../support/harness.mjs';
import { login } from '../support/flows.mjs';
import { BULK_PASSWORD, q, queryRows } from '../support/bulk.mjs';
import { DAY, fillReportCycle } from '../support/report_data.mjs';

const SLUG = 'rapport-essai';
const TITLE = 'Rapport d’essai : les places de village';

/** The <tr> of an HTML table whose text contains `needle`, as text. */
function rowText(html, needle) {
  for (const m of html.matchAll(/<tr\b[\s\S]*?<\/tr>/gi)) if (m[0].includes(needle)) return htmlToText(m[0]);
  return null;
}

/** A multi-section CSV (title line, header line, rows, empty line between sections) as { title: rows[][] }. */
function csvSections(text) {
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 BOM');
  const sections = {};
  for (const block of text.slice(1).split('\r\n\r\n')) {
    const lines = block.split('\r\n').filter((l) => l.length > 0);
    sections[lines[0]] = lines.slice(1).map((l) => l.split(';'));
  }
  return sections;
}

const frenchDay = (utc) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' })
    .format(new Date(utc * 1000));

describe('rapports — sqlite', () => {
  let tmp;
  let db;
  let sink;
  let server;
  let organiser;
  let participant;
  let sessionStarts;
  const t = (fn) => withServerLog(() => server, fn);
  const loggedIn = async (user) => {
    const c = new HttpClient(server.baseUrl);
    await login(c, user.email, BULK_PASSWORD);
    return c;
  };

  before(async () => {
    tmp = await makeTempDir('http-reports');
    db = `sqlite:${path.join(tmp.dir, 'test.db')}`;
    sink = await startSmtpSink();
    server = await startServer({ db, smtpPort: sink.port });
    ({ organiser, people: [, , , participant], sessionStarts } = fillReportCycle(db, { slug: SLUG, title: TITLE }));
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

  it('a participant is refused every report page and file', { timeout: 60_000 }, t(async () => {
    const c = await loggedIn(participant);
    for (const p of ['/admin/rapports', '/admin/rapports.csv', `/admin/rapports/${SLUG}`, `/admin/rapports/${SLUG}.xlsx`]) {
      const res = await c.get(p);
      assert.equal(res.status, 403, p);
      assert.match(res.pageText, /réservée à l’équipe des ateliers/);
    }
    const anonymous = await new HttpClient(server.baseUrl).get('/admin/rapports');
    assert.equal(anonymous.status, 303);
  }));

  it('the dashboard lists the cycle with its figures, and filters', { timeout: 60_000 }, t(async () => {
    const o = await loggedIn(organiser);
    const home = await o.get('/admin');
    assert.ok(home.text.includes('href="/admin/rapports"'), 'linked from the back office home');

    const res = await o.get('/admin/rapports');
    assert.equal(res.status, 200);
    assert.match(res.pageText, /Rapports et tableau de bord/);
    const row = rowText(res.text, `/admin/rapports/${SLUG}"`);
    assert.ok(row, 'a line for the cycle, linked to its report');
    // Cycle, status, first session, held/total, confirmed, collectivités, % élus, % priority,
    // attendance (4 present / 3 × 2), leads, satisfaction (4,5), response rate: "–", the cycle
    // has two sessions to come (a rate counts only ended cycles).
    assert.match(row, /Publié .* 2 \/ 4 3 3 67 % 67 % 67 % 2 4,5 sur 5 –$/, row);
    assert.match(res.pageText, /Personnes 3 /, 'three distinct people (the one waiting does not count)');
    assert.equal((res.text.match(/role="img"/g) ?? []).length, 5, 'five charts');

    const closed = await o.get('/admin/rapports?statut=closed');
    assert.equal(closed.status, 200);
    assert.equal(rowText(closed.text, `/admin/rapports/${SLUG}"`), null, 'a published cycle is not among closed ones');
    // As a form sends them (the slashes percent-encoded).
    const french = await o.get(`/admin/rapports?du=${encodeURIComponent('01/02/2026')}&au=${encodeURIComponent('31/12/2099')}`);
    assert.equal(french.status, 200);
    assert.match(french.text, /id="du" name="du" value="2026-02-01"/, 'dates typed jj/mm/aaaa go back into the date inputs');
    assert.match(french.text, /id="au" name="au" value="2099-12-31"/);
    const bad = await o.get('/admin/rapports?du=2026-02-30');
    assert.equal(bad.status, 422);
    assert.match(bad.pageText, /Indiquez la date de début/);
    const later = new Date((sessionStarts[0] + 2 * DAY) * 1000).toISOString().slice(0, 10);
    const after = await o.get(`/admin/rapports?du=${later}`);
    assert.equal(rowText(after.text, `/admin/rapports/${SLUG}"`), null, 'first session before the period');
  }));

  it('the cycle report shows every breakdown, attendance, leads and satisfaction', { timeout: 60_000 }, t(async () => {
    const o = await loggedIn(organiser);
    const res = await o.get(`/admin/rapports/${SLUG}`);
    assert.equal(res.status, 200);
    const text = res.pageText;
    assert.match(text, /Rapport du cycle « Rapport d’essai : les places de village »/);
    assert.match(text, /Participants confirmés 3 pour 15 places/);
    assert.match(text, /Taux de présence 67 % sur 2 séance\(s\) tenue\(s\) sur 4/);
    assert.match(rowText(res.text, '>Auvergne-Rhône-Alpes<'), /^Auvergne-Rhône-Alpes 2$/);
    assert.match(rowText(res.text, '>Loire (42)<'), /^Loire \(42\) 2$/);
    assert.match(rowText(res.text, '>Bouches-du-Rhône (13)<'), /^Bouches-du-Rhône \(13\) 1$/);
    assert.equal(rowText(res.text, 'La Réunion'), null, 'the person waiting is not a participant');
    assert.match(rowText(res.text, '>Ruralités'), / 1$/);
    assert.match(rowText(res.text, '>Commune de moins de 3 500 habitants<'), / 1$/);
    assert.match(rowText(res.text, '>Élus<'), /^Élus 2$/);
    assert.match(rowText(res.text, '>Séance 1 – '), /^Séance 1 – .* 2 0 1 0 67 %$/);
    assert.match(rowText(res.text, '>Séance 2 – '), /^Séance 2 – .* 2 1 0 0 67 %$/);
    assert.match(rowText(res.text, '>Séance 3 – '), /\(à venir\) 0 0 0 3 à venir$/);
    assert.match(rowText(res.text, 'Lancer un marché de producteurs'), /^1 Pélussin \(42\) – commune Ouverte Lancer un marché de producteurs/);
    assert.match(rowText(res.text, '>Réalisée<'), /^Réalisée 1$/);
    assert.match(text, /Satisfaction moyenne 4,5 sur 5/);
    assert.match(text, /Recommanderaient les ateliers 50 %/);
    assert.ok(res.text.includes('Des échanges &lt;précieux&gt; &amp; concrets'), 'comments are escaped');
    assert.match(text, /Commentaires \(1\)/);
    assert.match(res.text, /data-print-button hidden>Imprimer/);
    assert.match(text, /utilisez la commande « Imprimer » de votre navigateur/);
    assert.match(res.text, /<link rel="stylesheet" href="\/static\/css\/reports.css">/);
    const css = await o.get('/static/css/reports.css');
    assert.equal(css.status, 200);
    assert.match(css.text, /@media print/);

    const missing = await o.get('/admin/rapports/inconnu');
    assert.equal(missing.status, 404);
  }));

  it('CSV and XLSX files carry the same figures; the cycle export is audited', { timeout: 60_000 }, t(async () => {
    const o = await loggedIn(organiser);
    const csv = await o.get(`/admin/rapports/${SLUG}.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.contentType, /^text\/csv/);
    assert.equal(csv.headers.get('content-disposition'), `attachment; filename="rapport-${SLUG}.csv"`);
    const s = csvSections(csv.text);
    assert.deepEqual(s['Synthèse'][0], ['Indicateur', 'Valeur']);
    assert.deepEqual(s['Synthèse'].find((r) => r[0] === 'Participants confirmés'), ['Participants confirmés', '3']);
    assert.deepEqual(s['Synthèse'].find((r) => r[0] === 'Taux de présence (%)'), ['Taux de présence (%)', '67']);
    assert.deepEqual(s['Synthèse'].find((r) => r[0] === 'Satisfaction moyenne (sur 5)'), ['Satisfaction moyenne (sur 5)', '4,5']);
    assert.deepEqual(s['Présence par séance'][0], ['Séance', 'Date', 'Tenue', 'Présents', 'Excusés', 'Absents', 'Non renseigné', 'Taux de présence (%)']);
    assert.deepEqual(s['Présence par séance'][1], ['1', frenchDay(sessionStarts[0]), 'oui', '2', '0', '1', '0', '67']);
    assert.deepEqual(s['Présence par séance'][3], ['3', frenchDay(sessionStarts[2]), 'non', '0', '0', '0', '3', '']);
    assert.deepEqual(s['Régions'].slice(1), [['Auvergne-Rhône-Alpes', '2'], ["Provence-Alpes-Côte d'Azur", '1']]);
    assert.equal(s['Pistes d’action'].length, 3, 'header and two leads');
    assert.deepEqual(s['Commentaires'].slice(1), [['Des échanges <précieux> & concrets']]);
    const audit = queryRows(db, `SELECT COUNT(*) FROM audit_log WHERE action = 'report.csv' AND target = ${q(`cycle:${SLUG}`)}`);
    assert.equal(audit[0][0], '1');

    const dash = await o.get('/admin/rapports.csv');
    assert.equal(dash.status, 200);
    assert.equal(dash.headers.get('content-disposition'), 'attachment; filename="rapports.csv"');
    const d = csvSections(dash.text);
    assert.deepEqual(d.Cycles[0].slice(0, 7), ['Cycle', 'Identifiant', 'Statut', 'Première séance', 'Séances', 'Séances tenues', 'Participants confirmés']);
    const line = d.Cycles.find((r) => r[1] === SLUG);
    assert.deepEqual(line, [TITLE, SLUG, 'Publié', frenchDay(sessionStarts[0]), '4', '2', '3', '3', '67', '67', '67', '2', '2', '4,5', '']);
    assert.match(d.Cycles.at(-1)[0], /^Total \(\d+ cycles, 3 personnes et 3 collectivités distinctes\)$/);
    assert.deepEqual(d['Élus et agents'].slice(1), [['Élus', '2', '2', '2'], ['Agents', '1', '1', '1']]);
    assert.equal(queryRows(db, "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'report.%'")[0][0], '1', 'aggregated: not audited');

    for (const p of ['/admin/rapports.xlsx?statut=published', `/admin/rapports/${SLUG}.xlsx`]) {
      const x = await o.get(p);
      assert.equal(x.status, 200, p);
      assert.match(x.contentType, /spreadsheetml/);
      assert.equal(x.body.subarray(0, 2).toString('latin1'), 'PK', p);
    }
  }));
});
