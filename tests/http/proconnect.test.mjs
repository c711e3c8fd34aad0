// Signing in with ProConnect against a real OpenID provider on loopback (npm
// oidc-provider, configured as ProConnect: tests/support/proconnect_provider.mjs), on
// SQLite and PostgreSQL: success (new account, then the existing one), logout through
// session/end, and every way it must fail without creating anything: wrong state, replayed
// code, bad signature, wrong audience, expired token, missing claim, unsigned userinfo,
// provider down.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  HttpClient,
  formOf,
  makeTempDir,
  startPostgres,
  startServer,
  startSmtpSink,
  withServerLog,
} from '../support/harness.mjs';
import { queryRows, q } from '../support/bulk.mjs';
import { createConfirmedUser } from '../support/flows.mjs';
import { agent, startProConnect } from '../support/proconnect_provider.mjs';

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
  describe(`connexion ProConnect — ${backend}`, () => {
    let db;
    let sink;
    let pc;
    let server;
    let base;
    const t = (fn) => withServerLog(() => server, fn);

    before(
      async () => {
        db = await startDb();
        sink = await startSmtpSink();
        pc = await startProConnect();
        server = await startServer({
          db: db.url,
          smtpPort: sink.port,
          extraArgs: (baseUrl) => {
            pc.configure({ redirectUri: `${baseUrl}/compte/proconnect/retour`, postLogoutRedirectUri: `${baseUrl}/` });
            return [
              '--proconnect-issuer', pc.issuer,
              '--proconnect-client-id', pc.clientId,
              '--proconnect-client-secret', pc.clientSecret,
              '--proconnect-redirect-url', `${baseUrl}/compte/proconnect/retour`,
            ];
          },
        });
        base = server.baseUrl;
      },
      { timeout: SETUP_TIMEOUT },
    );

    after(async () => {
      await server?.stop();
      await pc?.stop();
      await sink?.stop();
      await db?.stop();
    });

    const accountsOf = (email) => queryRows(db.url, `SELECT id, full_name, collectivite_id FROM users WHERE email = ${q(email)}`);
    const identities = (email) =>
      queryRows(db.url, `SELECT p.siret, COALESCE(p.collectivite_id, '') FROM proconnect_identities p JOIN users u ON u.id = p.user_id WHERE u.email = ${q(email)}`);

    const proconnectLink = (page) => {
      const m = /href="(\/compte\/proconnect\?[^"]*)"/.exec(page.text);
      assert.ok(m, 'the ProConnect button on the login page');
      return m[1].replace(/&amp;/g, '&');
    };

    // The login page's ProConnect button, then the provider up to the moment it sends
    // the browser back to us: returns that return URL (not yet visited).
    async function throughProvider(client, next) {
      const login = await client.get(`/compte/connexion${next ? `?suivant=${encodeURIComponent(next)}` : ''}`);
      assert.equal(login.status, 200);
      let res = await client.get(proconnectLink(login));
      for (let i = 0; i < 10; i++) {
        assert.ok(res.status >= 300 && res.status < 400, `expected a redirect at ${res.url}, got ${res.status}: ${res.text.slice(0, 300)}`);
        if (res.location.startsWith(`${base}/compte/proconnect/retour`)) return res.location;
        res = await client.get(res.location);
      }
      throw new Error('the provider never sent the browser back');
    }

    async function signIn(client, who, next) {
      pc.setAgent(who);
      const back = await throughProvider(client, next);
      return client.get(back);
    }

    function assertRefused(res, status, words) {
      assert.equal(res.status, status, res.text.slice(0, 500));
      assert.match(res.pageText, words);
      assert.match(res.pageText, /Revenir à la connexion/);
    }

    it('le bouton ProConnect est sur la page de connexion', t(async () => {
      const page = await new HttpClient(base).get('/compte/connexion');
      assert.match(page.pageText, /S’identifier avec ProConnect/);
    }));

    it('première connexion : un compte confirmé est créé dans la collectivité du SIRET, puis retrouvé', t(async () => {
      const who = agent();
      const client = new HttpClient(base);
      const res = await signIn(client, who, '/evenements');
      assert.equal(res.status, 303, res.text.slice(0, 300));
      assert.equal(res.locationPath, '/evenements');
      assert.ok(client.cookie('ateliers_session'));
      const space = await client.get('/espace');
      assert.equal(space.status, 200);
      assert.match(space.pageText, new RegExp(who.usual_name));
      const rows = accountsOf(who.email);
      assert.equal(rows.length, 1);
      assert.equal(rows[0][1], `${who.given_name} ${who.usual_name}`);
      assert.equal(rows[0][2], 'commune:42168'); // SIREN 214201683: Pélussin
      assert.deepEqual(identities(who.email), [[who.siret, 'commune:42168']]);

      // A second sign-in, from another browser, reaches the same account.
      const again = await signIn(new HttpClient(base), who);
      assert.equal(again.status, 303);
      assert.equal(accountsOf(who.email).length, 1);
    }));

    it('relie le compte existant de même adresse confirmée', t(async () => {
      const { email } = await createConfirmedUser(base, sink);
      const before = accountsOf(email);
      const client = new HttpClient(base);
      const res = await signIn(client, agent({ email: email.toUpperCase() }));
      assert.equal(res.status, 303);
      assert.deepEqual(accountsOf(email).map((r) => r[0]), before.map((r) => r[0]));
      assert.equal(identities(email).length, 1);
    }));

    it('la déconnexion passe par session/end de ProConnect avec id_token_hint', t(async () => {
      const client = new HttpClient(base);
      assert.equal((await signIn(client, agent())).status, 303);
      const space = await client.get('/espace');
      const out = await client.submit(formOf(space, '/compte/deconnexion'));
      assert.equal(out.status, 303);
      const url = new URL(out.location);
      assert.equal(`${url.origin}${url.pathname}`, `${pc.issuer}/session/end`);
      const hint = url.searchParams.get('id_token_hint');
      assert.equal(hint.split('.').length, 3);
      assert.equal(url.searchParams.get('post_logout_redirect_uri'), `${base}/`);
      assert.ok(url.searchParams.get('state').length >= 32);
      // The provider accepts the hint (it answers its logout confirmation, not an error).
      const provider = await client.get(out.location);
      assert.equal(provider.status, 200, provider.text.slice(0, 300));
      // Our session has ended.
      const after = await client.get('/espace');
      assert.equal(after.status, 303);
    }));

    it('état différent de celui du navigateur : refusé, rien de créé', t(async () => {
      const who = agent();
      const client = new HttpClient(base);
      pc.setAgent(who);
      const back = new URL(await throughProvider(client));
      back.searchParams.set('state', 'x'.repeat(43));
      assertRefused(await client.get(back.href), 410, /n'est plus valable/);
      assert.equal(accountsOf(who.email).length, 0);
      // Another browser (no state cookie) with the right state fares no better.
      const other = await new HttpClient(base).get(await throughProvider(new HttpClient(base)));
      assertRefused(other, 410, /n'est plus valable/);
      assert.equal(accountsOf(who.email).length, 0);
    }));

    it('code rejoué : refusé', t(async () => {
      const who = agent();
      const client = new HttpClient(base);
      pc.setAgent(who);
      const back = await throughProvider(client);
      assert.equal((await client.get(back)).status, 303);
      // The same return URL again: its state is used up.
      assertRefused(await client.get(back), 410, /n'est plus valable/);
      // The same code with a fresh state of ours (another browser): the provider refuses it.
      const other = new HttpClient(base);
      const fresh = new URL(await throughProvider(other));
      fresh.searchParams.set('code', new URL(back).searchParams.get('code'));
      assertRefused(await other.get(fresh.href), 401, /déjà utilisé ou expiré/);
      assert.equal(other.cookie('ateliers_session'), undefined);
    }));

    for (const [fault, status, words] of [
      ['bad-signature', 401, /signature non valable/],
      ['wrong-audience', 401, /destiné à un autre service/],
      ['expired', 401, /jeton expiré/],
      ['missing-claim', 401, /« siret » absente/],
      ['unsigned-userinfo', 503, /de façon inattendue/],
    ]) {
      it(`${fault} : refusé avec un message clair, rien de créé`, t(async () => {
        const who = agent();
        const client = new HttpClient(base);
        pc.setAgent(who);
        const back = await throughProvider(client);
        pc.fault(fault);
        try {
          assertRefused(await client.get(back), status, words);
        } finally {
          pc.fault(null);
        }
        assert.equal(accountsOf(who.email).length, 0);
        assert.equal(client.cookie('ateliers_session'), undefined);
      }));
    }

    it('ProConnect ne répond pas : message clair, rien de créé', t(async () => {
      const who = agent();
      pc.fault('down');
      try {
        const client = new HttpClient(base);
        const login = await client.get('/compte/connexion');
        assertRefused(await client.get(proconnectLink(login)), 503, /ProConnect ne répond pas/);
      } finally {
        pc.fault(null);
      }
      const client = new HttpClient(base);
      pc.setAgent(who);
      const back = await throughProvider(client);
      pc.fault('down');
      try {
        const res = await client.get(back);
        assertRefused(res, 503, /ProConnect ne répond pas/);
        assert.match(res.pageText, /ProConnect est indisponible/);
      } finally {
        pc.fault(null);
      }
      assert.equal(accountsOf(who.email).length, 0);
    }));
  });
}
