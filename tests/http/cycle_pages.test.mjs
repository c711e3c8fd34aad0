// The cycle pages as people see them, black-box on SQLite: where a signed-in person
// stands ("Vous êtes inscrit·e", waiting list, a colleague holding the collectivité's
// place and the alert when it frees), the "Complet" badge once, registration closed
// once the first session has started (pages, API and form agree), and the organisers'
// draft preview, extra session row and refusal of sessions in the past.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { HttpClient, formOf, makeTempDir, startServer, startSmtpSink, withServerLog } from '../support/harness.mjs';
import { login, mailTo } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, q, queryRows, runSql, situationText } from '../support/bulk.mjs';

const TEST_TIMEOUT = 60_000;
const DAY = 86400;

/** Texts of the DSFR badges of a page. */
const badges = (html) => [...html.matchAll(/<p class="fr-badge[^"]*">([^<]*)<\/p>/g)].map((m) => m[1].trim());

/** Does the page link to href with a link whose text matches label? */
const hasLink = (html, href, label) =>
  [...html.matchAll(/<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].some((m) => m[1] === href && label.test(m[2]));

/** Fields of a valid cycle: four Thursdays two weeks apart, next year and the year after. */
function cycleFields(title) {
  const year = new Date().getFullYear() + 2;
  return {
    title,
    theme: 'Transition écologique',
    summary: 'Coopérer entre communes et habitants autour de la ressource en eau.',
    description: 'Premier paragraphe.',
    territory_ruralites: '1',
    capacity: '12',
    mode: 'first_come',
    facilitator_choice: 'new',
    new_facilitator_name: 'Inès Intervenante',
    new_facilitator_bio: 'Hydrologue.',
    session_1_date: `${year}-01-14`, session_1_start: '09:30', session_1_end: '11:30',
    session_2_date: `${year}-01-28`, session_2_start: '09:30', session_2_end: '11:30',
    session_3_date: `${year}-02-11`, session_3_start: '09:30', session_3_end: '11:30',
    session_4_date: `${year}-02-25`, session_4_start: '09:30', session_4_end: '11:30',
  };
}

describe('pages des cycles', () => {
  let tmp;
  let db;
  let sink;
  let server;
  let base;
  let organiser;
  let people;
  let communes;
  const t = (fn) => withServerLog(() => server, fn);
  const loggedIn = async (user) => {
    const c = new HttpClient(base);
    await login(c, user.email, BULK_PASSWORD);
    return c;
  };
  const register = async (client, slug, i) => {
    const { form } = await client.form(`/cycles/${slug}/inscription`, 'situation');
    return client.submit(form, {
      situation: situationText(i), mandate: 'elu', function_title: 'Maire',
      engagement_presence: '1', engagement_situation: '1', engagement_camera: '1',
    });
  };

  before(async () => {
    tmp = await makeTempDir('cycle-pages');
    db = `sqlite:${path.join(tmp.dir, 'test.db')}`;
    sink = await startSmtpSink();
    // No public page cache: each test changes the database behind the server's back.
    server = await startServer({ db, smtpPort: sink.port, extraArgs: ['--public-cache-ms', '0'] });
    base = server.baseUrl;
    communes = pickCommunes(db, 5, { offset: 4000 });
    [organiser] = createBulkUsers(db, [{ collectiviteId: communes[0], role: 'organiser', fullName: 'Olga Organisatrice' }], { tag: 'cp' });
    people = createBulkUsers(db, [
      { collectiviteId: communes[1], fullName: 'Alice Titulaire' },
      { collectiviteId: communes[2], fullName: 'Bruno Attente' },
      { collectiviteId: communes[1], fullName: 'Camille Collègue' },
      { collectiviteId: communes[3], fullName: 'Denis Candidat' },
    ], { tag: 'cp' });
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

  it('registered, waiting, colleague: each sees where they stand, and the colleague is told when the place frees', { timeout: TEST_TIMEOUT }, t(async () => {
    const slug = 'forets-cooperer';
    runSql(db, `UPDATE cycles SET capacity = 1 WHERE slug = ${q(slug)};`);
    const [alice, bruno, camille] = people;
    const a = await loggedIn(alice);
    assert.equal((await register(a, slug, 1)).status, 303);
    const b = await loggedIn(bruno);
    assert.equal((await register(b, slug, 2)).status, 303);

    // Alice: "Vous êtes inscrit·e" with a link to her space, no "S'inscrire", on the page and in the catalogue.
    const alicePage = await a.get(`/cycles/${slug}`);
    assert.ok(badges(alicePage.text).includes('Vous êtes inscrit·e'), badges(alicePage.text).join(' | '));
    assert.ok(hasLink(alicePage.text, '/espace', /Voir mon inscription/));
    assert.ok(!hasLink(alicePage.text, `/cycles/${slug}/inscription`, /S’inscrire/), 'no "S’inscrire" for a registered person');
    const aliceCatalogue = await a.get('/cycles');
    assert.match(aliceCatalogue.pageText, /Vous êtes inscrit·e/);
    assert.ok(hasLink(aliceCatalogue.text, '/espace', /Voir mon inscription/));

    // Bruno waits, and says so.
    const brunoPage = await b.get(`/cycles/${slug}`);
    assert.ok(badges(brunoPage.text).includes('Sur liste d’attente (position 1)'), badges(brunoPage.text).join(' | '));
    assert.ok(!hasLink(brunoPage.text, `/cycles/${slug}/inscription`, /S’inscrire/));

    // A full cycle says "Complet" once, and no other badge repeats it.
    const anonymous = await new HttpClient(base).get(`/cycles/${slug}`);
    const full = badges(anonymous.text);
    assert.deepEqual(full.filter((x) => /complet|attente/i.test(x)), ['Complet – liste d’attente'], full.join(' | '));
    const catalogueBadges = badges((await new HttpClient(base).get('/cycles?theme=' + encodeURIComponent('Forêt et conflits d\'usage'))).text);
    assert.equal(catalogueBadges.filter((x) => /complet|attente/i.test(x)).length, 1, catalogueBadges.join(' | '));

    // Camille, Alice's colleague, is told on the page, without Alice's name, and asks to be told.
    const c = await loggedIn(camille);
    const camillePage = await c.get(`/cycles/${slug}`);
    assert.match(camillePage.pageText, /Votre collectivité a déjà une inscription à ce cycle/);
    assert.doesNotMatch(camillePage.pageText, /Alice/);
    assert.ok(!hasLink(camillePage.text, `/cycles/${slug}/inscription`, /S’inscrire/), 'no form to fill in vain');
    const alertForm = formOf(camillePage, '/alerte-place');
    const asked = await c.submit(alertForm);
    assert.equal(asked.status, 303);
    const after = await c.follow(asked);
    assert.match(after.pageText, /nous vous écrirons si une place se libère pour votre collectivité/);
    assert.equal(queryRows(db, 'SELECT COUNT(*) FROM seat_alerts WHERE notified_at IS NULL')[0][0], '1');

    // Alice cancels: Bruno gets the seat, Camille her e-mail.
    const space = await a.get('/espace');
    const cancelLink = /href="(\/espace\/inscriptions\/\d+\/annuler)"/.exec(space.text)[1];
    const { form: cancel } = await a.form(cancelLink, (f) => f.action.endsWith('/annuler'));
    assert.equal((await a.submit(cancel)).status, 303);
    const mail = await sink.waitFor((m) => mailTo(camille.email)(m) && /Une place se libère pour votre collectivité/.test(m.subject));
    assert.doesNotMatch(mail.text, /Alice/);
    assert.match(mail.text, new RegExp(`/cycles/${slug}`));
    const camilleAfter = await c.get(`/cycles/${slug}`);
    assert.doesNotMatch(camilleAfter.pageText, /Votre collectivité a déjà une inscription/);
    assert.ok(hasLink(camilleAfter.text, `/cycles/${slug}/inscription`, /S’inscrire/));
  }));

  it('registration closes once the first session has started: page, catalogue, home, API and form agree', { timeout: TEST_TIMEOUT }, t(async () => {
    const slug = 'tensions-posture';
    const now = Math.floor(Date.now() / 1000);
    runSql(db, `UPDATE cycles SET registration_opens_at = NULL, registration_closes_at = NULL WHERE slug = ${q(slug)};
      UPDATE cycle_sessions SET starts_at = ${now - 3600}, ends_at = ${now + 3600}
        WHERE number = 1 AND cycle_id = (SELECT id FROM cycles WHERE slug = ${q(slug)});`);
    const anonymous = new HttpClient(base);
    const page = await anonymous.get(`/cycles/${slug}`);
    assert.ok(badges(page.text).includes('Inscriptions closes'), badges(page.text).join(' | '));
    assert.ok(!hasLink(page.text, `/cycles/${slug}/inscription`, /S’inscrire/));
    const home = await anonymous.get('/');
    assert.ok(!home.text.includes(`href="/cycles/${slug}"`), 'a cycle already under way is not among the next cycles');
    const api = await anonymous.get(`/api/v1/cycles/${slug}`);
    assert.equal(api.json().availability, 'closed');
    const open = await anonymous.get('/cycles?places=1');
    assert.ok(!open.text.includes(`href="/cycles/${slug}"`), 'not among the cycles with seats');

    const d = await loggedIn(people[3]);
    const res = await register(d, slug, 4);
    assert.equal(res.status, 409);
    assert.match(res.pageText, /Les inscriptions à ce cycle sont closes/);
    assert.equal(queryRows(db, `SELECT COUNT(*) FROM registrations r JOIN cycles c ON c.id = r.cycle_id WHERE c.slug = ${q(slug)}`)[0][0], '0');
  }));

  it('organisers preview a draft; nobody else sees it', { timeout: TEST_TIMEOUT }, t(async () => {
    const o = await loggedIn(organiser);
    const { form } = await o.form('/admin/nouveau-cycle', 'title');
    const created = await o.submit(form, cycleFields('Brouillon à prévisualiser'));
    assert.equal(created.status, 303, created.pageText.slice(0, 400));
    const slug = 'brouillon-a-previsualiser';
    const edit = await o.follow(created);
    assert.ok(hasLink(edit.text, `/admin/cycles/${slug}/apercu`, /Prévisualiser/));

    const preview = await o.get(`/admin/cycles/${slug}/apercu`);
    assert.equal(preview.status, 200);
    assert.match(preview.pageText, /Brouillon — non publié/);
    assert.match(preview.pageText, /Brouillon à prévisualiser/);
    assert.match(preview.pageText, /Les 4 séances/);
    assert.equal((await o.get(`/cycles/${slug}`)).status, 404, 'the public address stays unknown until published');

    const participant = await loggedIn(people[3]);
    assert.equal((await participant.get(`/admin/cycles/${slug}/apercu`)).status, 403);
    const anonymous = await new HttpClient(base).get(`/admin/cycles/${slug}/apercu`);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.locationPath, /^\/compte\/connexion/);
  }));

  it('"Ajouter une ligne de séance" keeps everything typed; a session in the past is refused on its row', { timeout: TEST_TIMEOUT }, t(async () => {
    const o = await loggedIn(organiser);
    const { form } = await o.form('/admin/nouveau-cycle', 'title');
    const typed = { ...cycleFields('Une ligne de plus'), region_code: '84' };
    const more = await o.submit(form, { ...typed, ajouter_ligne: '1' });
    assert.equal(more.status, 200);
    const again = formOf(more, 'title');
    assert.equal(again.fields.session_rows, '5');
    for (const k of ['title', 'theme', 'summary', 'new_facilitator_name', 'session_4_date', 'session_4_start', 'territory_ruralites', 'region_code'])
      assert.equal(again.fields[k], typed[k], k);
    assert.equal(again.fields.session_5_date, '');
    assert.match(more.text, /id="session_5_date"[^>]*autofocus/, 'the new row takes the focus');
    assert.equal(queryRows(db, `SELECT COUNT(*) FROM cycles WHERE title = ${q(typed.title)}`)[0][0], '0', 'nothing saved yet');

    // On an existing cycle too.
    const created = await o.submit(again, {});
    assert.equal(created.status, 303, created.pageText.slice(0, 400));
    const edit = await o.follow(created);
    const editForm = formOf(edit, 'title');
    const summary = 'Un résumé modifié avant d’ajouter une ligne.';
    const editMore = await o.submit(editForm, { summary, ajouter_ligne: '1' });
    assert.equal(editMore.status, 200);
    assert.equal(formOf(editMore, 'title').fields.summary, summary);
    assert.equal(formOf(editMore, 'title').fields.session_rows, String(Number(editForm.fields.session_rows) + 1));

    // A date already gone: refused on its row, everything else kept.
    const past = await o.submit(formOf(editMore, 'title'), { session_5_date: '2021-03-04', session_5_start: '09:30', session_5_end: '11:30' });
    assert.equal(past.status, 422);
    assert.match(past.pageText, /Séance 5 : le jeudi 4 mars 2021 à 9 h 30 est déjà passé/);
    const kept = formOf(past, 'title');
    assert.equal(kept.fields.summary, summary);
    assert.equal(kept.fields.session_5_date, '2021-03-04');
    assert.equal(queryRows(db, `SELECT COUNT(*) FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id WHERE c.title = ${q(typed.title)}`)[0][0], '4');
  }));
});
