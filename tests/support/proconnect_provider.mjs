// A ProConnect stand-in on loopback for the tests: the npm `oidc-provider` configured as
// ProConnect is (issuer under /api/v2, scopes and claims of docs/identity.md, acr through
// the claims parameter, userinfo signed as application/jwt, session/end), behind a small
// front server that can misbehave on demand: forged ID tokens or userinfo (other audience,
// expired, a missing claim, signed with a key it does not publish) or no answer at all.
// Like ProConnect, the front refuses any authorize parameter it does not list, and a state
// or nonce under 32 characters.

import crypto from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const PREFIX = '/api/v2';
const AUTHORIZE_PARAMS = new Set(['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'nonce', 'claims',
  'prompt', 'idp_hint', 'login_hint']);
export const SCOPES = 'openid email given_name usual_name uid siret idp_id';

const b64 = (buf) => Buffer.from(buf).toString('base64url');
const decodePart = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

function newRsaKey(kid) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

/** RS256 compact JWS of payload under the header's kid, signed with privateKey. */
function signJwt(header, payload, privateKey) {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  return `${input}.${b64(crypto.sign('sha256', Buffer.from(input), privateKey))}`;
}

/** A fresh agent identity as ProConnect's userinfo gives it. */
export function agent(overrides = {}) {
  const n = crypto.randomBytes(4).toString('hex');
  return {
    email: `agent.${n}@mairie-test.fr`,
    given_name: 'Camille',
    usual_name: `Agent ${n}`,
    uid: `uid-${n}`,
    siret: '21420168300016', // Pélussin's SIREN, 214201683
    idp_id: 'fia1',
    ...overrides,
  };
}

/**
 * Starts the front server; the provider itself is made by configure() once the client's
 * redirect URL is known. Returns { issuer, configure, setAgent, fault, stop }.
 */
export async function startProConnect() {
  const signing = newRsaKey('pc-key-1');
  const impostor = newRsaKey('pc-key-1'); // same kid, never published
  const agents = new Map();
  let currentAgent = null;
  let provider = null;
  let handler = null;
  const state = { fault: null, clientId: 'ateliers-test', clientSecret: crypto.randomBytes(24).toString('hex') };

  const inner = http.createServer(async (req, res) => {
    try {
      if (req.url.startsWith('/interaction/')) {
        // No login page: the agent chosen by the test signs in at eidas1 and consents.
        await provider.interactionDetails(req, res);
        await provider.interactionFinished(req, res, { login: { accountId: currentAgent, acr: 'eidas1' } }, {
          mergeWithLastSubmission: false,
        });
        return;
      }
      handler(req, res);
    } catch (e) {
      res.statusCode = 500;
      res.end(String(e?.stack ?? e));
    }
  });
  await new Promise((resolve) => inner.listen(0, '127.0.0.1', resolve));
  const innerPort = inner.address().port;

  const front = http.createServer((req, res) => frontHandle(req, res));
  await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${front.address().port}${PREFIX}`;

  function forward(req, res, rewrite) {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = req.url.slice(PREFIX.length) || '/';
      const out = http.request(
        { host: '127.0.0.1', port: innerPort, method: req.method, path: url, headers: { ...req.headers, 'x-original-url': req.url } },
        (answer) => {
          const parts = [];
          answer.on('data', (c) => parts.push(c));
          answer.on('end', () => {
            let payload = Buffer.concat(parts);
            const headers = { ...answer.headers };
            if (rewrite && answer.statusCode === 200) {
              const changed = rewrite(payload.toString('utf8'));
              // a string keeps the content type; { body, contentType } changes it
              payload = Buffer.from(typeof changed === 'string' ? changed : changed.body);
              if (typeof changed !== 'string') headers['content-type'] = changed.contentType;
              headers['content-length'] = String(payload.length);
            }
            res.writeHead(answer.statusCode, headers);
            res.end(payload);
          });
        },
      );
      out.on('error', (e) => {
        res.statusCode = 502;
        res.end(e.message);
      });
      out.end(body);
    });
  }

  // Re-signs a JWT after changing its claims: the forgery a fault asks for.
  function forge(jwt, change, key = signing.privateKey) {
    const [h, p] = jwt.split('.');
    const header = decodePart(h);
    const payload = decodePart(p);
    change(payload);
    return signJwt(header, payload, key);
  }

  function frontHandle(req, res) {
    const fault = state.fault;
    if (fault === 'down') {
      req.socket.destroy();
      return;
    }
    if (!req.url.startsWith(PREFIX) || !handler) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    const u = new URL(req.url, issuer);
    const route = u.pathname.slice(PREFIX.length);
    if (route === '/authorize' && req.method === 'GET') {
      const unknown = [...u.searchParams.keys()].filter((k) => !AUTHORIZE_PARAMS.has(k));
      const short = ['state', 'nonce'].filter((k) => (u.searchParams.get(k) ?? '').length < 32);
      if (unknown.length || short.length) {
        res.statusCode = 400;
        res.end(`Y000400 Bad Request (${[...unknown, ...short].join(', ')})`);
        return;
      }
    }
    if (route === '/token' && ['bad-signature', 'wrong-audience', 'expired'].includes(fault)) {
      return forward(req, res, (text) => {
        const tokens = JSON.parse(text);
        if (fault === 'bad-signature') tokens.id_token = forge(tokens.id_token, () => {}, impostor.privateKey);
        if (fault === 'wrong-audience') tokens.id_token = forge(tokens.id_token, (c) => { c.aud = 'un-autre-service'; });
        if (fault === 'expired') {
          const now = Math.floor(Date.now() / 1000);
          tokens.id_token = forge(tokens.id_token, (c) => { c.iat = now - 7200; c.exp = now - 3600; });
        }
        return JSON.stringify(tokens);
      });
    }
    if (route === '/userinfo' && fault === 'missing-claim') {
      return forward(req, res, (jwt) => forge(jwt.trim(), (c) => { delete c.siret; }));
    }
    if (route === '/userinfo' && fault === 'unsigned-userinfo') {
      return forward(req, res, (jwt) => ({
        body: JSON.stringify(decodePart(jwt.trim().split('.')[1])),
        contentType: 'application/json; charset=utf-8',
      }));
    }
    forward(req, res);
  }

  function configure({ redirectUri, postLogoutRedirectUri }) {
    provider = new Provider(issuer, {
      clients: [
        {
          client_id: state.clientId,
          client_secret: state.clientSecret,
          redirect_uris: [redirectUri],
          post_logout_redirect_uris: [postLogoutRedirectUri],
          token_endpoint_auth_method: 'client_secret_post',
          id_token_signed_response_alg: 'RS256',
          userinfo_signed_response_alg: 'RS256',
        },
      ],
      jwks: { keys: [signing.jwk] },
      cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
      routes: { authorization: '/authorize', userinfo: '/userinfo', end_session: '/session/end', token: '/token', jwks: '/jwks' },
      scopes: SCOPES.split(' '),
      claims: {
        openid: ['sub'],
        email: ['email'],
        given_name: ['given_name'],
        usual_name: ['usual_name'],
        uid: ['uid'],
        siret: ['siret'],
        idp_id: ['idp_id'],
      },
      acrValues: ['eidas1', 'eidas2', 'eidas3'],
      features: {
        devInteractions: { enabled: false },
        claimsParameter: { enabled: true },
        jwtUserinfo: { enabled: true },
        rpInitiatedLogout: { enabled: true },
      },
      pkce: { required: () => false },
      interactions: { url: (_ctx, interaction) => `${PREFIX}/interaction/${interaction.uid}` },
      async findAccount(_ctx, id) {
        const who = agents.get(id);
        if (!who) return undefined;
        return { accountId: id, async claims() { return { sub: id, ...who }; } };
      },
      async loadExistingGrant(ctx) {
        // Consent is ProConnect's business, not the test's: every scope granted.
        const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
        grant.addOIDCScope(SCOPES);
        grant.addOIDCClaims(['acr']);
        await grant.save();
        return grant;
      },
      ttl: { AuthorizationCode: 30, AccessToken: 60, IdToken: 3600, Session: 3600, Interaction: 600, Grant: 3600 },
    });
    provider.on('server_error', (_ctx, e) => console.error('oidc-provider:', e));
    const callback = provider.callback();
    handler = (req, res) => {
      req.originalUrl = req.headers['x-original-url'];
      callback(req, res);
    };
  }

  return {
    issuer,
    get clientId() {
      return state.clientId;
    },
    get clientSecret() {
      return state.clientSecret;
    },
    configure,
    /** The agent the next sign-in will be (sub: a new id unless given). */
    setAgent(claims, sub = `sub-${crypto.randomBytes(6).toString('hex')}`) {
      agents.set(sub, claims);
      currentAgent = sub;
      return sub;
    },
    /** null, 'down', 'bad-signature', 'wrong-audience', 'expired', 'missing-claim', 'unsigned-userinfo'. */
    fault(name) {
      state.fault = name;
    },
    async stop() {
      front.closeAllConnections?.();
      inner.closeAllConnections?.();
      await Promise.all([new Promise((r) => front.close(r)), new Promise((r) => inner.close(r))]);
    },
  };
}
