// Accounts over HTTP, black-box: the same suite on SQLite and on PostgreSQL,
// each with its own server and SMTP sink.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  HttpClient,
  findLink,
  formOf,
  htmlToText,
  makeTempDir,
  rawRequest,
  startPostgres,
  startServer,
  startSmtpSink,
  uniqueEmail,
  withServerLog,
} from '../support/harness.mjs';
import {
  PELUSSIN,
  PILAT_RHODANIEN,
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
  describe(`comptes — ${backend}`, () => {
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

    it('GET / is the French home page, with skip links, footer and the demo cycles', { timeout: TEST_TIMEOUT }, t(async () => {
      const res = await client().get('/');
      assert.equal(res.status, 200);
      assert.match(res.contentType, /^text\/html/);
      assert.match(res.text, /<html\b[^>]*\blang="fr"/, 'html lang="fr"');
      assert.match(res.pageText, /Ateliers des territoires/);
      assert.match(res.text, /fr-skiplinks/, 'DSFR skip links');
      const footer = /<footer\b[\s\S]*<\/footer\s*>/i.exec(res.text);
      assert.ok(footer, 'a <footer>');
      assert.match(htmlToText(footer[0]), /Accessibilité/, 'the footer mentions the accessibility status');
      // the six demo cycles, as DSFR cards; one is about forests
      const cards = [...res.text.matchAll(/class="[^"]*\bfr-card__title\b[^"]*"[^>]*>([\s\S]*?)<\/h\d>/g)].map((m) => htmlToText(m[1]));
      assert.ok(cards.length >= 6, `the 6 upcoming demo cycles are listed as cards; found ${cards.length}: ${JSON.stringify(cards)}`);
      assert.ok(cards.some((c) => c.includes('Forêts')), `a cycle title contains "Forêts": ${JSON.stringify(cards)}`);
    }));

    it('GET /healthz is 200 "ok"', { timeout: TEST_TIMEOUT }, t(async () => {
      const res = await client().get('/healthz');
      assert.equal(res.status, 200);
      assert.match(res.text, /ok/);
    }));

    it('sign-up → confirmation e-mail → confirm → login → /espace → logout', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = client();
      const fields = signupFields({ full_name: 'Élodie Marchand-Nguyen' });

      const { res, form } = await postSignup(c, fields);
      assert.equal(form.csrf_token, c.cookie('ateliers_csrf'), 'csrf_token hidden input = ateliers_csrf cookie');
      assert.equal(res.status, 303, `sign-up: ${res.pageText.slice(0, 600)}`);
      assert.equal(res.locationPath, '/compte/inscription/envoyee');
      const sent = await c.get(res.location);
      assert.equal(sent.status, 200);

      const { mail, link } = await confirmationMail(sink, fields.email);
      assert.match(mail.subject, /Confirmez/);
      assert.ok(link.startsWith(`${base}/compte/confirmer?jeton=`), `link uses --base-url: ${link}`);

      // not confirmed yet: login refused with 403
      const early = await postLogin(client(), fields.email, fields.password);
      assert.equal(early.res.status, 403, 'login before confirmation is 403');
      assert.match(early.res.pageText, /confirm/i);

      // the link logs the person in, with a new CSRF token, and goes on to their space
      const csrfBefore = c.cookie('ateliers_csrf');
      const conf = await c.get(link);
      assert.equal(conf.status, 303);
      assert.equal(conf.locationPath, '/espace?confirme=1');
      assert.ok(c.cookie('ateliers_session'), 'the confirmation opens a session');
      assert.notEqual(c.cookie('ateliers_csrf'), csrfBefore, 'the CSRF token is renewed, as at login');
      const welcomed = await c.get(conf.location);
      assert.equal(welcomed.status, 200);
      assert.match(welcomed.pageText, /adresse e-mail est confirmée/);
      assert.ok(welcomed.pageText.includes(fields.full_name), 'logged in at once');

      const u = client();
      await login(u, fields.email, fields.password);
      const session = u.setCookieLines('ateliers_session').at(-1) ?? '';
      assert.ok(session, 'login sets the ateliers_session cookie');
      assert.match(session, /;\s*HttpOnly/i, `session cookie is HttpOnly: ${session}`);
      assert.match(session, /;\s*SameSite=Lax/i, `session cookie is SameSite=Lax: ${session}`);

      const espace = await u.get('/espace');
      assert.equal(espace.status, 200);
      assert.ok(espace.pageText.includes(fields.full_name), 'the name is shown on /espace');
      assert.ok(espace.pageText.includes(PELUSSIN.name), 'the collectivité is shown on /espace');

      let logoutForm;
      try {
        logoutForm = formOf(espace, /\/compte\/deconnexion$/);
      } catch {
        logoutForm = { fields: { csrf_token: u.cookie('ateliers_csrf') }, action: '/compte/deconnexion' };
      }
      const out = await u.post('/compte/deconnexion', { csrf_token: logoutForm.fields.csrf_token });
      assert.equal(out.status, 303);
      assert.equal(out.locationPath, '/');

      const after = await u.get('/espace');
      assert.equal(after.status, 303, '/espace after logout redirects');
      const loc = new URL(after.location);
      assert.equal(loc.pathname, '/compte/connexion');
      assert.equal(loc.searchParams.get('suivant'), '/espace');
    }));

    it('wrong password → 401 "incorrect", the e-mail typed is kept', { timeout: TEST_TIMEOUT }, t(async () => {
      const user = await createConfirmedUser(base, sink);
      const { res } = await postLogin(client(), user.email, 'pas le bon mot de passe');
      assert.equal(res.status, 401);
      assert.match(res.pageText, /incorrect/i);
      assert.equal(fieldValue(res, 'email'), user.email, 'the e-mail field is re-filled');
      assert.equal(fieldValue(res, 'password') ?? '', '', 'the password is not echoed back');
    }));

    it('POST without or with a wrong csrf_token → 403 with a French message', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = client();
      const { form } = await c.form('/compte/connexion', 'password');
      assert.ok(c.cookie('ateliers_csrf'), 'GET of a page with a form sets the ateliers_csrf cookie');
      assert.equal(form.csrf_token, c.cookie('ateliers_csrf'), 'csrf_token hidden input = cookie');

      const cases = {
        'no csrf_token field': { ...form.fields, csrf_token: undefined },
        'wrong csrf_token': { ...form.fields, csrf_token: 'x'.repeat(form.csrf_token.length || 32) },
        'empty csrf_token': { ...form.fields, csrf_token: '' },
      };
      for (const [label, fields] of Object.entries(cases)) {
        fields.email = 'personne@exemple.fr';
        fields.password = 'peu importe 123456';
        const res = await c.submit({ ...form, fields: {} }, fields);
        assert.equal(res.status, 403, `${label}: expected 403, got ${res.status}`);
        assert.match(res.pageText, /expiré|sécurité/i, `${label}: French message`);
      }

      // the token from the form but no cookie at all
      const bare = new HttpClient(base);
      const res = await bare.post('/compte/connexion', { ...form.fields, email: 'a@b.fr', password: 'x'.repeat(12) });
      assert.equal(res.status, 403, `token without cookie: expected 403, got ${res.status}`);
      assert.match(res.pageText, /expiré|sécurité/i);
    }));

    it('duplicate e-mail on sign-up → 422 "déjà", the name typed is kept', { timeout: TEST_TIMEOUT }, t(async () => {
      const first = signupFields();
      const r1 = await postSignup(client(), first);
      assert.equal(r1.res.status, 303, `first sign-up: ${r1.res.pageText.slice(0, 400)}`);

      const again = signupFields({ email: first.email, full_name: 'Bérénice Autre-Personne' });
      const { res } = await postSignup(client(), again);
      assert.equal(res.status, 422);
      assert.match(res.pageText, /déjà/);
      assert.equal(fieldValue(res, 'full_name'), again.full_name, 'the name typed is kept');
      assert.equal(fieldValue(res, 'email'), again.email, 'the e-mail typed is kept');
      assert.equal(fieldValue(res, 'password') ?? '', '', 'passwords are not re-filled');
    }));

    it('unknown collectivité code → 422 with a "collectivité" message', { timeout: TEST_TIMEOUT }, t(async () => {
      const fields = signupFields({ collectivite: 'commune:99999', collectivite_q: 'Nulle-part' });
      const { res } = await postSignup(client(), fields);
      assert.equal(res.status, 422);
      assert.match(res.pageText, /collectivité/i);
      assert.equal(fieldValue(res, 'full_name'), fields.full_name, 'the name typed is kept');
    }));

    it('invalid UTF-8 in a form body → 400 with a French message', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = client();
      const { form } = await c.form('/compte/inscription', 'full_name');
      const head = `csrf_token=${encodeURIComponent(form.csrf_token)}&email=${encodeURIComponent(uniqueEmail('utf8'))}&full_name=`;
      const tail = '&password=Un+mot+de+passe+solide+42&password_confirm=Un+mot+de+passe+solide+42&collectivite=commune%3A42168&mandate=elu';
      const bodies = {
        'raw bytes \\xff\\xfe': Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe]), Buffer.from(tail)]),
        'percent-encoded %FF%FE': Buffer.from(`${head}%FF%FE${tail}`),
      };
      for (const [label, body] of Object.entries(bodies)) {
        const res = await c.post(form.actionUrl, body);
        assert.equal(res.status, 400, `${label}: expected 400, got ${res.status}`);
        assert.match(res.pageText, /invalide|incorrect|caractère|encodage|requête|illisible/i, `${label}: French message`);
      }
    }));

    it('a body over 1 MiB → 413', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = client();
      const { form } = await c.form('/compte/connexion', 'password');
      const body = `csrf_token=${encodeURIComponent(form.csrf_token)}&email=a%40b.fr&password=${'a'.repeat(1024 * 1024 + 4096)}`;
      const res = await rawRequest(base, {
        method: 'POST',
        path: '/compte/connexion',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          cookie: c.cookieHeader(),
        },
        body,
        bodyDelayMs: 500,
      });
      assert.equal(res.status, 413);
      const health = await client().get('/healthz');
      assert.equal(health.status, 200, 'the server still answers afterwards');
    }));

    it('password reset: e-mail link → new password; the new one works, the old fails', { timeout: TEST_TIMEOUT }, t(async () => {
      const user = await createConfirmedUser(base, sink);
      const c = client();
      const { form } = await c.form('/compte/mot-de-passe-oublie', 'email');
      const res = await c.submit(form, { email: user.email });
      assert.equal(res.status, 200);
      assert.match(res.pageText, /e-mail|courriel/i);

      const mail = await sink.waitFor((m) => mailTo(user.email)(m) && /Réinitialisez/.test(m.subject));
      const link = findLink(mail.text, '/compte/nouveau-mot-de-passe');
      assert.ok(link, `reset link in:\n${mail.text}`);
      assert.ok(link.startsWith(`${base}/compte/nouveau-mot-de-passe?jeton=`), link);
      const jeton = new URL(link).searchParams.get('jeton');

      const page = await c.get(link);
      assert.equal(page.status, 200);
      const resetForm = formOf(page, 'password_confirm');
      assert.equal(resetForm.fields.jeton, jeton, 'the form carries the jeton');
      const newPassword = 'Nouveau mot de passe 2025!';
      const done = await c.submit(resetForm, { password: newPassword, password_confirm: newPassword });
      assert.equal(done.status, 303, `reset: ${done.pageText.slice(0, 400)}`);
      assert.equal(done.locationPath, '/compte/connexion?reinitialise=1');

      await login(client(), user.email, newPassword);
      const old = await postLogin(client(), user.email, user.password);
      assert.equal(old.res.status, 401, 'the old password no longer works');

      // an unknown address gets the same answer, and no e-mail
      const before = sink.messages().length;
      const { form: f2 } = await c.form('/compte/mot-de-passe-oublie', 'email');
      const unknown = await c.submit(f2, { email: uniqueEmail('inconnu') });
      assert.equal(unknown.status, 200, 'unknown address: same 200 page (no account enumeration)');
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(sink.messages().length, before, 'no e-mail for an unknown address');
    }));

    it('GET /api/v1/collectivites finds communes by name and code, EPCI by name', { timeout: TEST_TIMEOUT }, t(async () => {
      const c = client();
      const search = async (q) => {
        const res = await c.get(`/api/v1/collectivites?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, `q=${q}`);
        assert.match(res.contentType, /^application\/json/, `q=${q}: content-type`);
        const list = res.json();
        assert.ok(Array.isArray(list), `q=${q}: a JSON array`);
        return list;
      };
      for (const q of [PELUSSIN.q, '42168', 'pelussin']) {
        const list = await search(q);
        const hit = list.find((x) => x.id === PELUSSIN.id);
        assert.ok(hit, `q=${q}: contains ${PELUSSIN.id}; got ${JSON.stringify(list.slice(0, 5))}`);
        for (const k of ['id', 'kind', 'code', 'name', 'label', 'departement', 'population']) {
          assert.ok(k in hit, `q=${q}: item has "${k}": ${JSON.stringify(hit)}`);
        }
        assert.equal(hit.kind, 'commune');
        assert.equal(hit.code, '42168');
        assert.equal(hit.name, PELUSSIN.name);
      }
      const epci = await search(PILAT_RHODANIEN.q);
      assert.ok(
        epci.some((x) => x.id === PILAT_RHODANIEN.id),
        `contains ${PILAT_RHODANIEN.id}; got ${JSON.stringify(epci.slice(0, 5))}`,
      );
    }));

    // Last: a per-address (or per-IP) limit must not disturb the other cases.
    it('rate limit: the 6th wrong password in a row → 429 "Trop de tentatives"', { timeout: TEST_TIMEOUT }, t(async () => {
      const user = await createConfirmedUser(base, sink);
      const statuses = [];
      for (let i = 1; i <= 5; i++) {
        const { res } = await postLogin(client(), user.email, `mauvais mot de passe ${i}`);
        statuses.push(res.status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401], 'the first five wrong passwords are 401');
      for (const n of [6, 7]) {
        const { res } = await postLogin(client(), user.email, `mauvais mot de passe ${n}`);
        assert.equal(res.status, 429, `attempt ${n}: expected 429, got ${res.status}`);
        assert.match(res.pageText, /Trop de tentatives/);
      }
      const right = await postLogin(client(), user.email, user.password);
      assert.equal(right.res.status, 429, 'while limited, even the right password is refused (429)');
    }));
  });
}

// Password hashing runs on its own bounded lane: past it, a quick 503 in French rather
// than a pile-up, and the other pages keep answering.
describe('comptes — file d’attente des mots de passe pleine (sqlite)', () => {
  let tmp;
  let server;
  const t = (fn) => withServerLog(() => server, fn);

  before(async () => {
    tmp = await makeTempDir('sqlite');
    server = await startServer({
      db: `sqlite:${path.join(tmp.dir, 'test.db')}`,
      env: { ATELIERS_PASSWORD_THREADS: '1', ATELIERS_PASSWORD_QUEUE: '0' },
    });
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    for (const stop of [() => server?.stop(), () => tmp?.remove()]) {
      try {
        await stop();
      } catch (e) {
        console.error(`cleanup: ${e.message}`);
      }
    }
  }, { timeout: 60_000 });

  it('logins beyond the lane get 503 "surchargé" at once; /cycles keeps answering', { timeout: TEST_TIMEOUT }, t(async () => {
    const c = new HttpClient(server.baseUrl);
    const { form } = await c.form('/compte/connexion', 'password');
    const started = performance.now();
    const logins = Array.from({ length: 8 }, (_, i) => c.submit(form, { email: uniqueEmail(`charge${i}`), password: 'un mauvais mot de passe' }));
    const page = (async () => {
      const start = performance.now();
      const res = await new HttpClient(server.baseUrl).get('/cycles');
      return { status: res.status, ms: performance.now() - start };
    })();
    const answers = await Promise.all(logins);
    const statuses = answers.map((r) => r.status);
    assert.ok(statuses.every((s) => s === 401 || s === 503), `401 or 503 only: ${statuses}`);
    assert.ok(statuses.includes(401), `at least one login is verified: ${statuses}`);
    assert.ok(statuses.includes(503), `the full lane answers 503: ${statuses}`);
    const busy = answers.find((r) => r.status === 503);
    assert.match(busy.pageText, /Service momentanément surchargé, réessayez dans un instant/);
    assert.ok(busy.headers.get('retry-after'), 'Retry-After');
    const cycles = await page;
    assert.equal(cycles.status, 200);
    console.log(`8 parallel logins in ${(performance.now() - started).toFixed(0)} ms; /cycles meanwhile: ${cycles.ms.toFixed(0)} ms`);
    assert.ok(cycles.ms < 1000, `/cycles took ${cycles.ms.toFixed(0)} ms`);
  }));
});
