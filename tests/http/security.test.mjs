// HTTP-layer security, black-box: redirect targets and response headers, the client
// address behind proxies, CSRF tokens, security headers, JSON-LD, over-long requests,
// draft cycles. Each describe has its own server (login limits are per database).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import {
  HttpClient,
  formOf,
  makeTempDir,
  startPostgres,
  startServer,
  withServerLog,
} from '../support/harness.mjs';
import { login } from '../support/flows.mjs';
import { BULK_PASSWORD, createBulkUsers, pickCommunes, q, queryRows, runSql, startServeOnly } from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 120_000;

async function sqliteDb() {
  const tmp = await makeTempDir('sqlite');
  return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
}

async function stopAll(...stops) {
  // each step on its own, so one failure does not leak the others
  for (const stop of stops) {
    try {
      await stop();
    } catch (e) {
      console.error(`cleanup: ${e.message}`);
    }
  }
}

/**
 * One request over a plain socket; resolves { status, head, headerLines, location, text }
 * with the response head exactly as sent, so that an injected header line shows.
 * Rejects when the server closes the connection without an answer.
 */
function rawExchange(baseUrl, target, headers = {}) {
  const u = new URL(baseUrl);
  const lines = [`GET ${target} HTTP/1.1`, `host: ${u.host}`, 'connection: close'];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  return new Promise((resolve, reject) => {
    const chunks = [];
    const sock = net.connect({ host: u.hostname, port: Number(u.port) });
    const timer = setTimeout(() => sock.destroy(new Error('timed out')), 20_000);
    sock.on('connect', () => sock.end(`${lines.join('\r\n')}\r\n\r\n`));
    sock.on('data', (c) => chunks.push(c));
    sock.on('error', () => {}); // a reset after the answer: the answer counts
    sock.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('latin1');
      const sep = raw.indexOf('\r\n\r\n');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
      if (!m || sep < 0) return reject(new Error(`no HTTP answer to GET ${target.slice(0, 80)} (${raw.length} bytes)`));
      const head = raw.slice(0, sep);
      const headerLines = head.split('\r\n').slice(1);
      const location = headerLines.find((l) => /^location:/i.test(l))?.replace(/^location:\s*/i, '');
      resolve({ status: Number(m[1]), head, headerLines, location, text: Buffer.from(raw.slice(sep + 4), 'latin1').toString('utf8') });
    });
  });
}

/** Wrong-password login attempts until one is refused; returns the statuses. */
async function wrongLogins(base, n, xffFor) {
  const c = new HttpClient(base);
  const { form } = await c.form('/compte/connexion', 'password');
  const statuses = [];
  for (let i = 0; i < n; i++) {
    const res = await c.post(form.actionUrl, { ...form.fields, email: `inconnu.${i}.${Date.now()}@exemple.fr`, password: 'pas le bon mot de passe' }, {
      headers: xffFor ? { 'x-forwarded-for': xffFor(i) } : {},
    });
    statuses.push(res.status);
    if (res.status === 429) assert.match(res.pageText, /Trop de tentatives de connexion/);
  }
  return statuses;
}

describe('sécurité HTTP — sqlite', () => {
  let db;
  let server;
  let base;
  let organiser;
  let participant;
  const t = (fn) => withServerLog(() => server, fn);

  before(
    async () => {
      db = await sqliteDb();
      server = await startServer({ db: db.url });
      base = server.baseUrl;
      const communes = pickCommunes(db.url, 2, { offset: 3000 });
      [organiser, participant] = createBulkUsers(
        db.url,
        [{ collectiviteId: communes[0], role: 'organiser', fullName: 'Olga Organisatrice' }, { collectiviteId: communes[1], fullName: 'Paul Participant' }],
        { tag: 'securite' },
      );
    },
    { timeout: SETUP_TIMEOUT },
  );
  after(() => stopAll(() => server?.stop(), () => db?.stop()), { timeout: 60_000 });

  it('suivant: a CR LF in it never becomes a header of its own, on the login and sign-up pages', { timeout: TEST_TIMEOUT }, t(async () => {
    const c = new HttpClient(base);
    await login(c, participant.email, BULK_PASSWORD);
    for (const page of ['/compte/connexion', '/compte/inscription']) {
      const res = await rawExchange(base, `${page}?suivant=/%0d%0aSet-Cookie:%20x=1`, { cookie: c.cookieHeader() });
      assert.equal(res.status, 303, `${page}\n${res.head}`);
      assert.ok(!res.headerLines.some((l) => /^set-cookie:\s*x=1/i.test(l)), `${page}: injected header\n${res.head}`);
      assert.equal(res.location, '/espace', `${page}: a path that is not plain falls back to /espace`);
      // A plain local path still works.
      const plain = await rawExchange(base, `${page}?suivant=/cycles?theme=eau`, { cookie: c.cookieHeader() });
      assert.equal(plain.location, '/cycles?theme=eau');
    }
  }));

  it('suivant: "/<tab>/evil.example" does not send the browser off-site, logged in or after login', { timeout: TEST_TIMEOUT }, t(async () => {
    for (const next of ['/%09/evil.example/x', '/%5C/evil.example/x', '/%0a/evil.example/x', '//evil.example/x']) {
      // Logging in with the link's suivant.
      const c = new HttpClient(base);
      const page = await c.get(`/compte/connexion?suivant=${next}`);
      assert.equal(page.status, 200);
      const res = await c.submit(formOf(page, 'password'), { email: participant.email, password: BULK_PASSWORD });
      assert.equal(res.status, 303, res.pageText.slice(0, 300));
      // Resolved as a browser does (tabs and newlines dropped, '\' read as '/').
      const target = new URL(res.headers.get('location'), base);
      assert.equal(target.origin, base, `after login with suivant=${next}: ${res.headers.get('location')}`);
      assert.equal(target.pathname, '/espace');

      // Already logged in.
      for (const form of ['/compte/connexion', '/compte/inscription']) {
        const again = await c.get(`${form}?suivant=${next}`);
        assert.equal(again.status, 303);
        assert.equal(new URL(again.headers.get('location'), base).origin, base, `${form}?suivant=${next}`);
      }
    }
  }));

  it('CSRF: a cookie and field pair the server did not issue is refused in French, whatever its length', { timeout: TEST_TIMEOUT }, t(async () => {
    const c = new HttpClient(base);
    const { form } = await c.form('/compte/connexion', 'password');
    const issued = c.cookie('ateliers_csrf');
    assert.ok(issued, 'the login page sets the CSRF cookie');
    assert.equal(form.fields.csrf_token, issued);
    const flipped = issued.slice(0, -1) + (issued.endsWith('0') ? '1' : '0');
    for (const forged of ['a'.repeat(32), 'a'.repeat(64), 'x'.repeat(issued.length), flipped]) {
      const res = await c.post(
        '/compte/connexion',
        { ...form.fields, csrf_token: forged, email: participant.email, password: BULK_PASSWORD },
        { headers: { cookie: `ateliers_csrf=${forged}` } },
      );
      assert.equal(res.status, 403, `forged token of ${forged.length} characters`);
      assert.match(res.pageText, /Formulaire expiré/);
      assert.match(res.pageText, /n'a pas été envoyé depuis ce site/);
      assert.equal(res.headers.get('set-cookie')?.includes(`ateliers_session=`), false, 'no session');
    }
  }));

  it('CSRF: logging in and logging out each issue a new token; the old one is refused', { timeout: TEST_TIMEOUT }, t(async () => {
    const c = new HttpClient(base);
    const { form } = await c.form('/compte/connexion', 'password');
    const anonymous = c.cookie('ateliers_csrf');
    const res = await c.submit(form, { email: participant.email, password: BULK_PASSWORD });
    assert.equal(res.status, 303);
    const loggedIn = c.cookie('ateliers_csrf');
    assert.ok(loggedIn && loggedIn !== anonymous, 'login rotates the CSRF token');
    const session = c.cookie('ateliers_session');

    // The token seen before login, replayed with the new session: refused, still logged in.
    const stale = await c.post('/compte/deconnexion', { csrf_token: anonymous }, {
      headers: { cookie: `ateliers_session=${session}; ateliers_csrf=${anonymous}` },
    });
    assert.equal(stale.status, 403);
    assert.match(stale.pageText, /Formulaire expiré/);

    const space = await c.get('/espace');
    assert.equal(space.status, 200, 'still logged in');
    const current = c.cookie('ateliers_csrf');
    const out = await c.submit(formOf(space, '/compte/deconnexion'));
    assert.equal(out.status, 303);
    const afterLogout = c.cookie('ateliers_csrf');
    assert.ok(afterLogout && afterLogout !== current, 'logout rotates the CSRF token');
    assert.equal(c.cookie('ateliers_session'), undefined);

    // The logged-in token, replayed once logged out: refused.
    const replay = await c.post('/compte/mot-de-passe-oublie', { csrf_token: current, email: participant.email }, {
      headers: { cookie: `ateliers_csrf=${current}` },
    });
    assert.equal(replay.status, 403);
    // A fresh form works.
    const fresh = await c.form('/compte/connexion', 'password');
    assert.equal((await c.submit(fresh.form, { email: participant.email, password: BULK_PASSWORD })).status, 303);
  }));

  it('security headers: a Content-Security-Policy without inline scripts, nosniff, Referrer-Policy, no framing', { timeout: TEST_TIMEOUT }, t(async () => {
    const [slug] = queryRows(db.url, "SELECT slug FROM cycles WHERE status = 'published' ORDER BY slug LIMIT 1")[0];
    const c = new HttpClient(base);
    const pages = ['/', '/cycles', `/cycles/${slug}`, '/compte/connexion', '/compte/inscription', '/page-qui-n-existe-pas'];
    for (const p of pages) {
      const res = await c.get(p);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
      assert.equal(directives['default-src'], "'self'", `${p}: ${csp}`);
      assert.equal(directives['script-src'], "'self'", `${p}: no inline or foreign script`);
      assert.equal(directives['style-src'], "'self'", `${p}: no inline style`);
      assert.equal(directives['frame-ancestors'], "'none'", p);
      assert.equal(directives['object-src'], "'none'", p);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', p);
      assert.equal(res.headers.get('referrer-policy'), 'same-origin', p);
      // What the policy would block must not be in the pages.
      for (const tag of res.text.match(/<script\b[^>]*>/g) ?? [])
        assert.match(tag, /\bsrc="\/|type="application\/ld\+json"/, `${p}: inline script ${tag}`);
      assert.doesNotMatch(res.text, /<[^>]+\sstyle="/, `${p}: inline style attribute`);
      assert.doesNotMatch(res.text, /<[^>]+\son[a-z]+="/, `${p}: inline event handler`);
    }
    // Not on files: a policy there means nothing.
    const css = await c.get('/static/css/app.css');
    assert.equal(css.status, 200);
    assert.equal(css.headers.get('x-content-type-options'), 'nosniff');
  }));

  it('JSON-LD: "<", ">" and "&" are escaped, so a cycle text cannot close the script element', { timeout: TEST_TIMEOUT }, t(async () => {
    const [slug] = queryRows(db.url, "SELECT slug FROM cycles WHERE status = 'published' ORDER BY slug LIMIT 1")[0];
    const summary = 'Eau & forêts </script><script>alert(1)</script> <!-- <b>gras</b> -->';
    runSql(db.url, `UPDATE cycles SET summary = ${q(summary)} WHERE slug = ${q(slug)}`);
    const c = new HttpClient(base);
    await login(c, participant.email, BULK_PASSWORD); // logged in: never the cached page
    const page = await c.get(`/cycles/${slug}`);
    assert.equal(page.status, 200);
    const blocks = [...page.text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.equal(blocks.length, 1, 'one JSON-LD block');
    assert.doesNotMatch(blocks[0], /[<>&]/, blocks[0].slice(0, 400));
    const data = JSON.parse(blocks[0]);
    assert.equal(data['@type'], 'EventSeries');
    assert.equal(data.description, summary, 'the same text for any JSON reader');
    assert.equal((page.text.match(/<script\b/g) ?? []).length, (page.text.match(/<\/script>/g) ?? []).length);
  }));

  it('over-long address or headers: 414 and 431 with a French text, not a closed connection', { timeout: TEST_TIMEOUT }, t(async () => {
    const longUrl = await rawExchange(base, `/cycles?theme=${'a'.repeat(10_000)}`);
    assert.equal(longUrl.status, 414);
    assert.match(longUrl.text, /Adresse trop longue/);

    const longField = await rawExchange(base, '/', { 'x-long': 'b'.repeat(10_000) });
    assert.equal(longField.status, 431);
    assert.match(longField.text, /En-têtes de requête trop volumineux/);

    const manyFields = {};
    for (let i = 0; i < 8; i++) manyFields[`x-field-${i}`] = 'c'.repeat(6_000);
    assert.equal((await rawExchange(base, '/', manyFields)).status, 431, '48 KB of headers in all');

    // Past http_parser's default 80 KiB, which closed the connection without a word.
    assert.equal((await rawExchange(base, `/?q=${'d'.repeat(100_000)}`)).status, 414);
    const bigCookie = await rawExchange(base, '/', { cookie: `ateliers_csrf=${'e'.repeat(100_000)}` });
    assert.equal(bigCookie.status, 431);

    // Ordinary sizes still pass.
    assert.equal((await rawExchange(base, `/cycles?theme=${'a'.repeat(2_000)}`)).status, 200);
    assert.equal((await rawExchange(base, '/', { 'x-ok': 'f'.repeat(4_000) })).status, 200);
  }));

  it('a draft cycle is a 404 without its title for anyone but the organisers', { timeout: TEST_TIMEOUT }, t(async () => {
    const title = 'Projet confidentiel des lagunes';
    const o = new HttpClient(base);
    await login(o, organiser.email, BULK_PASSWORD);
    const { form } = await o.form('/admin/nouveau-cycle', 'title');
    const year = new Date().getFullYear() + 2;
    const created = await o.submit(form, {
      title,
      theme: 'Transition écologique',
      summary: 'Un cycle encore en préparation.',
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
    });
    assert.equal(created.status, 303, created.pageText.slice(0, 600));
    const slug = /\/admin\/cycles\/([^?/]+)/.exec(created.locationPath)[1];
    assert.deepEqual(queryRows(db.url, `SELECT status FROM cycles WHERE slug = ${q(slug)}`), [['draft']]);

    const p = new HttpClient(base);
    await login(p, participant.email, BULK_PASSWORD);
    const anonymous = new HttpClient(base);
    const pages = [
      `/cycles/${slug}`,
      `/cycles/${slug}/inscription`,
      `/cycles/${slug}/calendrier.ics`,
      `/animation/${slug}`,
      `/animation/${slug}/groupes`,
      `/animation/${slug}/presences`,
      `/animation/${slug}/seances/1/presences`,
      `/animation/${slug}/seances/1/plan`,
      `/animation/${slug}/seances/1/direct`,
    ];
    const wrong = [];
    for (const [who, client] of [['participant', p], ['anonymous', anonymous]]) {
      for (const page of pages) {
        const res = await client.get(page);
        if (who === 'anonymous' && res.status === 303 && /^\/compte\/connexion\?suivant=/.test(res.locationPath)) continue;
        if (res.status !== 404 || res.text.includes('lagunes'))
          wrong.push(`${who} ${page}: ${res.status}${res.text.includes('lagunes') ? ', names the cycle' : ''}`);
      }
    }
    assert.deepEqual(wrong, [], 'a draft cycle must look like no cycle at all');
    // Its organisers still reach it.
    assert.equal((await o.get(`/admin/cycles/${slug}`)).status, 200);
  }));
});

/** The Set-Cookie lines of a page asked for as if over HTTPS through a proxy. */
async function cookiesClaimingHttps(baseUrl) {
  const res = await fetch(`${baseUrl}/compte/connexion`, { headers: { 'X-Forwarded-Proto': 'https' } });
  const cookies = res.headers.getSetCookie();
  assert.ok(cookies.length > 0, 'the login page sets its CSRF cookie');
  return cookies;
}

describe('X-Forwarded-For sans proxy de confiance — sqlite', () => {
  let db;
  let server;
  const t = (fn) => withServerLog(() => server, fn);

  before(
    async () => {
      db = await sqliteDb();
      server = await startServer({ db: db.url });
    },
    { timeout: SETUP_TIMEOUT },
  );
  after(() => stopAll(() => server?.stop(), () => db?.stop()), { timeout: 60_000 });

  it('a forged X-Forwarded-For does not dodge the per-address login limit', { timeout: TEST_TIMEOUT }, t(async () => {
    const statuses = await wrongLogins(server.baseUrl, 31, (i) => `198.51.100.${i + 1}`);
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(401));
    assert.equal(statuses[30], 429, '31st wrong password from the same address');
  }));

  it('X-Forwarded-Proto from anyone does not decide the cookies\' Secure flag', { timeout: TEST_TIMEOUT }, t(async () => {
    for (const cookie of await cookiesClaimingHttps(server.baseUrl)) assert.doesNotMatch(cookie, /;\s*Secure/i, cookie);
  }));
});

describe('X-Forwarded-For derrière un proxy de confiance — sqlite', () => {
  let db;
  let server;
  const t = (fn) => withServerLog(() => server, fn);

  before(
    async () => {
      db = await sqliteDb();
      server = await startServer({ db: db.url, extraArgs: ['--trusted-proxy', '10.0.0.0/8', '--trusted-proxy', '127.0.0.1'] });
    },
    { timeout: SETUP_TIMEOUT },
  );
  after(() => stopAll(() => server?.stop(), () => db?.stop()), { timeout: 60_000 });

  it('the right-most untrusted hop is the client, whatever it wrote before', { timeout: TEST_TIMEOUT }, t(async () => {
    const statuses = await wrongLogins(server.baseUrl, 31, (i) => `6.6.6.${i + 1}, 203.0.113.7, 10.1.2.3`);
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(401));
    assert.equal(statuses[30], 429, 'the client 203.0.113.7 is limited, whatever it put before');
    // Another client behind the same proxy is not.
    assert.deepEqual(await wrongLogins(server.baseUrl, 1, () => '6.6.6.1, 203.0.113.8'), [401]);
  }));

  it('the trusted proxy\'s X-Forwarded-Proto: https makes the cookies Secure', { timeout: TEST_TIMEOUT }, t(async () => {
    for (const cookie of await cookiesClaimingHttps(server.baseUrl)) assert.match(cookie, /;\s*Secure/i, cookie);
  }));
});

describe('jetons CSRF entre deux processus — postgresql', () => {
  let db;
  let first;
  let second;
  let user;
  const t = (fn) => withServerLog(() => first, fn);

  before(
    async () => {
      db = await startPostgres();
      first = await startServer({ db: db.url });
      second = await startServeOnly({ db: db.url });
      [user] = createBulkUsers(db.url, [{ collectiviteId: pickCommunes(db.url, 1, { offset: 3100 })[0] }], { tag: 'csrf2' });
    },
    { timeout: SETUP_TIMEOUT },
  );
  after(() => stopAll(() => second?.stop(), () => first?.stop(), () => db?.stop()), { timeout: 60_000 });

  it('a form served by one process is accepted by the other (one key per site, in the database)', { timeout: TEST_TIMEOUT }, t(async () => {
    const c = new HttpClient(first.baseUrl);
    const { form } = await c.form('/compte/connexion', 'password');
    const res = await c.post(`${second.baseUrl}/compte/connexion`, { ...form.fields, email: user.email, password: BULK_PASSWORD });
    assert.equal(res.status, 303, res.pageText.slice(0, 400));
    // Logged in through the second, the rotated token works on the first.
    const space = await c.get('/espace');
    assert.equal(space.status, 200);
    const out = await c.submit(formOf(space, '/compte/deconnexion'));
    assert.equal(out.status, 303);
  }));
});
