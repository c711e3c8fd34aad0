// Account links and limits over HTTP, black-box (SQLite and PostgreSQL): the
// confirmation link that logs in, "Renvoyer le lien", reset limits, the calendar
// address, and password work kept off the HTTP threads.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  HttpClient,
  decodeEntities,
  findLink,
  formOf,
  makeTempDir,
  sleep,
  startPostgres,
  startServer,
  startSmtpSink,
  uniqueEmail,
  withServerLog,
} from '../support/harness.mjs';
import {
  confirmationMail,
  createConfirmedUser,
  fieldValue,
  login,
  mailTo,
  postLogin,
  postSignup,
  signupFields,
} from '../support/flows.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 60_000;

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`liens et limites des comptes — ${backend}`, () => {
    let db;
    let sink;
    let server;
    let base;
    const t = (fn) => withServerLog(() => server, fn);
    const client = () => new HttpClient(base);

    before(
      async () => {
        db = await startDb();
        sink = await startSmtpSink();
        server = await startServer({ db: db.url, smtpPort: sink.port });
        base = server.baseUrl;
      },
      { timeout: SETUP_TIMEOUT },
    );

    after(
      async () => {
        // each step on its own, so one failure does not leak the others
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

    it('the confirmation link goes on where the person was going; a used link offers "Renvoyer le lien"', { timeout: TEST_TIMEOUT }, t(async () => {
      const fields = signupFields({ suivant: '/cycles' });
      const c = client();
      const { res } = await postSignup(c, fields);
      assert.equal(res.status, 303, res.pageText.slice(0, 400));
      const { link } = await confirmationMail(sink, fields.email);
      const conf = await c.get(link);
      assert.equal(conf.status, 303);
      assert.equal(conf.locationPath, '/cycles', 'on to the page the person came from');
      assert.equal((await c.get('/espace')).status, 200, 'logged in');

      // the same link again, from another browser: a clear page, and a form for a new link
      const other = client();
      const used = await other.get(link);
      assert.equal(used.status, 410);
      assert.match(used.pageText, /n'est plus valable|n’est plus valable/);
      const resend = formOf(used, /\/compte\/confirmer\/renvoyer$/);
      assert.equal(resend.fields.suivant, '/cycles', 'the destination is kept');
      const before = sink.messages().length;
      const sent = await other.submit(resend, { email: fields.email });
      assert.equal(sent.status, 200);
      assert.match(sent.pageText, /nouveau lien vient de lui être envoyé/);
      await sleep(800);
      assert.equal(sink.messages().length, before, 'already confirmed: no e-mail, and the same answer');
    }));

    it('an unconfirmed account asks for a new link from the login page; the new link logs in, the old one is dead', { timeout: TEST_TIMEOUT }, t(async () => {
      const fields = signupFields();
      const { res } = await postSignup(client(), fields);
      assert.equal(res.status, 303);
      const { link: first } = await confirmationMail(sink, fields.email);

      const early = await postLogin(client(), fields.email, fields.password);
      assert.equal(early.res.status, 403);
      const c = client();
      const href = /href="(\/compte\/confirmer\/renvoyer[^"]*)"/.exec(early.res.text)?.[1];
      assert.ok(href, 'the 403 page links to the "new link" form');
      const offer = await c.get(decodeEntities(href));
      assert.equal(offer.status, 200, 'the 403 page links to the "new link" form');
      const form = formOf(offer, /\/compte\/confirmer\/renvoyer$/);
      assert.equal(form.fields.email, fields.email, 'the address typed is carried over');
      const sent = await c.submit(form);
      assert.equal(sent.status, 200);
      const again = await sink.waitFor((m) => mailTo(fields.email)(m) && /Confirmez/.test(m.subject) &&
        findLink(m.text, '/compte/confirmer') !== first);
      const second = findLink(again.text, '/compte/confirmer');
      assert.equal((await client().get(first)).status, 410, 'the older link no longer works');
      const u = client();
      const conf = await u.get(second);
      assert.equal(conf.status, 303);
      assert.equal(conf.locationPath, '/espace?confirme=1');
      assert.equal((await u.get('/espace')).status, 200);

      // a few more requests for the same address, then 429 in French, the address kept
      let last;
      for (let i = 0; i < 3; i++) last = await c.submit(form);
      assert.equal(last.status, 429);
      assert.match(last.pageText, /Trop de demandes/);
      assert.equal(fieldValue(last, 'email'), fields.email);
    }));

    it('password reset requests: 3 per address, then 429 in French with the address kept', { timeout: TEST_TIMEOUT }, t(async () => {
      const email = uniqueEmail('limite');
      const c = client();
      const statuses = [];
      let res;
      for (let i = 0; i < 4; i++) {
        const { form } = await c.form('/compte/mot-de-passe-oublie', 'email');
        res = await c.submit(form, { email });
        statuses.push(res.status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      assert.match(res.pageText, /Trop de demandes de réinitialisation/);
      assert.equal(fieldValue(res, 'email'), email);
    }));

    it('"Changer l’adresse de mon agenda" gives a new feed address and the old one stops answering', { timeout: TEST_TIMEOUT }, t(async () => {
      const user = await createConfirmedUser(base, sink);
      const c = client();
      await login(c, user.email, user.password);
      // a registration, so that the space shows the agenda
      const cycles = await c.get('/cycles');
      const slug = [...cycles.text.matchAll(/href="\/cycles\/([a-z0-9-]+)"/g)].map((m) => m[1])[0];
      const { form } = await c.form(`/cycles/${slug}/inscription`, 'situation');
      const registered = await c.submit(form, {
        situation: 'Notre commune prépare un projet de maison de santé et les habitants ne se sentent pas associés aux choix faits.',
        engagement_presence: '1', engagement_situation: '1', engagement_camera: '1', mandate: 'elu', function_title: 'Maire',
      });
      assert.equal(registered.status, 303, registered.pageText.slice(0, 400));

      const feedOf = (page) => /href="([^"]*\/calendrier\/[A-Za-z0-9_-]+\.ics)"/.exec(page.text)?.[1];
      const space = await c.get('/espace');
      const oldFeed = feedOf(space);
      assert.ok(oldFeed, 'the space shows the personal feed address');
      assert.equal((await client().get(oldFeed)).status, 200);

      const rotate = formOf(space, /\/espace\/agenda$/);
      const done = await c.submit(rotate);
      assert.equal(done.status, 303);
      const after = await c.follow(done);
      assert.match(after.pageText, /nouvelle adresse/);
      const newFeed = feedOf(after);
      assert.ok(newFeed && newFeed !== oldFeed, 'a new address is shown');
      assert.equal((await client().get(oldFeed)).status, 404, 'the old address no longer answers');
      const fresh = await client().get(newFeed);
      assert.equal(fresh.status, 200);
      assert.match(fresh.text, /BEGIN:VCALENDAR/);

      const noToken = await c.post('/espace/agenda', {});
      assert.equal(noToken.status, 403, 'POST without CSRF token is refused');
    }));

    it('a flood of made-up reset links does not slow the other pages down', { timeout: TEST_TIMEOUT }, t(async () => {
      const timed = async (p) => {
        const start = performance.now();
        const res = await client().get(p);
        assert.equal(res.status, 200);
        return performance.now() - start;
      };
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const baseline = [];
      for (let i = 0; i < 7; i++) baseline.push(await timed('/cycles'));

      const c = client();
      const { form } = await c.form('/compte/nouveau-mot-de-passe?jeton=invente', 'password_confirm');
      const bogus = (i) => c.submit(form, { jeton: `jeton-invente-${i}`, password: 'Une phrase assez longue 1', password_confirm: 'Une phrase assez longue 1' });
      // The pages are asked for just after the flood: were each link to cost a password
      // hash on the HTTP threads (~1 s of work in all), they would wait behind it.
      const work = Array.from({ length: 30 }, (_, i) => bogus(i));
      await sleep(30);
      const during = await Promise.all([timed('/cycles'), timed('/cycles'), timed('/cycles')]);
      const statuses = (await Promise.all(work)).map((r) => r.status);
      assert.ok(statuses.every((s) => s === 410), `made-up links are refused: ${statuses}`);
      const b = median(baseline);
      const d = Math.max(...during);
      console.log(`/cycles: ${b.toFixed(1)} ms alone, ${d.toFixed(1)} ms at most among 30 made-up reset links`);
      assert.ok(d < Math.max(20 * b, 500), `/cycles took ${d.toFixed(0)} ms (alone: ${b.toFixed(0)} ms)`);
    }));
  });
}
