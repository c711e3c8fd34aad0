// The live stream over HTTP with two `ateliers serve` processes on one PostgreSQL:
// a phase changed through server A reaches a page connected to server B (through
// live_states.version, read by B's poller); the JSON long poll answers as soon as
// the version passes; streams are refused to outsiders and bounded per process,
// and a closed page gives its place back.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { HttpClient, sleep, startPostgres, startServer, withServerLog } from '../support/harness.mjs';
import { startServeOnly } from '../support/bulk.mjs';
import { openStream, postTransition, seedLive } from '../support/live.mjs';

const MAX = 3;  // streams per process on server A

// GET …/flux keeping every block and the end of the response (openStream stops at the first event).
function watch(baseUrl, cookie, sessionId) {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(`/direct/seances/${sessionId}/flux`, baseUrl), {
      agent: false,
      headers: { cookie, accept: 'text/event-stream' },
    }, (res) => {
      const blocks = [];
      let buffer = '';
      let text = '';
      const ended = new Promise((done) => res.on('end', () => done('ended')));
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          blocks.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      });
      res.on('error', () => {});
      const versions = () => blocks.filter((b) => /^event: state$/m.test(b)).map((b) => Number(/^id: (\d+)$/m.exec(b)[1]));
      if (res.statusCode !== 200) return ended.then(() => resolve({ req, status: res.statusCode, text }));
      resolve({ req, status: res.statusCode, blocks, versions, ended });
    });
    req.on('error', reject);
  });
}

describe('séance en direct — deux serveurs, PostgreSQL', () => {
  let db;
  let a;
  let b;
  const t = (fn) => withServerLog(() => a, fn);

  before(async () => {
    db = await startPostgres();
    a = await startServer({ db: db.url, env: { ATELIERS_LIVE_MAX_CONNECTIONS: String(MAX) } });
    b = await startServeOnly({ db: db.url });
  }, { timeout: 300_000 });

  after(async () => {
    for (const stop of [() => b?.stop(), () => a?.stop(), () => db?.stop()]) {
      try {
        await stop();
      } catch (e) {
        console.error(`cleanup: ${e.message}`);
      }
    }
  }, { timeout: 60_000 });

  it('a change through one server reaches pages on the other; long poll; access; bound', { timeout: 120_000 }, t(async () => {
    const { cycles: [cycle] } = seedLive(db.url, { cycles: 1, participants: 5, prefix: 'http' });
    const [participant] = cycle.members;
    const events = [];
    const onB = await openStream(b.baseUrl, participant.cookie, cycle.sessionId, (v, at, state) => events.push({ v, at, state }));
    assert.equal(onB.status, 200);
    assert.match(onB.headers['content-type'], /^text\/event-stream/);
    assert.equal(onB.headers['x-accel-buffering'], 'no');
    assert.equal(events[0].v, 0);
    assert.equal(events[0].state.stage, 'not_started');
    assert.equal(events[0].state.group.number, 1);
    assert.equal(events[0].state.is_client, true, 'the first member of the group is its client');

    const started = await postTransition(a.baseUrl, cycle.slug, 1, cycle.facilitator.cookie, 'start');
    assert.equal(started.status, 200, JSON.stringify(started.json));
    assert.equal(started.json.version, 1);
    const deadline = performance.now() + 3000;
    while (!events.some((e) => e.v === 1) && performance.now() < deadline) await sleep(20);
    const got = events.find((e) => e.v === 1);
    assert.ok(got, 'server B pushed version 1');
    const delay = got.at - started.started;
    console.log(`server A → page on server B: ${delay.toFixed(0)} ms`);
    assert.ok(delay < 2000, `${delay} ms`);
    assert.equal(got.state.headline, 'Accueil et météo');
    assert.equal(got.state.remaining_ms > 14 * 60_000, true);

    // Long poll on B: waits while nothing changes, answers at the next change.
    const url = `${b.baseUrl}/direct/seances/${cycle.sessionId}/etat`;
    const plain = await fetch(url, { headers: { cookie: participant.cookie } });
    assert.equal(plain.status, 200);
    assert.equal((await plain.json()).version, 1);
    const polled = fetch(`${url}?depuis=1`, { headers: { cookie: participant.cookie } }).then(async (r) => ({
      status: r.status, body: await r.json(), at: performance.now(),
    }));
    const waited = await Promise.race([polled, sleep(800).then(() => 'pending')]);
    assert.equal(waited, 'pending', 'no change: the poll waits');
    const next = await postTransition(a.baseUrl, cycle.slug, 1, cycle.facilitator.cookie, 'next');
    const answer = await polled;
    assert.equal(answer.status, 200);
    assert.equal(answer.body.version, 2);
    assert.equal(answer.body.headline, 'Éclairage');
    assert.ok(answer.at - next.started < 2000);

    // Refused transitions and strangers.
    const wrong = await postTransition(a.baseUrl, cycle.slug, 1, cycle.facilitator.cookie, 'resume');
    assert.equal(wrong.status, 409);
    assert.equal(wrong.json.error, 'La séance n’est pas en pause.');
    assert.equal((await postTransition(a.baseUrl, cycle.slug, 1, participant.cookie, 'next')).status, 403);
    assert.equal((await openStream(a.baseUrl, '', cycle.sessionId)).status, 401);
    // A participant of another cycle.
    const outsider = seedLive(db.url, { cycles: 1, participants: 1, prefix: 'http-o' }).people[0];
    assert.equal((await openStream(a.baseUrl, outsider.cookie, cycle.sessionId)).status, 403);
    assert.equal((await openStream(a.baseUrl, participant.cookie, 999999)).status, 404);

    // At most MAX streams on server A; a closed page gives its place back.
    const held = [];
    for (let i = 0; i < MAX; i++) {
      const s = await openStream(a.baseUrl, cycle.members[i].cookie, cycle.sessionId);
      assert.equal(s.status, 200);
      held.push(s.req);
    }
    const over = await openStream(a.baseUrl, cycle.members[3].cookie, cycle.sessionId);
    assert.equal(over.status, 503);
    assert.ok(over.headers['retry-after']);
    for (const r of held) r.destroy();
    // The hub learns a page is gone when a write to it fails (the first write after the
    // close may still land in the socket buffer): changes make it write, until the place is back.
    let again;
    for (let i = 0; i < 40; i++) {
      await postTransition(a.baseUrl, cycle.slug, 1, cycle.facilitator.cookie, i % 2 ? 'resume' : 'pause');
      again = await openStream(a.baseUrl, cycle.members[3].cookie, cycle.sessionId);
      if (again.status === 200) break;
      await sleep(250);
    }
    assert.equal(again.status, 200, 'places are given back after the pages closed');
    again.req.destroy();
    onB.req.destroy();
  }));

  it('a page stops receiving once its person logs out; at most 5 pages per account', { timeout: 120_000 }, t(async () => {
    const { cycles: [cycle] } = seedLive(db.url, { cycles: 1, participants: 3, prefix: 'http-fin' });
    const [leaving, busy, other] = cycle.members;
    const stream = await watch(b.baseUrl, leaving.cookie, cycle.sessionId);
    assert.equal(stream.status, 200);
    while (stream.versions().length === 0) await sleep(20);

    // Logged out through server B; the change is made through server A.
    const c = new HttpClient(b.baseUrl);
    c.cookies.set('ateliers_session', { value: leaving.cookie.split('=')[1], lines: [] });
    assert.equal((await c.get('/espace')).status, 200);
    const out = await c.post('/compte/deconnexion', { csrf_token: c.cookie('ateliers_csrf') });
    assert.equal(out.status, 303);
    const started = await postTransition(a.baseUrl, cycle.slug, 1, cycle.facilitator.cookie, 'start');
    assert.equal(started.status, 200);
    const end = await Promise.race([stream.ended, sleep(5000).then(() => 'still open')]);
    assert.equal(end, 'ended', 'the stream is closed at the next push');
    assert.deepEqual(stream.versions(), [0], 'no state after the logout');
    assert.ok(stream.blocks.some((block) => /^event: fin$/m.test(block)), 'a last "fin" event says why');
    assert.equal((await openStream(b.baseUrl, leaving.cookie, cycle.sessionId)).status, 401);

    // Five pages for one account, not six; others are not held up; a closed page frees its place.
    const held = [];
    for (let i = 0; i < 5; i++) {
      const s = await watch(b.baseUrl, busy.cookie, cycle.sessionId);
      assert.equal(s.status, 200, `page ${i + 1}`);
      held.push(s);
    }
    const sixth = await watch(b.baseUrl, busy.cookie, cycle.sessionId);
    assert.equal(sixth.status, 429);
    assert.match(sixth.text, /Trop de pages de séance en direct sont ouvertes avec votre compte \(5 au plus\)/);
    const someoneElse = await watch(b.baseUrl, other.cookie, cycle.sessionId);
    assert.equal(someoneElse.status, 200);
    someoneElse.req.destroy();
    for (const s of held) s.req.destroy();
    let again;
    for (let i = 0; i < 40; i++) {
      await postTransition(a.baseUrl, cycle.slug, 1, cycle.facilitator.cookie, i % 2 ? 'resume' : 'pause');
      again = await watch(b.baseUrl, busy.cookie, cycle.sessionId);
      if (again.status === 200) break;
      await sleep(250);
    }
    assert.equal(again.status, 200, 'places are given back after the pages closed');
    again.req.destroy();
  }));
});
