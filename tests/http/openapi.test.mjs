// The OpenAPI 3.1 description of /api/v1 (docs/openapi.json): valid against the 3.1
// meta-schema, served at /api/v1/openapi.json, in step with the routes the server
// answers, and able to catch a response that drifts from it. The other HTTP suites
// validate every /api/v1 answer they receive against it (tests/support/openapi_check.mjs).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { HttpClient, makeTempDir, startServer, withServerLog } from '../support/harness.mjs';
import { OPENAPI_PATH, OpenApiMismatch, findOperation, openApiChecker } from '../support/openapi_check.mjs';
import { createBulkUsers, pickCommunes } from '../support/bulk.mjs';

const SETUP_TIMEOUT = 300_000;
const TEST_TIMEOUT = 60_000;
const documentText = fs.readFileSync(OPENAPI_PATH, 'utf8');

// Every route the server answers under /api/v1, one concrete request each ({slug} and
// {id} are filled in from the demo content). Keep it in step with the modules' `api`
// routes: the test below fails when the document and this list disagree.
const KNOWN_ROUTES = [
  ['GET', '/api/v1/cycles'],
  ['GET', '/api/v1/cycles/{cycle}'],
  ['GET', '/api/v1/cycles/{cycle}/registrations'],
  ['POST', '/api/v1/cycles/{cycle}/registrations'],
  ['GET', '/api/v1/registrations/1'],
  ['DELETE', '/api/v1/registrations/1'],
  ['POST', '/api/v1/registrations/1/cancel'],
  ['DELETE', '/api/v1/registrations/1/cancel'],
  ['GET', '/api/v1/me'],
  ['GET', '/api/v1/me/registrations'],
  ['POST', '/api/v1/events/{event}/registrations'],
  ['GET', '/api/v1/collectivites?q=pelussin'],
  ['GET', '/api/v1/programmes'],
  ['GET', '/api/v1/programmes/{programme}'],
  ['GET', '/api/v1/projects'],
  ['GET', '/api/v1/projects/{project}'],
  ['GET', '/api/v1/openapi.json'],
];

describe('OpenAPI description of /api/v1', () => {
  let db;
  let server;
  let base;
  let user;
  const t = (fn) => withServerLog(() => server, fn);

  before(async () => {
    db = await makeTempDir('sqlite');
    const url = `sqlite:${path.join(db.dir, 'test.db')}`;
    server = await startServer({ db: url });
    base = server.baseUrl;
    [user] = createBulkUsers(url, pickCommunes(url, 1, { offset: 4100 }).map((collectiviteId) => ({ collectiviteId })), { tag: 'oas' });
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await server?.stop();
    await db?.remove();
  }, { timeout: 60_000 });

  it('is a valid OpenAPI 3.1 document whose response schemas all compile', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(documentText));
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
    assert.equal(validator.version, '3.1');
    const doc = JSON.parse(documentText);
    const checker = openApiChecker(doc);
    // Each described status of each operation, with a body of the wrong type: the schema
    // must compile (references resolve) and refuse it.
    for (const [template, item] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(item)) {
        if (method === 'parameters') continue;
        assert.ok(operation.operationId, `${method} ${template} has an operationId`);
        for (const status of Object.keys(operation.responses)) {
          const p = `/api/v1${template.replace(/\{[^}]+\}/g, '1')}`;
          assert.throws(
            () => checker.checkApiResponse({ method, path: p, status: Number(status), contentType: 'application/json', body: '"texte"' }),
            OpenApiMismatch,
            `${method} ${template} ${status}`,
          );
        }
      }
  });

  it('is served at /api/v1/openapi.json, as JSON a client may cache', { timeout: TEST_TIMEOUT }, t(async () => {
    const c = new HttpClient(base);
    const res = await c.get('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    assert.match(res.contentType, /^application\/json/);
    assert.match(res.headers.get('cache-control'), /public, max-age=\d+/);
    assert.deepEqual(res.json(), JSON.parse(documentText));
    const post = await c.request('POST', '/api/v1/openapi.json');
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  }));

  it('describes every route the server answers, and only those', { timeout: TEST_TIMEOUT }, t(async () => {
    const doc = JSON.parse(documentText);
    const c = new HttpClient(base);
    const cycles = (await c.get('/api/v1/cycles')).json().cycles;
    assert.ok(cycles.length > 0, 'the demo content has published cycles');
    const programmes = (await c.get('/api/v1/programmes')).json().programmes;
    assert.ok(programmes.length > 0, 'the demo content has a programme');
    const fill = (p) =>
      p.replace('{cycle}', cycles[0].slug).replace('{event}', 'evenement-inconnu').replace('{programme}', programmes[0].slug)
        .replace('{project}', '1');
    const described = new Set();
    for (const [method, p] of KNOWN_ROUTES) {
      const found = findOperation(method, p);
      assert.ok(found?.operation, `${method} ${p} is answered by the server but not described in docs/openapi.json`);
      described.add(`${method.toLowerCase()} ${found.template}`);
      // Anonymous, with an empty JSON body for writes: the route exists (no "Point
      // d'accès inconnu"), and the HttpClient has checked the answer against the document.
      const res = await c.request(method, fill(p), method === 'GET' ? {} : { body: '{}', headers: { 'content-type': 'application/json' } });
      assert.notEqual(res.json().error, "Point d'accès inconnu.", `${method} ${p}: the server does not answer it`);
    }
    for (const [template, item] of Object.entries(doc.paths))
      for (const method of Object.keys(item).filter((m) => m !== 'parameters'))
        assert.ok(described.has(`${method} ${template}`), `${method.toUpperCase()} ${template} is described but not in KNOWN_ROUTES`);
    // Unknown addresses and methods answer the described error object.
    assert.equal((await c.get('/api/v1/inconnu')).status, 404);
    assert.equal((await c.request('PUT', '/api/v1/me')).status, 405);
    // With a token, the caller's own reads are 200 and match.
    const me = await c.get('/api/v1/me', { headers: { authorization: `Bearer ${user.token}` } });
    assert.equal(me.status, 200);
    assert.equal(me.json().email, user.email);
  }));

  it('fails, naming the operation and the schema error, when a response drifts from the document', { timeout: TEST_TIMEOUT }, t(async () => {
    const c = new HttpClient(base);
    const list = await c.get('/api/v1/cycles');
    const answer = { method: 'GET', path: '/api/v1/cycles', status: 200, contentType: list.contentType, body: list.text };
    openApiChecker(JSON.parse(documentText)).checkApiResponse(answer);

    // A field the server does not send, as if the document had moved on without it.
    const required = JSON.parse(documentText);
    required.components.schemas.CycleFields.required.push('venue');
    assert.throws(() => openApiChecker(required).checkApiResponse(answer),
      (e) => e instanceof OpenApiMismatch && /listCycles/.test(e.message) && /venue/.test(e.message));
    // A field the document does not know, as if the server had moved on.
    const narrowed = JSON.parse(documentText);
    delete narrowed.components.schemas.CycleFields.properties.seats_left;
    narrowed.components.schemas.CycleFields.required = narrowed.components.schemas.CycleFields.required.filter((n) => n !== 'seats_left');
    assert.throws(() => openApiChecker(narrowed).checkApiResponse(answer),
      (e) => e instanceof OpenApiMismatch && /unevaluated/.test(e.message) && /seats_left/.test(e.message));
    // A status the operation does not describe.
    assert.throws(() => openApiChecker(JSON.parse(documentText)).checkApiResponse({ ...answer, status: 409 }),
      (e) => e instanceof OpenApiMismatch && /status 409 is not described/.test(e.message));
    // A header the response must carry (Allow on 405, WWW-Authenticate on 401, Location on 201).
    const refusal = await c.request('POST', '/api/v1/cycles');
    assert.equal(refusal.status, 405);
    const without = { method: 'POST', path: '/api/v1/cycles', status: 405, contentType: refusal.contentType, body: refusal.text };
    assert.throws(() => openApiChecker(JSON.parse(documentText)).checkApiResponse({ ...without, headers: {} }),
      (e) => e instanceof OpenApiMismatch && /required header Allow is missing/.test(e.message));
    // A path the document does not know.
    assert.throws(() => openApiChecker(JSON.parse(documentText)).checkApiResponse({ ...answer, path: '/api/v1/secret' }),
      (e) => e instanceof OpenApiMismatch && /not in docs\/openapi.json/.test(e.message));
  }));
});
