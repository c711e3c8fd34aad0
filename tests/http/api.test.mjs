// The JSON API (/api/v1) over HTTP, black-box, on SQLite and on PostgreSQL.
// Accounts and tokens are written straight into the database (tests/support/bulk.mjs);
// one token comes from the `ateliers token create` command, to check it end to end.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  HttpClient,
  SERVER_BIN,
  makeTempDir,
  rawRequest,
  startPostgres,
  startServer,
  withServerLog,
} from '../support/harness.mjs';
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
  situationText,
  tokenHashes,
} from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 60_000;

const BACKENDS = {
  async sqlite() {
    const tmp = await makeTempDir('sqlite');
    return { url: `sqlite:${path.join(tmp.dir, 'test.db')}`, stop: () => tmp.remove() };
  },
  postgresql: startPostgres,
};

const BAD_JSON = "Le corps de la requête n'est pas un JSON valide.";

function cli(db, ...args) {
  const r = spawnSync(SERVER_BIN, [...args, '--db', db], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

for (const [backend, startDb] of Object.entries(BACKENDS)) {
  describe(`API JSON /api/v1 — ${backend}`, () => {
    let db;
    let server;
    let base;
    let agent;
    let communes;
    let used = 0;
    const t = (fn) => withServerLog(() => server, fn);
    /** n users of distinct, never used communes (optionally with a role). */
    const users = (n, extra = {}) => {
      const ids = communes.slice(used, used + n);
      used += n;
      assert.equal(ids.length, n, 'enough communes picked for the suite');
      return createBulkUsers(db.url, ids.map((collectiviteId) => ({ collectiviteId, ...extra })), { tag: 'api' });
    };
    const call = (method, p, opts) => requestJson(base, agent, method, p, opts);
    const register = (slug, user, body = registrationBody(user)) =>
      call('POST', `/api/v1/cycles/${slug}/registrations`, { token: user.token, body });
    const cycleId = (slug) => Number(queryRows(db.url, `SELECT id FROM cycles WHERE slug = ${q(slug)}`)[0][0]);

    before(
      async () => {
        db = await startDb();
        server = await startServer({ db: db.url });
        base = server.baseUrl;
        agent = keepAliveAgent(8);
        communes = pickCommunes(db.url, 200, { offset: 1000 });
      },
      { timeout: SETUP_TIMEOUT },
    );

    after(
      async () => {
        agent?.destroy();
        for (const stop of [() => server?.stop(), () => db?.stop()]) {
          try {
            await stop();
          } catch (e) {
            console.error(`cleanup: ${e.message}`);
          }
        }
      },
      { timeout: 60_000 },
    );

    it('GET /api/v1/cycles lists the published cycles as JSON, without visio links', { timeout: TEST_TIMEOUT }, t(async () => {
      runSql(db.url, "UPDATE cycle_sessions SET visio_url = 'https://visio.exemple.fr/salle-secrete-4242';");
      const res = await call('GET', '/api/v1/cycles');
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers['content-type'], /^application\/json; charset=utf-8/);
      assert.doesNotMatch(res.text, /salle-secrete|visio\.exemple/);
      const body = res.json;
      assert.equal(body.total, 6);
      assert.equal(body.page, 1);
      assert.equal(body.pages, 1);
      assert.equal(body.cycles.length, 6);
      const forets = body.cycles.find((c) => c.slug === 'forets-cooperer');
      assert.ok(forets, 'the forêts cycle is listed');
      assert.equal(forets.mode, 'first_come');
      assert.equal(forets.capacity, 15);
      assert.equal(forets.seats_left + forets.seats_taken, 15);
      assert.equal(forets.availability, 'open');
      assert.equal(forets.sessions.length, 4);
      assert.match(forets.sessions[0].starts_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[12]:00$/);
      assert.ok(forets.territory_types.some((x) => x.code === 'montagne' && x.label));
      assert.equal(forets.url, `${base}/cycles/forets-cooperer`);
      assert.ok(Array.isArray(body.themes) && body.themes.length > 0);
      assert.ok(Array.isArray(body.months) && body.months.length > 0);
    }));

    it('GET /api/v1/cycles filters by territoire, theme, mois, places and paginates', { timeout: TEST_TIMEOUT }, t(async () => {
      const all = (await call('GET', '/api/v1/cycles')).json.cycles;
      const montagne = (await call('GET', '/api/v1/cycles?territoire=montagne')).json;
      assert.deepEqual(
        montagne.cycles.map((c) => c.slug).sort(),
        all.filter((c) => c.territory_types.some((x) => x.code === 'montagne')).map((c) => c.slug).sort(),
      );
      const theme = all[0].theme;
      const byTheme = (await call('GET', `/api/v1/cycles?theme=${encodeURIComponent(theme)}`)).json;
      assert.ok(byTheme.total >= 1 && byTheme.cycles.every((c) => c.theme === theme));
      const month = all[0].sessions[0].starts_at.slice(0, 7);
      const byMonth = (await call('GET', `/api/v1/cycles?mois=${month}`)).json;
      assert.ok(byMonth.cycles.some((c) => c.slug === all[0].slug));
      assert.ok(byMonth.cycles.every((c) => c.sessions[0].starts_at.startsWith(month)));
      const places = (await call('GET', '/api/v1/cycles?places=1')).json;
      assert.ok(places.cycles.every((c) => c.availability === 'open'));
      const page2 = (await call('GET', '/api/v1/cycles?par_page=4&page=2')).json;
      assert.equal(page2.pages, 2);
      assert.equal(page2.page, 2);
      assert.equal(page2.per_page, 4);
      assert.deepEqual(page2.cycles.map((c) => c.slug), all.slice(4).map((c) => c.slug));
      const region = (await call('GET', '/api/v1/cycles?region=84')).json;
      assert.equal(region.total, 6, 'cycles open to every territory are listed for any région');
    }));

    it('GET /api/v1/cycles refuses malformed filters with 400 and a message per parameter', { timeout: TEST_TIMEOUT }, t(async () => {
      const res = await call('GET', '/api/v1/cycles?territoire=lune&mois=2027-13&places=oui&page=0&par_page=1000');
      assert.equal(res.status, 400);
      assert.ok(res.json.error);
      assert.deepEqual(Object.keys(res.json.fields).sort(), ['mois', 'page', 'par_page', 'places', 'territoire']);
      // (an ill-encoded query string is dropped by the HTTP layer; an ill-encoded path reaches the API)
      const bad = await rawRequest(base, { method: 'GET', path: '/api/v1/cycles/for%FF%FEts' });
      assert.equal(bad.status, 400);
      assert.match(JSON.parse(bad.text).error, /UTF-8/);
    }));

    it('GET /api/v1/cycles/{slug} gives the whole cycle, never its visio links; 404 in JSON when unknown', { timeout: TEST_TIMEOUT }, t(async () => {
      const res = await call('GET', '/api/v1/cycles/forets-cooperer');
      assert.equal(res.status, 200);
      assert.doesNotMatch(res.text, /salle-secrete|visio\.exemple|visio_url/);
      const c = res.json;
      assert.equal(c.slug, 'forets-cooperer');
      assert.ok(c.description.length > 100);
      assert.ok(c.facilitator && c.facilitator_bio);
      assert.ok(c.contacts.length >= 1 && c.contacts.every((x) => x.email && x.full_name));
      assert.equal(c.registration_url, `${base}/cycles/forets-cooperer/inscription`);
      const missing = await call('GET', '/api/v1/cycles/cycle-qui-n-existe-pas');
      assert.equal(missing.status, 404);
      assert.match(missing.headers['content-type'], /^application\/json/);
      assert.ok(missing.json.error);
    }));

    it('unknown API paths answer 404 and wrong methods 405 with Allow, in JSON; /api/v1/collectivites is untouched', { timeout: TEST_TIMEOUT }, t(async () => {
      const unknown = await call('GET', '/api/v1/inconnu');
      assert.equal(unknown.status, 404);
      assert.deepEqual(unknown.json, { error: "Point d'accès inconnu.", fields: {} });
      const put = await call('PUT', '/api/v1/cycles', { body: {} });
      assert.equal(put.status, 405);
      assert.match(put.headers.allow, /GET/);
      assert.ok(put.json.error);
      const post = await call('POST', '/api/v1/cycles', { body: {} });
      assert.equal(post.status, 405);
      const search = await call('GET', '/api/v1/collectivites?q=pelussin');
      assert.equal(search.status, 200);
      assert.ok(Array.isArray(search.json) && search.json.some((c) => c.id === 'commune:42168'));
    }));

    it('authentication: 401 with WWW-Authenticate: Bearer when the token is missing, unknown or malformed', { timeout: TEST_TIMEOUT }, t(async () => {
      const [u] = users(1);
      for (const [headers, oauthError] of [
        [{}, null],
        [{ authorization: 'Bearer pas-un-vrai-jeton' }, 'invalid_token'],
        [{ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, 'invalid_request'],
        [{ authorization: 'Bearer' }, 'invalid_request'],
      ]) {
        for (const [method, p, body] of [
          ['GET', '/api/v1/me', undefined],
          ['GET', '/api/v1/me/registrations', undefined],
          ['POST', '/api/v1/cycles/forets-cooperer/registrations', JSON.stringify(registrationBody(u))],
          ['POST', '/api/v1/registrations/1/cancel', undefined],
        ]) {
          const res = await rawRequest(base, { method, path: p, headers: { 'content-type': 'application/json', ...headers }, body });
          assert.equal(res.status, 401, `${method} ${p} with ${JSON.stringify(headers)}: ${res.text}`);
          assert.match(res.headers['www-authenticate'] ?? '', /^Bearer realm="ateliers"/);
          if (oauthError) assert.match(res.headers['www-authenticate'], new RegExp(`error="${oauthError}"`));
          assert.ok(JSON.parse(res.text).error);
        }
      }
      const me = await call('GET', '/api/v1/me', { token: u.token });
      assert.equal(me.status, 200);
      assert.equal(me.json.email, u.email);
      assert.equal(me.json.collectivite.id, u.collectiviteId);
      assert.deepEqual(me.json.roles, ['participant']);
    }));

    it('`ateliers token create/list/revoke`: the token works, only its BLAKE2b-256 hash is stored, revoked means 401', { timeout: TEST_TIMEOUT }, t(async () => {
      const [u] = users(1);
      const created = cli(db.url, 'token', 'create', u.email.toUpperCase(), '--label', 'Outil de suivi');
      assert.equal(created.code, 0, created.stderr);
      const token = created.stdout.trim();
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);
      assert.match(created.stderr, /Outil de suivi/);
      const [hash] = tokenHashes([token]);
      const stored = queryRows(db.url, `SELECT token_hash, label FROM api_tokens WHERE user_id = ${u.id} AND label = 'Outil de suivi'`);
      assert.deepEqual(stored, [[hash, 'Outil de suivi']], 'the stored hash is BLAKE2b-256 of the token');
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM api_tokens WHERE token_hash = ${q(token)}`)[0][0], '0', 'the token itself is not stored');
      const me = await call('GET', '/api/v1/me', { token });
      assert.equal(me.status, 200);
      assert.equal(me.json.id, u.id);
      const list = cli(db.url, 'token', 'list', u.email);
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, new RegExp(`^${hash}\\t.*\\tOutil de suivi$`, 'm'));
      const revoked = cli(db.url, 'token', 'revoke', hash);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.equal((await call('GET', '/api/v1/me', { token })).status, 401);
      assert.equal((await call('GET', '/api/v1/me', { token: u.token })).status, 200, 'the other token still works');
      const unknown = cli(db.url, 'token', 'create', 'personne@exemple.fr');
      assert.notEqual(unknown.code, 0);
      assert.match(unknown.stderr, /Aucun compte/);
    }));

    it('POST …/registrations registers: 201 {id, status, waiting_position, warnings}, then visible in /me/registrations', { timeout: TEST_TIMEOUT }, t(async () => {
      const [u] = users(1);
      const res = await register('forets-cooperer', u);
      assert.equal(res.status, 201, res.text);
      assert.equal(res.json.status, 'confirmed');
      assert.equal(res.json.waiting_position, null);
      assert.deepEqual(res.json.warnings, []);
      assert.ok(Number.isInteger(res.json.id));
      assert.equal(res.headers.location, `/api/v1/registrations/${res.json.id}`);
      const one = await call('GET', res.headers.location, { token: u.token });
      assert.equal(one.status, 200);
      assert.equal(one.json.cycle.slug, 'forets-cooperer');
      assert.equal(one.json.status, 'confirmed');
      assert.equal(one.json.situation, situationText(0));
      const mine = await call('GET', '/api/v1/me/registrations', { token: u.token });
      assert.equal(mine.status, 200);
      assert.deepEqual(mine.json.registrations.map((r) => r.id), [res.json.id]);
      const row = queryRows(db.url, `SELECT collectivite_id, mandate, function_title, status FROM registrations WHERE id = ${res.json.id}`)[0];
      assert.deepEqual(row, [u.collectiviteId, u.mandate, u.functionTitle, 'confirmed']);
      // someone else cannot read it
      const [other] = users(1);
      assert.equal((await call('GET', res.headers.location, { token: other.token })).status, 404);
    }));

    it('absent collectivité, mandate and function default to the profile', { timeout: TEST_TIMEOUT }, t(async () => {
      const [u] = users(1, { mandate: 'agent', functionTitle: 'Directrice générale des services' });
      const res = await register('tensions-posture', u, {
        situation: situationText(7),
        commitments: { attend: true, share: true, camera: true },
      });
      assert.equal(res.status, 201, res.text);
      const row = queryRows(db.url, `SELECT collectivite_id, mandate, function_title FROM registrations WHERE id = ${res.json.id}`)[0];
      assert.deepEqual(row, [u.collectiviteId, 'agent', 'Directrice générale des services']);
    }));

    it('409 when already registered, and when the collectivité already holds the cycle’s place', { timeout: TEST_TIMEOUT }, t(async () => {
      const [a, b] = users(2);
      assert.equal((await register('renouer-dialogue-apres-emeutes', a)).status, 201);
      const again = await register('renouer-dialogue-apres-emeutes', a);
      assert.equal(again.status, 409);
      assert.match(again.json.error, /déjà inscrit/);
      const colleague = await register('renouer-dialogue-apres-emeutes', b, { ...registrationBody(b), collectivite: a.collectiviteId });
      assert.equal(colleague.status, 409);
      assert.ok(colleague.json.fields.collectivite, 'the collectivité field carries the message');
      assert.match(colleague.json.error, /collectivité/);
    }));

    it('422 with a message per field for invalid registrations; 404 for an unknown cycle', { timeout: TEST_TIMEOUT }, t(async () => {
      const [u] = users(1);
      const empty = await register('forets-cooperer', u, { situation: 'trop court', mandate: 'maire', function_title: '', commitments: { attend: true } });
      assert.equal(empty.status, 422);
      assert.ok(empty.json.error);
      assert.deepEqual(Object.keys(empty.json.fields).sort(), ['commitments', 'function_title', 'mandate', 'situation']);
      const types = await register('forets-cooperer', u, { situation: 42, collectivite: ['x'], commitments: { attend: 'oui', share: true, camera: 1 } });
      assert.equal(types.status, 422);
      assert.deepEqual(Object.keys(types.json.fields).sort(), ['collectivite', 'commitments.attend', 'commitments.camera', 'situation']);
      const notObject = await register('forets-cooperer', u, { ...registrationBody(u), commitments: [true, true, true] });
      assert.equal(notObject.status, 422);
      assert.ok(notObject.json.fields.commitments);
      const unknownPlace = await register('forets-cooperer', u, { ...registrationBody(u), collectivite: 'commune:00000' });
      assert.equal(unknownPlace.status, 422);
      assert.ok(unknownPlace.json.fields.collectivite);
      const noCycle = await register('cycle-inconnu', u);
      assert.equal(noCycle.status, 404);
      assert.ok(noCycle.json.error);
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM registrations WHERE user_id = ${u.id}`)[0][0], '0');
    }));

    it('400 for a body that is not JSON, not UTF-8, not an object or nested too deep', { timeout: TEST_TIMEOUT }, t(async () => {
      const [u] = users(1);
      const p = '/api/v1/cycles/forets-cooperer/registrations';
      const headers = { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' };
      for (const body of ['{"situation":', '', 'situation=abc', '{"a":1}{"b":2}', `${'['.repeat(5000)}${']'.repeat(5000)}`]) {
        const res = await rawRequest(base, { method: 'POST', path: p, headers, body });
        assert.equal(res.status, 400, `body ${body.slice(0, 20)}: ${res.text}`);
        assert.deepEqual(JSON.parse(res.text), { error: BAD_JSON, fields: {} });
      }
      const latin1 = await rawRequest(base, { method: 'POST', path: p, headers, body: Buffer.from('{"situation":"\xe9t\xe9"}', 'latin1') });
      assert.equal(latin1.status, 400);
      assert.match(JSON.parse(latin1.text).error, /UTF-8/);
      for (const body of ['[]', '"texte"', '42', 'null']) {
        const res = await rawRequest(base, { method: 'POST', path: p, headers, body });
        assert.equal(res.status, 400, body);
        assert.match(JSON.parse(res.text).error, /objet JSON/);
      }
      const big = await rawRequest(base, { method: 'POST', path: p, headers, body: JSON.stringify({ situation: 'x'.repeat(1100 * 1024) }) });
      assert.equal(big.status, 413);
      assert.ok(JSON.parse(big.text).error);
    }));

    it('a cookie session authorises API reads but never API writes', { timeout: TEST_TIMEOUT }, t(async () => {
      const [u] = users(1);
      const browser = new HttpClient(base);
      await login(browser, u.email, BULK_PASSWORD);
      const mine = await browser.get('/api/v1/me/registrations');
      assert.equal(mine.status, 200, 'GET with the session cookie');
      assert.deepEqual(mine.json(), { registrations: [] });
      const csrf = browser.cookie('ateliers_csrf');
      const post = await browser.request('POST', '/api/v1/cycles/forets-cooperer/registrations', {
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf ?? '' },
        body: JSON.stringify({ ...registrationBody(u), csrf_token: csrf }),
      });
      assert.equal(post.status, 401, post.text);
      assert.match(post.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM registrations WHERE user_id = ${u.id}`)[0][0], '0');
    }));

    it('registration windows: 409 before the opening and after the closing', { timeout: TEST_TIMEOUT }, t(async () => {
      const [u] = users(1);
      const now = Math.floor(Date.now() / 1000);
      const id = cycleId('eau-ressource-rare');
      const [opens, closes] = queryRows(db.url, `SELECT registration_opens_at, registration_closes_at FROM cycles WHERE id = ${id}`)[0];
      try {
        runSql(db.url, `UPDATE cycles SET registration_opens_at = ${now + 86400} WHERE id = ${id};`);
        const early = await register('eau-ressource-rare', u);
        assert.equal(early.status, 409);
        assert.match(early.json.error, /pas encore ouvertes/);
        runSql(db.url, `UPDATE cycles SET registration_opens_at = ${now - 86400}, registration_closes_at = ${now - 60} WHERE id = ${id};`);
        const late = await register('eau-ressource-rare', u);
        assert.equal(late.status, 409);
        assert.match(late.json.error, /closes/);
      } finally {
        runSql(db.url, `UPDATE cycles SET registration_opens_at = ${opens}, registration_closes_at = ${closes} WHERE id = ${id};`);
      }
    }));

    it('waiting list, cancellation by POST …/cancel and promotion of the first person waiting', { timeout: TEST_TIMEOUT }, t(async () => {
      const slug = 'montagnes-dialogue-dilemmes';
      runSql(db.url, `UPDATE cycles SET capacity = 2 WHERE slug = ${q(slug)};`);
      const people = users(4);
      const results = [];
      for (const u of people) results.push(await register(slug, u));
      assert.deepEqual(results.map((r) => r.status), [201, 201, 201, 201]);
      assert.deepEqual(results.map((r) => [r.json.status, r.json.waiting_position]), [
        ['confirmed', null], ['confirmed', null], ['waiting', 1], ['waiting', 2],
      ]);
      // another person's registration cannot be cancelled
      const stranger = await call('POST', `/api/v1/registrations/${results[0].json.id}/cancel`, { token: people[1].token });
      assert.equal(stranger.status, 404);
      const cancel = await call('POST', `/api/v1/registrations/${results[0].json.id}/cancel`, { token: people[0].token });
      assert.equal(cancel.status, 200, cancel.text);
      assert.deepEqual(cancel.json, { id: results[0].json.id, status: 'cancelled', status_label: 'Annulée' });
      const twice = await call('POST', `/api/v1/registrations/${results[0].json.id}/cancel`, { token: people[0].token });
      assert.equal(twice.status, 409);
      const promoted = await call('GET', `/api/v1/registrations/${results[2].json.id}`, { token: people[2].token });
      assert.equal(promoted.json.status, 'confirmed');
      const next = await call('GET', '/api/v1/me/registrations', { token: people[3].token });
      assert.equal(next.json.registrations[0].status, 'waiting');
      assert.equal(next.json.registrations[0].waiting_position, 1);
      assert.equal(queryRows(db.url, `SELECT COUNT(*) FROM outbox WHERE recipient = ${q(people[2].email)}`)[0][0], '2', 'waiting, then promoted e-mails');
    }));

    it('DELETE /api/v1/registrations/{id} cancels too, with a token only', { timeout: TEST_TIMEOUT }, t(async () => {
      const [u] = users(1);
      const reg = await register('solidarite-acces-aux-droits', u);
      assert.equal(reg.status, 201);
      const anonymous = await call('DELETE', `/api/v1/registrations/${reg.json.id}`);
      assert.equal(anonymous.status, 401);
      const res = await call('DELETE', `/api/v1/registrations/${reg.json.id}`, { token: u.token });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.json, { id: reg.json.id, status: 'cancelled', status_label: 'Annulée' });
      const again = await call('DELETE', `/api/v1/registrations/${reg.json.id}`, { token: u.token });
      assert.equal(again.status, 409);
      const viaCancel = await call('DELETE', `/api/v1/registrations/${reg.json.id}/cancel`, { token: u.token });
      assert.equal(viaCancel.status, 409, 'DELETE …/cancel is accepted as well');
    }));

    it('organisers list a cycle’s registrations; participants get 403', { timeout: TEST_TIMEOUT }, t(async () => {
      const slug = 'montagnes-dialogue-dilemmes';
      const [organiser] = users(1, { role: 'organiser' });
      const [participant] = users(1);
      const denied = await call('GET', `/api/v1/cycles/${slug}/registrations`, { token: participant.token });
      assert.equal(denied.status, 403);
      assert.ok(denied.json.error);
      assert.equal((await call('GET', `/api/v1/cycles/${slug}/registrations`)).status, 401);
      const res = await call('GET', `/api/v1/cycles/${slug}/registrations`, { token: organiser.token });
      assert.equal(res.status, 200, res.text);
      const { cycle, registrations } = res.json;
      assert.equal(cycle.slug, slug);
      assert.deepEqual(cycle.counts, { applied: 0, confirmed: 2, waiting: 1, declined: 0, cancelled: 1 });
      assert.equal(registrations.length, 4);
      for (const r of registrations) {
        assert.ok(r.collectivite.id.startsWith('commune:') && r.collectivite.label && r.collectivite.name);
        assert.ok(['elu', 'agent'].includes(r.mandate) && r.mandate_label);
        assert.ok(r.participant.full_name && r.participant.email);
        assert.ok(r.status_label);
      }
      assert.deepEqual(registrations.filter((r) => r.status === 'waiting').map((r) => r.waiting_position), [1]);
      assert.deepEqual(registrations.filter((r) => r.status === 'confirmed').map((r) => r.seat).sort(), [1, 2]);
      const waiting = await call('GET', `/api/v1/cycles/${slug}/registrations?statut=waiting`, { token: organiser.token });
      assert.equal(waiting.json.registrations.length, 1);
      const bad = await call('GET', `/api/v1/cycles/${slug}/registrations?statut=perdu`, { token: organiser.token });
      assert.equal(bad.status, 400);
      assert.ok(bad.json.fields.statut);
      const missing = await call('GET', '/api/v1/cycles/inconnu/registrations', { token: organiser.token });
      assert.equal(missing.status, 404);
      // the organiser's browser session works for this read as well
      const browser = new HttpClient(base);
      await login(browser, organiser.email, BULK_PASSWORD);
      assert.equal((await browser.get(`/api/v1/cycles/${slug}/registrations`)).status, 200);
    }));
  });
}
