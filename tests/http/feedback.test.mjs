// After a cycle, over HTTP, on SQLite and on PostgreSQL: the questionnaire e-mailed once by the
// worker, answered by its owner only, a testimonial published only with consent and after
// review (then on the home and cycle pages), consent withdrawn; theme ideas and their ranking.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  HttpClient,
  findLink,
  formOf,
  makeTempDir,
  sleep,
  startPostgres,
  startServer,
  startSmtpSink,
  withServerLog,
} from '../support/harness.mjs';
import { login, mailTo } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, q, queryRows } from '../support/bulk.mjs';
import { endCycle, registerViaApi } from '../support/feedback_setup.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 90_000;
const CYCLE = 'forets-cooperer';
const QUOTE = 'Entre pairs, on ose dire ce qui coince : je repars avec trois pistes pour notre forêt communale.';

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

/** Position of `needle` in the page text; fails when absent. */
function at(res, needle) {
  const i = res.pageText.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not on the page:\n${res.pageText.slice(0, 3000)}`);
  return i;
}

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`questionnaire, témoignages et idées — ${backend}`, () => {
    let db;
    let sink;
    let server;
    let base;
    let organiser;
    let anais;
    let other;
    let extra;
    let registrationId;
    let placeName;
    const t = (fn) => withServerLog(() => server, fn);
    const loggedIn = async (user) => {
      const c = new HttpClient(base);
      await login(c, user.email, BULK_PASSWORD);
      return c;
    };

    before(async () => {
      db = await startDb();
      sink = await startSmtpSink();
      server = await startServer({ db: db.url, smtpPort: sink.port });
      base = server.baseUrl;
      const communes = pickCommunes(db.url, 4, { offset: 3000 });
      [organiser, anais, other, extra] = createBulkUsers(db.url, [
        { collectiviteId: communes[0], role: 'organiser', fullName: 'Olga Organisatrice' },
        { collectiviteId: communes[1], fullName: 'Anaïs Témoin', mandate: 'elu', functionTitle: 'Adjointe au maire' },
        { collectiviteId: communes[2], fullName: 'Bruno Curieux', mandate: 'agent' },
        { collectiviteId: communes[3], fullName: 'Chloé Soutien', mandate: 'agent' },
      ], { tag: 'avis' });
      [[placeName]] = queryRows(db.url, `SELECT name || ' (' || departement_code || ')' FROM collectivites WHERE id = ${q(communes[1])}`);
      const reg = await registerViaApi(base, anais, CYCLE);
      assert.equal(reg.status, 'confirmed');
      registrationId = reg.id;
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

    it('the questionnaire is closed before the end, then e-mailed once by the worker', { timeout: TEST_TIMEOUT }, t(async () => {
      const a = await loggedIn(anais);
      const early = await a.get(`/espace/questionnaire/${registrationId}`);
      assert.equal(early.status, 403);
      assert.match(early.pageText, /s’ouvrira à la fin de sa dernière séance/);
      await sleep(600);
      assert.equal(sink.messages().filter((m) => mailTo(anais.email)(m) && /Votre avis/.test(m.subject)).length, 0,
        'no invitation while the cycle runs');

      endCycle(db.url, CYCLE);
      const mail = await sink.waitFor((m) => mailTo(anais.email)(m) && /Votre avis sur le cycle/.test(m.subject));
      const link = findLink(mail.text, '/espace/questionnaire/');
      assert.equal(new URL(link).pathname, `/espace/questionnaire/${registrationId}`);
      assert.match(mail.text, /qu’avec votre accord explicite/);
      await sleep(1000); // several worker rounds
      assert.equal(sink.messages().filter((m) => mailTo(anais.email)(m) && /Votre avis/.test(m.subject)).length, 1,
        'exactly one invitation');

      // The e-mail link asks to log in first, then leads back to the questionnaire.
      const anonymous = await new HttpClient(base).get(link);
      assert.equal(anonymous.status, 303);
      assert.equal(anonymous.locationPath, `/compte/connexion?suivant=%2Fespace%2Fquestionnaire%2F${registrationId}`);
      const page = await a.get(link);
      assert.equal(page.status, 200);
      assert.match(page.pageText, /Dans l’ensemble, êtes-vous satisfait·e du cycle \?/);
      assert.match(page.pageText, /Très insatisfait·e/);
      assert.match(page.pageText, /Très satisfait·e/);
      const form = formOf(page, 'satisfaction');
      assert.equal(form.fields.consent, undefined, 'the consent box is unchecked by default');
      at(page, `J’accepte que ce témoignage soit publié sur le site avec mon nom (Anaïs Témoin), ma fonction (Adjointe au maire) et ma commune (${placeName})`);

      const space = await a.get('/espace');
      assert.match(space.pageText, /Donner votre avis/);

      const stranger = await loggedIn(other);
      const refused = await stranger.get(link);
      assert.equal(refused.status, 404);
      assert.match(refused.pageText, /ne concerne pas votre compte/);
      const forced = await stranger.post(`/espace/questionnaire/${registrationId}`, {
        csrf_token: stranger.cookie('ateliers_csrf'), satisfaction: '1', usefulness: '1', would_recommend: 'non',
      });
      assert.equal(forced.status, 404);
      assert.equal(queryRows(db.url, 'SELECT COUNT(*) FROM feedback')[0][0], '0');
    }));

    it('answers: errors keep what was typed; a testimonial without consent stays private', { timeout: TEST_TIMEOUT }, t(async () => {
      const a = await loggedIn(anais);
      const { form } = await a.form(`/espace/questionnaire/${registrationId}`, 'satisfaction');
      const bad = await a.submit(form, { usefulness: '4', comment: 'Très riche', testimonial: 'x'.repeat(601) });
      assert.equal(bad.status, 422);
      assert.match(bad.pageText, /Indiquez votre satisfaction globale/);
      assert.match(bad.pageText, /ne doit pas dépasser 600 caractères/);
      const again = formOf(bad, 'satisfaction');
      assert.equal(again.fields.usefulness, '4', 'the radio chosen stays chosen');
      assert.equal(again.fields.comment, 'Très riche');

      const saved = await a.submit(form, {
        satisfaction: '5', usefulness: '4', would_recommend: 'oui', comment: 'Très riche', testimonial: QUOTE,
      });
      assert.equal(saved.status, 303, saved.pageText.slice(0, 600));
      const page = await a.follow(saved);
      assert.match(page.pageText, /Votre avis est enregistré/);
      assert.match(page.pageText, /conservé sans être publié/);
      assert.deepEqual(queryRows(db.url, `SELECT satisfaction, usefulness, would_recommend FROM feedback WHERE registration_id = ${registrationId}`),
        [['5', '4', '1']]);
      const [[id, published, consent]] = queryRows(db.url,
        `SELECT id, published, COALESCE(consent_at, 0) FROM testimonials WHERE user_id = ${anais.id}`);
      assert.equal(published, '0');
      assert.equal(consent, '0');

      const o = await loggedIn(organiser);
      const moderation = await o.get('/admin/temoignages');
      assert.equal(moderation.status, 200);
      assert.match(moderation.pageText, /Sans accord de publication \(1\)/);
      assert.ok(!moderation.text.includes(`/admin/temoignages/${id}/publier`), 'no publish button without consent');
      const forced = await o.post(`/admin/temoignages/${id}/publier`, { csrf_token: o.cookie('ateliers_csrf') });
      assert.equal(forced.status, 409);
      assert.match(forced.pageText, /n’a pas donné \(ou a retiré\) son accord/);

      const space = await a.get('/espace');
      assert.match(space.pageText, /Modifier votre avis/);
    }));

    it('with consent, an organiser publishes it: on the home and cycle pages; withdrawn, it leaves at once', { timeout: TEST_TIMEOUT }, t(async () => {
      const a = await loggedIn(anais);
      const { form } = await a.form(`/espace/questionnaire/${registrationId}`, 'satisfaction');
      assert.equal(form.fields.satisfaction, '5', 'earlier answers are shown');
      assert.equal(form.fields.testimonial, QUOTE);
      const saved = await a.submit(form, { consent: '1' });
      assert.equal(saved.status, 303);
      assert.match((await a.follow(saved)).pageText, /en attente de relecture/);
      assert.equal(queryRows(db.url, 'SELECT COUNT(*) FROM feedback')[0][0], '1', 'answers updated, not duplicated');

      const home = await new HttpClient(base).get('/');
      assert.ok(!home.pageText.includes(QUOTE), 'not published before review');

      const o = await loggedIn(organiser);
      const adminHome = await o.get('/admin');
      assert.ok(adminHome.text.includes('href="/admin/temoignages"'), 'linked from the admin home');
      const moderation = await o.get('/admin/temoignages');
      assert.match(moderation.pageText, /À examiner \(1\)/);
      const publish = formOf(moderation, /\/publier$/);
      const published = await o.submit(publish);
      assert.equal(published.status, 303);
      assert.match((await o.follow(published)).pageText, /Le témoignage est publié/);

      const homeAfter = await new HttpClient(base).get('/');
      at(homeAfter, QUOTE);
      at(homeAfter, `Adjointe au maire, ${placeName}`);
      const cyclePage = await new HttpClient(base).get(`/cycles/${CYCLE}`);
      assert.equal(cyclePage.status, 200);
      at(cyclePage, QUOTE);
      at(cyclePage, 'Anaïs Témoin');
      const journal = await o.get('/admin/journal');
      assert.match(journal.pageText, /Témoignage publié/);

      const page = await a.get(`/espace/questionnaire/${registrationId}`);
      assert.match(page.pageText, /Votre témoignage est publié sur le site/);
      const withdraw = formOf(page, /\/retirer-accord$/);
      const withdrawn = await a.submit(withdraw);
      assert.equal(withdrawn.status, 303);
      assert.match((await a.follow(withdrawn)).pageText, /Votre accord est retiré/);
      const homeLater = await new HttpClient(base).get('/');
      assert.ok(!homeLater.pageText.includes(QUOTE), 'gone from the home page at once');
      assert.ok(!(await new HttpClient(base).get(`/cycles/${CYCLE}`)).pageText.includes(QUOTE));
      assert.deepEqual(queryRows(db.url, `SELECT published, COALESCE(consent_at, 0) FROM testimonials WHERE user_id = ${anais.id}`),
        [['0', '0']]);
    }));

    it('ideas: login required, duplicates refused, supports counted once and ranked; organisers change status', { timeout: TEST_TIMEOUT }, t(async () => {
      const anonymous = await new HttpClient(base).get('/idees');
      assert.equal(anonymous.status, 303);
      assert.equal(anonymous.locationPath, '/compte/connexion?suivant=%2Fidees');

      const a = await loggedIn(anais);
      const b = await loggedIn(other);
      const c = await loggedIn(extra);
      const { res: empty, form } = await a.form('/idees', 'title');
      assert.match(empty.pageText, /Aucune idée pour le moment/);
      assert.ok(empty.text.includes('href="/idees"'), 'linked from the header');
      const first = await a.submit(form, { title: 'Mobiliser les habitants', description: 'Conseils citoyens, budgets participatifs.' });
      assert.equal(first.status, 303);
      const list = await a.follow(first);
      assert.match(list.pageText, /Votre idée est en ligne/);
      assert.match(list.pageText, /Mobiliser les habitants/);
      assert.match(list.pageText, /1 soutien\b/);
      const [[mobiliserId]] = queryRows(db.url, "SELECT id FROM theme_suggestions WHERE title = 'Mobiliser les habitants'");

      const bForm = (await b.form('/idees', 'title')).form;
      const dup = await b.submit(bForm, { title: '  MOBILISER les habitants !', description: 'Mon texte' });
      assert.equal(dup.status, 409);
      assert.match(dup.pageText, /Une idée de thème porte déjà ce titre : « Mobiliser les habitants »/);
      assert.ok(dup.text.includes(`href="#idee-${mobiliserId}"`), 'points to the existing idea');
      assert.equal(formOf(dup, 'title').fields.description, 'Mon texte', 'what was typed is kept');
      const tooLong = await b.submit(bForm, { title: 'x'.repeat(121) });
      assert.equal(tooLong.status, 422);
      assert.match(tooLong.pageText, /ne doit pas dépasser 120 caractères/);

      const second = await b.submit(bForm, { title: 'Réussir le zéro artificialisation nette' });
      assert.equal(second.status, 303);
      const [[zanId]] = queryRows(db.url, "SELECT id FROM theme_suggestions WHERE title LIKE 'Réussir%'");

      // Bruno supports Anaïs's idea, twice (a replayed form): counted once.
      const supportPage = await b.get('/idees');
      const support = formOf(supportPage, `/idees/${mobiliserId}/soutenir`);
      assert.equal((await b.submit(support)).status, 303);
      assert.equal((await b.submit(support)).status, 303);
      let ranked = await c.get('/idees');
      assert.ok(at(ranked, 'Mobiliser les habitants') < at(ranked, 'Réussir le zéro'), '2 supports before 1');
      assert.match(ranked.pageText, /Mobiliser les habitants Conseils citoyens, budgets participatifs\. 2 soutiens/);

      // Chloé and Anaïs support the ZAN idea: 3 against 2, it leads.
      await c.submit(formOf(ranked, `/idees/${zanId}/soutenir`));
      await a.submit(formOf(await a.get('/idees'), `/idees/${zanId}/soutenir`));
      ranked = await c.get('/idees');
      assert.ok(at(ranked, 'Réussir le zéro') < at(ranked, 'Mobiliser les habitants'), '3 supports first');
      assert.match(ranked.pageText, /3 soutiens/);
      const withdraw = formOf(ranked, `/idees/${zanId}/retirer-soutien`);
      assert.equal((await c.submit(withdraw)).status, 303);
      ranked = await c.get('/idees');
      assert.ok(at(ranked, 'Mobiliser les habitants') < at(ranked, 'Réussir le zéro'), 'tie at 2: the older first');
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM theme_supports WHERE suggestion_id = ${mobiliserId}`)[0][0], '2');

      assert.equal((await b.get('/admin/idees')).status, 403);
      const o = await loggedIn(organiser);
      const adminIdeas = await o.get('/admin/idees');
      assert.equal(adminIdeas.status, 200);
      assert.match(adminIdeas.pageText, /Anaïs Témoin/, 'organisers see the author');
      assert.ok(at(adminIdeas, 'Mobiliser les habitants') < at(adminIdeas, 'Réussir le zéro'));
      const statusForm = formOf(adminIdeas, `/admin/idees/${zanId}/statut`);
      const changed = await o.submit(statusForm, { status: 'planned' });
      assert.equal(changed.status, 303);
      const after = await a.get('/idees');
      assert.match(after.pageText, /Déjà retenues pour un prochain cycle Réussir le zéro artificialisation nette/);
      assert.ok(!after.text.includes(`/idees/${zanId}/soutenir`), 'no support button on a planned idea');
      const late = await a.post(`/idees/${zanId}/soutenir`, { csrf_token: a.cookie('ateliers_csrf') });
      assert.equal(late.status, 409);
      assert.match((await o.get('/admin/journal')).pageText, /Statut d’une idée de thème modifié/);
    }));
  });
}
